// Exporting a deck as an Anki package and bringing it back: a studied deck exported with its history
// and imported by another learner gives the same cards (as shown), tags and FSRS state per card.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderPortableHtml } from "@/lib/markdown/render";
import { recordRating } from "@/lib/review/rating/record";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { exportDeckApkg } from "@/lib/transfer/anki-export";
import { importAnki } from "@/lib/transfer/anki-import";
import { portableAnswer } from "@/lib/transfer/transfer";
import { joinKeyPoints } from "@/lib/decks/schema";
import { makeUser } from "./helpers";

const DAY = 86_400_000;
const START = new Date("2026-10-01T09:00:00Z");

const CARDS = [
  {
    slug: "gil",
    front: "What does the `GIL` protect?",
    lead: "The interpreter's own state.",
    keyPoints: ["One thread runs bytecode at a time", "Released around blocking I/O", "Processes sidestep it"],
    back: "```python\nimport threading\nthreading.Thread(target=print).start()\n```",
    tags: ["concurrency", "internals"],
  },
  {
    slug: "is",
    front: "What does `is` compare?",
    lead: "",
    keyPoints: [],
    back: "Identity, **not** value:\n\n- `a is b`\n- `id(a) == id(b)`",
    tags: ["types"],
  },
  { slug: "init", front: "What is `__init__.py` for?", lead: "", keyPoints: [], back: "It marks a _regular_ package.", tags: ["basics"] },
];

async function studiedDeck() {
  const author = await makeUser("exporter");
  const deck = await db.deck.create({ data: { ownerId: author.id, title: "Round trip", visibility: "private" } });
  for (const [position, card] of CARDS.entries())
    await db.card.create({
      data: {
        deckId: deck.id,
        slug: card.slug,
        front: card.front,
        lead: card.lead,
        keyPoints: joinKeyPoints(card.keyPoints),
        back: card.back,
        position,
        createdAt: new Date(START.getTime() + position),
        tags: { create: card.tags.map((tag) => ({ tag })) },
      },
    });
  await startStudying(author, deck.id);
  const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
  // The first card studied over two weeks and forgotten (relearning now), the second in review, the third new.
  const ratings: [number, number, 1 | 2 | 3 | 4][] = [
    [0, 0, 3],
    [0, 0.01, 3],
    [1, 0.02, 1],
    [1, 0.03, 3],
    [0, 3, 3],
    [1, 2, 3],
    [0, 14, 1],
  ];
  for (const [index, days, rating] of ratings) {
    const card = cards[index]!;
    const state = await db.cardState.findUnique({ where: { userId_cardId: { userId: author.id, cardId: card.id } } });
    await recordRating(
      author,
      { clientId: randomUUID(), cardId: card.id, rating, expectedVersion: state?.version ?? 0, durationMs: 4000 },
      new Date(START.getTime() + days * DAY),
    );
  }
  return { author, deck, cards };
}

describe("exporting a deck as an Anki package", () => {
  it("writes a collection Anki reads: one Basic note per card, tags, schedule and review log", async () => {
    const { author, deck } = await studiedDeck();
    const { filename, bytes } = await exportDeckApkg(author, deck.id, { withHistory: true }, new Date(START.getTime() + 15 * DAY));
    expect(filename).toMatch(/\.apkg$/);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(["collection.anki2", "media"]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "apkg-test-"));
    try {
      writeFileSync(path.join(dir, "c.anki2"), files["collection.anki2"]!);
      const anki = new Database(path.join(dir, "c.anki2"), { readonly: true });
      const col = anki.prepare("SELECT ver, models, decks FROM col").get() as { ver: number; models: string; decks: string };
      expect(col.ver).toBe(11);
      const models = Object.values(JSON.parse(col.models) as Record<string, { name: string; flds: { name: string }[] }>);
      expect(models.map((m) => [m.name, m.flds.map((f) => f.name)])).toEqual([["Basic", ["Front", "Back"]]]);
      expect(Object.values(JSON.parse(col.decks) as Record<string, { name: string }>).map((d) => d.name)).toContain("Round trip");
      const notes = anki.prepare("SELECT tags, flds FROM notes ORDER BY id").all() as { tags: string; flds: string }[];
      expect(notes.map((n) => n.tags.trim())).toEqual(["concurrency internals", "types", "basics"]);
      expect(notes[0]!.flds.split("\x1f")[0]).toBe("<p>What does the <code>GIL</code> protect?</p>");
      const cards = anki.prepare("SELECT type, queue, ivl, reps, lapses, data FROM cards ORDER BY id").all() as {
        type: number;
        queue: number;
        reps: number;
        lapses: number;
        data: string;
      }[];
      expect(cards.map((c) => [c.type, c.queue, c.reps, c.lapses])).toEqual([
        [3, 1, 4, 1],
        [2, 2, 3, 0],
        [0, 0, 0, 0],
      ]);
      expect(JSON.parse(cards[1]!.data)).toMatchObject({ s: expect.any(Number), d: expect.any(Number), dr: 0.9 });
      expect((anki.prepare("SELECT count(*) AS n FROM revlog").get() as { n: number }).n).toBe(7);
      anki.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("comes back the same: another learner imports it with history and gets the cards, tags and FSRS states", async () => {
    const { author, deck, cards } = await studiedDeck();
    const now = new Date(START.getTime() + 15 * DAY);
    const { bytes } = await exportDeckApkg(author, deck.id, { withHistory: true }, now);

    const other = await makeUser("importer");
    const result = await importAnki(other, bytes, { title: "Brought back", choices: {}, withHistory: true }, now);
    expect(result).toMatchObject({ cards: 3, ratings: 7, skipped: 0 });
    const imported = await db.card.findMany({ where: { deckId: result.deckId }, orderBy: { position: "asc" }, include: { tags: true } });
    expect(imported).toHaveLength(3);
    for (const [i, card] of CARDS.entries()) {
      // The same card as shown: the Markdown may differ in spelling (Anki holds HTML), never in result.
      expect(await renderPortableHtml(imported[i]!.front)).toBe(await renderPortableHtml(card.front));
      expect(await renderPortableHtml(imported[i]!.back)).toBe(await renderPortableHtml(portableAnswer(card)));
      expect(imported[i]!.tags.map((t) => t.tag).sort()).toEqual([...card.tags].sort());
    }
    const mine = await db.cardState.findMany({ where: { userId: author.id, deckId: deck.id } });
    const theirs = await db.cardState.findMany({ where: { userId: other.id, deckId: result.deckId } });
    expect(theirs).toHaveLength(mine.length);
    // Anki keeps a review card's due date as a day: it comes back due on the same day.
    const fields = (s: (typeof mine)[number]) => ({
      state: s.state,
      due: s.due.toISOString().slice(0, 10),
      stability: s.stability,
      difficulty: s.difficulty,
      reps: s.reps,
      lapses: s.lapses,
      scheduledDays: s.scheduledDays,
      lastReview: s.lastReview,
    });
    for (const [i, card] of cards.entries()) {
      const before = mine.find((s) => s.cardId === card.id);
      const after = theirs.find((s) => s.cardId === imported[i]!.id);
      if (!before) expect(after).toBeUndefined();
      else expect(fields(after!)).toEqual(fields(before));
    }
  });

  it("without history, or for someone who only sees a public deck, exports every card as new", async () => {
    const { author, deck } = await studiedDeck();
    await db.deck.update({ where: { id: deck.id }, data: { visibility: "public" } });
    const { bytes } = await exportDeckApkg(null, deck.id, { withHistory: true });
    const other = await makeUser("reader");
    const result = await importAnki(other, bytes, { title: "Public", choices: {}, withHistory: true });
    expect(result).toMatchObject({ cards: 3, ratings: 0 });
    await expect(
      exportDeckApkg(await makeUser("stranger"), (await db.deck.create({ data: { ownerId: author.id, title: "Mine" } })).id, {
        withHistory: false,
      }),
    ).rejects.toThrow();
  });

  it("carries the deck's images as Anki media files, and they come back on import", async () => {
    const owner = await makeUser("with-images");
    const imported = await importAnki(owner, new Uint8Array(readFileSync("tests/fixtures/anki/anki21b.apkg")), {
      title: "Pictures",
      choices: {},
      withHistory: false,
    });
    const { bytes } = await exportDeckApkg(owner, imported.deckId, { withHistory: false });
    const files = unzipSync(bytes);
    expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({ 0: "gil.png" });
    expect(files["0"]!.slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const other = await makeUser("gets-images");
    const again = await importAnki(other, bytes, { title: "Pictures again", choices: {}, withHistory: false });
    expect(again).toMatchObject({ cards: 3, images: 1, skippedMedia: 0 });
    const [image] = await db.media.findMany({ where: { deckId: again.deckId } });
    const backs = (await db.card.findMany({ where: { deckId: again.deckId } })).map((c) => c.back).join("\n");
    expect(backs).toContain(`![gil.png](/media/${image!.id})`);
  });
});
