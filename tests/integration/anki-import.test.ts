// Importing Anki packages (fixtures from scripts/anki-fixtures.ts) into a learner's own deck: cards in
// Markdown with their tags, cloze notes split into question and answer, the review log replayed
// through FSRS into each card's state, and a second import of the same package adding nothing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAnki, previewAnki } from "@/lib/transfer/anki-import";
import { replayCard } from "@/lib/review/history";
import { db } from "@/lib/server/db";
import { makeUser } from "./helpers";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/anki/${name}`));
const NOW = new Date("2026-12-01T12:00:00Z");

describe("importing an Anki package", () => {
  it("previews note types with their fields and first card, tags, reviews and media", () => {
    const preview = previewAnki(fixture("anki21b.apkg"));
    expect(preview.layout).toBe("anki21b");
    const basic = preview.noteTypes.find((t) => t.name === "Basic")!;
    expect(basic).toMatchObject({ fields: ["Front", "Back"], notes: 2, choice: { question: 0, answer: 1 } });
    expect(basic.sample).toEqual({
      question: "What is **the GIL**?",
      answer: "A lock: one thread runs _bytecode_ at a time.  \n[image: gil.png]",
    });
    const cloze = preview.noteTypes.find((t) => t.name === "Cloze")!;
    expect(cloze.sample).toEqual({
      question: "Threads give \\[...\\], not parallelism, on a GIL build.",
      answer: "Threads give **concurrency**, not parallelism, on a GIL build.\n\nExtra",
    });
    expect(preview).toMatchObject({ cards: 3, reviews: 6 });
    expect(preview.tags.map((t) => t.tag)).toEqual(["interview", "python::basics", "python::concurrency", "python::types"]);
  });

  it.each(["legacy.apkg", "anki21.apkg", "anki21b.apkg"])("imports %s with its history, and a second import adds nothing", async (file) => {
    const learner = await makeUser("ankist");
    const result = await importAnki(learner, fixture(file), { title: "From Anki", choices: {}, withHistory: true }, NOW);
    // The PNG is stored with the deck and shown on its card; the sound file is reported as skipped.
    expect(result).toMatchObject({ cards: 3, ratings: 6, skipped: 0, images: 1, skippedMedia: 1 });
    const [image] = await db.media.findMany({ where: { deckId: result.deckId } });
    expect(image).toMatchObject({ name: "gil.png", mimeType: "image/png", size: 70 });
    const cards = await db.card.findMany({ where: { deckId: result.deckId }, orderBy: { position: "asc" }, include: { tags: true } });
    // Anki's tags come through as they are, hierarchical ones included.
    expect(cards.map((c) => [c.front, c.tags.map((t) => t.tag).sort()])).toEqual([
      ["What is **the GIL**?", ["interview", "python::basics"]],
      ["What does `is` compare?", ["python::types"]],
      ["Threads give \\[...\\], not parallelism, on a GIL build.", ["python::concurrency"]],
    ]);
    // The reviewed cards' memory is what their Anki history gives under FSRS; they keep Anki's due days
    // (30 and 28 days after the collection began on 1 September: overdue by the import); the unreviewed one is new.
    const states = await db.cardState.findMany({ where: { userId: learner.id, deckId: result.deckId } });
    expect(states).toHaveLength(2);
    expect(result.schedule).toEqual({ kept: 2, overdue: 2, rescheduled: 0, suspended: 0 });
    for (const state of states) {
      const replayed = await replayCard(learner, state.cardId);
      expect(replayed?.stability).toBe(state.stability);
      expect(state).toMatchObject({ state: 2 });
    }
    expect(states.map((s) => s.due.toISOString()).sort()).toEqual(["2026-09-29T00:00:00.000Z", "2026-10-01T00:00:00.000Z"]);
    const gil = states.find((s) => s.cardId === cards[0]!.id)!;
    expect(gil.reps).toBe(3);
    expect(gil.lastReview).toEqual(new Date(Date.UTC(2026, 8, 5, 9)));
    expect(await db.deckStudy.count({ where: { userId: learner.id, deckId: result.deckId } })).toBe(1);

    const gilBack = (await db.card.findFirstOrThrow({ where: { deckId: result.deckId, position: 0 } })).back;
    expect(gilBack).toContain(`![gil.png](/media/${image!.id})`);

    const again = await importAnki(learner, fixture(file), { title: "From Anki", choices: {}, withHistory: true }, NOW);
    expect(again).toEqual({
      deckId: result.deckId,
      decks: 1,
      cards: 0,
      ratings: 0,
      skipped: 3,
      images: 0,
      skippedMedia: 1,
      schedule: { kept: 0, overdue: 0, rescheduled: 0, suspended: 0 },
    });
    expect(await db.media.count({ where: { deckId: result.deckId } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(6);
  });

  it("without history, imports the cards as new; with other field choices, swaps the sides", async () => {
    const learner = await makeUser("ankist");
    const preview = previewAnki(fixture("legacy.apkg"));
    const basic = preview.noteTypes.find((t) => t.name === "Basic")!;
    const result = await importAnki(
      learner,
      fixture("legacy.apkg"),
      { title: "Reversed", choices: { [basic.id]: { question: 1, answer: 0 } }, withHistory: false },
      NOW,
    );
    expect(result.ratings).toBe(0);
    const first = await db.card.findFirstOrThrow({ where: { deckId: result.deckId }, orderBy: { position: "asc" } });
    expect(first.front).toMatch(/^A lock: one thread runs _bytecode_ at a time.  \n!\[gil\.png\]\(\/media\/\w+\)$/);
    expect(await db.cardState.count({ where: { userId: learner.id } })).toBe(0);
  });
});
