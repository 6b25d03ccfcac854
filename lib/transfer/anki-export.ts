// A deck as an Anki package (.apkg) that Anki opens: a schema-11 collection (collection.anki2, which
// every Anki since 2.1 imports) with one Basic note type, a note and card per Drill card, the cards'
// tags, and, when asked, the learner's own schedule and review log so Anki carries on where Drill
// left off. Fields are the cards' Markdown rendered to plain, safe HTML (the renderer's rules, no
// syntax highlighting); an answer with key points is written as its lead, the points as a list, then
// the rest. The deck's images go in as Anki's media files. Ids are stable (from each card's creation
// time), so exporting again updates, not doubles. This file reads the deck and writes the file;
// lib/transfer/anki-collection.ts (pure) makes the collection's rows.
import "server-only";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import type { Viewer } from "../decks/access";
import { renderPortableHtml } from "../markdown/render";
import { getStudySettings } from "../review/settings";
import { db } from "../server/db";
import { ankiCollectionRows, withImageNames, type AnkiCollectionRows } from "./anki-collection";
import { ANKI_SCHEMA_11 } from "./anki-schema";
import { exportableDeck, portableAnswer } from "./transfer";

export interface ApkgExport {
  filename: string;
  bytes: Uint8Array;
}

/**
 * The deck as an .apkg. With history (a signed-in learner's own), each card carries their schedule
 * (due, interval, FSRS memory) and the review log their ratings; without, every card is new.
 */
export async function exportDeckApkg(
  viewer: Viewer | null,
  deckKeyOrId: string,
  options: { withHistory: boolean },
  now = new Date(),
): Promise<ApkgExport> {
  const { filename, deckId, deck } = await exportableDeck(viewer, deckKeyOrId);
  const cardIds = deck.cards.map((c) => c.id);
  const withHistory = options.withHistory && viewer !== null;
  const [states, ratings, settings] = withHistory
    ? await Promise.all([
        db.cardState.findMany({ where: { userId: viewer.id, cardId: { in: cardIds } } }),
        db.reviewLog.findMany({
          where: { userId: viewer.id, cardId: { in: cardIds } },
          orderBy: [{ reviewedAt: "asc" }, { reps: "asc" }],
          select: { cardId: true, rating: true, reviewedAt: true, durationMs: true, nextDue: true, state: true },
        }),
        getStudySettings(viewer.id),
      ])
    : [[], [], null];
  // The deck's images go into the package under their names, the fields pointing at those names as
  // Anki's do; the package's media map says which numbered file is which.
  const images = await db.media.findMany({ where: { deckId }, select: { id: true, name: true, bytes: true } });
  const imageNames = new Map(images.map((m) => [`/media/${m.id}`, m.name]));
  const html = async (markdown: string) => withImageNames(await renderPortableHtml(markdown), imageNames);
  const fields = await Promise.all(deck.cards.map(async (card) => [await html(card.front), await html(portableAnswer(card))] as const));
  const rows = ankiCollectionRows({
    title: deck.title,
    cards: deck.cards,
    fields,
    states,
    ratings,
    desiredRetention: settings?.scheduler.desiredRetention ?? 0.9,
    now,
  });
  const media: Record<string, Uint8Array> = {};
  const map: Record<string, string> = {};
  images.forEach((m, i) => {
    media[String(i)] = new Uint8Array(m.bytes);
    map[String(i)] = m.name;
  });
  const bytes = zipSync({ "collection.anki2": collectionFile(rows), media: new TextEncoder().encode(JSON.stringify(map)), ...media });
  return { filename: filename.replace(/\.md$/, ".apkg"), bytes };
}

/** The collection.anki2 file holding `rows` (written to a temporary file, which is removed). */
function collectionFile(rows: AnkiCollectionRows): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), "drill-apkg-"));
  const file = path.join(dir, "collection.anki2");
  try {
    const anki = new Database(file);
    try {
      anki.exec(ANKI_SCHEMA_11);
      anki.prepare("INSERT INTO col VALUES (1, @crt, @mod, @scm, 11, 0, 0, 0, @conf, @models, @decks, @dconf, '{}')").run(rows.col);
      const insertNote = anki.prepare("INSERT INTO notes VALUES (@id, @guid, @mid, @mod, -1, @tags, @flds, @sfld, @csum, 0, '')");
      const insertCard = anki.prepare(
        "INSERT INTO cards VALUES (@id, @nid, @did, 0, @mod, -1, @type, @queue, @due, @ivl, 2500, @reps, @lapses, @left, 0, 0, 0, @data)",
      );
      const insertReview = anki.prepare("INSERT INTO revlog VALUES (@id, @cid, -1, @ease, @ivl, @lastIvl, 2500, @time, @type)");
      anki.transaction(() => {
        for (const note of rows.notes) insertNote.run(note);
        for (const card of rows.cards) insertCard.run(card);
        for (const review of rows.revlog) insertReview.run(review);
      })();
    } finally {
      anki.close();
    }
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
