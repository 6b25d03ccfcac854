// Large CSV imports (issue 27.12): 20,000 rows, every one with the same question, import in batches,
// off the request thread, on both engines (no transaction timeout on PostgreSQL); the slugs of
// identical questions are numbered in linear time; the new deck is in the learner's study, as an Anki
// import's is. And cells keep their lines (issue 25.7): a multi-line cell with a fenced code block
// arrives as written.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { CSV_OFF_THREAD_CHARS, importCsvDeckOffThread, importCsvIntoDeckOffThread } from "@/lib/transfer/off-thread";
import { importCsvDeck } from "@/lib/transfer/transfer";
import { makeUser } from "./helpers";

const ROWS = 20_000;
const sameQuestion = (n: number) =>
  ["question,answer,tags", ...Array.from({ length: n }, (_, i) => `What is a cache?,Answer ${i},basics caching`)].join("\n");

describe("a 20,000-row CSV import", () => {
  it("writes every row in batches off the request thread, numbering identical questions, and joins the learner's study", async () => {
    const learner = await makeUser("csv-large");
    const text = sameQuestion(ROWS);
    expect(text.length).toBeGreaterThan(CSV_OFF_THREAD_CHARS);
    const deck = await importCsvDeckOffThread(learner, { title: "Big", text, mapping: { question: 0, answer: 1, tags: 2 } });
    expect(deck.cards).toBe(ROWS);
    expect(await db.card.count({ where: { deckId: deck.id } })).toBe(ROWS);
    expect(await db.cardTag.count({ where: { card: { deckId: deck.id } } })).toBe(2 * ROWS);
    const slugs = await db.card.findMany({
      where: { deckId: deck.id, position: { in: [0, 1, ROWS - 1] } },
      orderBy: { position: "asc" },
      select: { slug: true, back: true },
    });
    expect(slugs).toEqual([
      { slug: "what-is-a-cache", back: "Answer 0" },
      { slug: "what-is-a-cache-2", back: "Answer 1" },
      { slug: `what-is-a-cache-${ROWS}`, back: `Answer ${ROWS - 1}` },
    ]);
    expect(await db.deckStudy.count({ where: { userId: learner.id, deckId: deck.id } })).toBe(1);

    // The same rows again, into the same deck: every slug taken, each gets a free one in linear time.
    const added = await importCsvIntoDeckOffThread(learner, deck.id, { text, mapping: { question: 0, answer: 1 } });
    expect(added).toEqual({ added: ROWS });
    expect(await db.card.count({ where: { deckId: deck.id } })).toBe(2 * ROWS);
    expect(await db.card.findFirst({ where: { deckId: deck.id, position: 2 * ROWS - 1 }, select: { slug: true } })).toEqual({
      slug: `what-is-a-cache-${ROWS}-2`,
    });
  }, 300_000); // a size test on a shared machine: the time limit is the worker's, not this

  it("keeps a multi-line cell's lines and its fenced code block", async () => {
    const learner = await makeUser("csv-lines");
    const question = "What does this print?\n\n```python\nfor i in range(2):\n    print(i)\n```";
    const text = `question,answer\n"${question}","0\n1"\n`;
    const deck = await importCsvDeck(learner, { title: "Lines", text, mapping: { question: 0, answer: 1 } });
    const card = await db.card.findFirstOrThrow({ where: { deckId: deck.id }, select: { front: true, back: true } });
    expect(card).toEqual({ front: question, back: "0\n1" });
  });
});
