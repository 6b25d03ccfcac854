// A deck as an Anki package (.apkg) that Anki opens: a schema-11 collection (collection.anki2, which
// every Anki since 2.1 imports) with one Basic note type, a note and card per Drill card, the cards'
// tags, and, when asked, the learner's own schedule and review log so Anki carries on where Drill
// left off. Fields are the cards' Markdown rendered to plain, safe HTML (the renderer's rules, no
// syntax highlighting); an answer with key points is written as its lead, the points as a list, then
// the rest. The deck's images go in as Anki's media files. Ids are stable (from each card's creation
// time), so exporting again updates, not doubles.
import "server-only";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import type { Viewer } from "../decks/access";
import { renderPortableHtml } from "../markdown/render";
import { getStudySettings } from "../review/settings";
import { State } from "../scheduling/fsrs";
import { db } from "../server/db";
import { DAY_MS } from "../time";
import { ANKI_SCHEMA_11, FIELD_SEPARATOR } from "./anki-schema";
import { exportableDeck, portableAnswer } from "./transfer";

/** Anki caps an answer's recorded time at a minute. */
const ANKI_MAX_ANSWER_MS = 60_000;
const NOTE_TYPE_ID = 1_700_000_000_000;
/** Anki's review-log kinds: learning, review, relearning (by the card's state before the rating). */
const REVLOG_KIND: Record<number, number> = { [State.New]: 0, [State.Learning]: 0, [State.Review]: 1, [State.Relearning]: 2 };

/** A field's text without markup, for Anki's sort field and duplicate checksum. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Unique, stable integer ids from times in ms: a clash moves to the next free millisecond. */
function idMaker() {
  const taken = new Set<number>();
  return (ms: number) => {
    let id = ms;
    while (taken.has(id)) id++;
    taken.add(id);
    return id;
  };
}

function basicNoteType(deckId: number, nowSecs: number) {
  const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] });
  return {
    id: NOTE_TYPE_ID,
    name: "Basic",
    type: 0,
    mod: nowSecs,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [
      { name: "Card 1", ord: 0, qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", did: null, bqfmt: "", bafmt: "" },
    ],
    flds: [field("Front", 0), field("Back", 1)],
    css: ".card {\n  font-family: arial;\n  font-size: 20px;\n  text-align: left;\n  color: black;\n  background-color: white;\n}\npre { text-align: left; }\n",
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    req: [[0, "any", [0]]],
    tags: [],
    vers: [],
  };
}

function deckEntry(id: number, name: string, nowSecs: number) {
  return {
    id,
    name,
    mod: nowSecs,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: "",
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

const DECK_OPTIONS = {
  id: 1,
  name: "Default",
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
};

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
  const { filename, deckId: drillDeckId, deck } = await exportableDeck(viewer, deckKeyOrId);
  const cardIds = deck.cards.map((c) => c.id);
  const withHistory = options.withHistory && viewer !== null;
  const [states, logs, settings] = withHistory
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
  const stateByCard = new Map(states.map((s) => [s.cardId, s]));

  const nowMs = now.getTime();
  const nowSecs = Math.floor(nowMs / 1000);
  // Anki counts review days from the collection's creation: the day of the first rating, or today.
  const firstMs = Math.min(nowMs, ...logs.slice(0, 1).map((l) => l.reviewedAt.getTime()));
  const crtMs = Math.floor(firstMs / DAY_MS) * DAY_MS;
  const deckId = NOTE_TYPE_ID + 1;

  let mediaFiles: { name: string; bytes: Uint8Array }[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "drill-apkg-"));
  const file = path.join(dir, "collection.anki2");
  try {
    const anki = new Database(file);
    try {
      anki.exec(ANKI_SCHEMA_11);
      const conf = {
        nextPos: deck.cards.length + 1,
        estTimes: true,
        activeDecks: [deckId],
        sortType: "noteFld",
        timeLim: 0,
        sortBackwards: false,
        addToCur: true,
        curDeck: deckId,
        newBury: true,
        newSpread: 0,
        dueCounts: true,
        curModel: NOTE_TYPE_ID,
        collapseTime: 1200,
      };
      anki
        .prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")
        .run(
          crtMs / 1000,
          nowMs,
          nowMs,
          JSON.stringify(conf),
          JSON.stringify({ [NOTE_TYPE_ID]: basicNoteType(deckId, nowSecs) }),
          JSON.stringify({ 1: deckEntry(1, "Default", nowSecs), [deckId]: deckEntry(deckId, deck.title.replace(/::/g, ":"), nowSecs) }),
          JSON.stringify({ 1: DECK_OPTIONS }),
        );
      const insertNote = anki.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
      const insertCard = anki.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, 2500, ?, ?, ?, 0, 0, 0, ?)");
      const insertReview = anki.prepare("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, 2500, ?, ?)");
      const noteId = idMaker();
      const reviewId = idMaker();
      const ankiCardIds = new Map<string, number>();
      // The deck's images go into the package under their names, the fields pointing at those names as
      // Anki's do; the package's media map says which numbered file is which.
      const images = await db.media.findMany({ where: { deckId: drillDeckId }, select: { id: true, name: true, bytes: true } });
      const imageName = new Map(images.map((m) => [`/media/${m.id}`, m.name]));
      const withImageNames = (html: string) =>
        html.replace(/(<img[^>]*\ssrc=")(\/media\/[^"]+)"/g, (whole, start: string, src: string) => {
          const name = imageName.get(src);
          return name ? `${start}${name.replace(/"/g, "&quot;")}"` : whole;
        });
      mediaFiles = images;
      const fields = await Promise.all(
        deck.cards.map(
          async (card) =>
            [withImageNames(await renderPortableHtml(card.front)), withImageNames(await renderPortableHtml(portableAnswer(card)))] as const,
        ),
      );
      anki.transaction(() => {
        deck.cards.forEach((card, position) => {
          const [front, back] = fields[position]!;
          const id = noteId(card.createdAt.getTime());
          ankiCardIds.set(card.id, id);
          const sortField = plainText(front);
          const checksum = parseInt(createHash("sha1").update(sortField).digest("hex").slice(0, 8), 16);
          const guid = createHash("sha1").update(`drill:${card.id}`).digest("base64url").slice(0, 10);
          const tags = card.tags.length ? ` ${card.tags.join(" ")} ` : "";
          insertNote.run(id, guid, NOTE_TYPE_ID, nowSecs, tags, `${front}${FIELD_SEPARATOR}${back}`, sortField, checksum);

          const state = stateByCard.get(card.id);
          let type = 0;
          let queue = 0;
          let due = position + 1;
          let interval = 0;
          let data = "";
          if (state && state.state !== State.New) {
            type = state.state;
            const learning = state.state === State.Learning || state.state === State.Relearning;
            queue = learning ? 1 : 2;
            due = learning ? Math.floor(state.due.getTime() / 1000) : Math.round((state.due.getTime() - crtMs) / DAY_MS);
            interval = learning ? 0 : Math.max(1, state.scheduledDays);
            // Anki 23.10 and later keep FSRS's memory per card: with FSRS on there, it carries on from it.
            data = JSON.stringify({
              s: Number(state.stability.toFixed(4)),
              d: Number(state.difficulty.toFixed(4)),
              dr: settings?.scheduler.desiredRetention ?? 0.9,
              ...(state.lastReview ? { lrt: Math.floor(state.lastReview.getTime() / 1000) } : {}),
            });
          }
          if (state?.suspended) queue = -1;
          else if (state?.buriedUntil && state.buriedUntil > now) queue = -2;
          insertCard.run(
            id,
            id,
            deckId,
            nowSecs,
            type,
            queue,
            due,
            interval,
            state?.reps ?? 0,
            state?.lapses ?? 0,
            queue === 1 ? 1 : 0,
            data,
          );
        });
        const lastInterval = new Map<number, number>();
        for (const log of logs) {
          const cid = ankiCardIds.get(log.cardId);
          if (cid === undefined) continue;
          const gapMs = log.nextDue.getTime() - log.reviewedAt.getTime();
          // Anki's intervals: days, or negative seconds below a day.
          const interval = gapMs >= DAY_MS ? Math.round(gapMs / DAY_MS) : -Math.max(1, Math.round(gapMs / 1000));
          insertReview.run(
            reviewId(log.reviewedAt.getTime()),
            cid,
            log.rating,
            interval,
            lastInterval.get(cid) ?? 0,
            Math.min(ANKI_MAX_ANSWER_MS, Math.max(0, log.durationMs)),
            REVLOG_KIND[log.state] ?? 0,
          );
          lastInterval.set(cid, interval);
        }
      })();
    } finally {
      anki.close();
    }
    const media: Record<string, Uint8Array> = {};
    const map: Record<string, string> = {};
    mediaFiles.forEach((m, i) => {
      media[String(i)] = new Uint8Array(m.bytes);
      map[String(i)] = m.name;
    });
    const bytes = zipSync({ "collection.anki2": readFileSync(file), media: new TextEncoder().encode(JSON.stringify(map)), ...media });
    return { filename: filename.replace(/\.md$/, ".apkg"), bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
