// CSV in and out against the database: a deck from spreadsheet rows (all or nothing), a deck as CSV
// for whoever may see it, and a learner's own review history in the FSRS optimizer's layout.
import { describe, expect, it } from "vitest";
import { recordRating } from "@/lib/review/rating/record";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { exportDeckCsv, exportHistoryCsv, importCsvDeck, importCsvIntoDeck } from "@/lib/transfer/transfer";
import { makeDeck, makeUser } from "./helpers";

describe("CSV", () => {
  it("imports rows as a new private deck of the importer's, in order, with tags", async () => {
    const mentor = await makeUser("mentor");
    const { id, cards } = await importCsvDeck(mentor, {
      title: "System design",
      text: "front\tback\ttags\nWhat is a cache?\tA fast store in front of a slow one.\tbasics\nWhat is sharding?\tSplitting data by a key.\tdata-structures\n",
      mapping: { question: 0, answer: 1, tags: 2 },
    });
    expect(cards).toBe(2);
    const deck = await db.deck.findUniqueOrThrow({
      where: { id },
      include: { cards: { orderBy: { position: "asc" }, include: { tags: true } } },
    });
    expect(deck).toMatchObject({ ownerId: mentor.id, title: "System design", visibility: "private" });
    expect(deck.cards.map((c) => [c.front, c.back, c.tags.map((t) => t.tag)])).toEqual([
      ["What is a cache?", "A fast store in front of a slow one.", ["basics"]],
      ["What is sharding?", "Splitting data by a key.", ["data-structures"]],
    ]);
  });

  it("imports nothing when one row is wrong, and says which line", async () => {
    const mentor = await makeUser("mentor");
    const before = await db.deck.count();
    await expect(
      importCsvDeck(mentor, { title: "Bad", text: "question,answer\nQ1?,A1\nQ2?,A2,oops\n", mapping: { question: 0, answer: 1 } }),
    ).rejects.toThrow("Line 3: This row has 3 fields; the header has 2.");
    await expect(importCsvDeck(mentor, { title: "Bad", text: "question,answer\nQ1?,A1\n", mapping: { answer: 1 } })).rejects.toThrow(
      "Choose the column that holds the questions.",
    );
    expect(await db.deck.count()).toBe(before);
  });

  it("exports a deck as CSV to whoever may see it, and to no one else", async () => {
    const owner = await makeUser("owner");
    const deck = await makeDeck(owner.id, { cards: 2 });
    const { filename, csv } = await exportDeckCsv(owner, deck.id);
    expect(filename).toBe(`${deck.id}.csv`);
    expect(csv).toBe(
      "slug,question,lead,key points,answer,tags\ncard-0,Question 0?,,,Answer 0,basics\ncard-1,Question 1?,,,Answer 1,basics\n",
    );
    await expect(exportDeckCsv(await makeUser("stranger"), deck.id)).rejects.toThrow("not found");
  });

  it("exports only the learner's own review history", async () => {
    const learner = await makeUser("learner");
    const other = await makeUser("other");
    const deck = await makeDeck(learner.id, { cards: 1, visibility: "public" });
    const [card] = await db.card.findMany({ where: { deckId: deck.id } });
    for (const user of [learner, other]) {
      await startStudying(user, deck.id);
      await recordRating(
        user,
        { clientId: `h-${user.id}`, cardId: card!.id, rating: 3, expectedVersion: 0, durationMs: 4200 },
        new Date(1_900_000_000_000),
      );
    }
    expect(await exportHistoryCsv(learner)).toBe(
      `card_id,review_time,review_rating,review_state,review_duration\n${card!.id},1900000000000,3,0,4200\n`,
    );
  });
});

describe("CSV into an existing deck", () => {
  it("adds the rows after the deck's cards, all or nothing, for its editors only", async () => {
    const owner = await makeUser("owner");
    const deck = await makeDeck(owner.id, { cards: 2 });
    const mapping = { question: 0, answer: 1, slug: 2 };
    await expect(importCsvIntoDeck(owner, deck.id, { text: "q,a,slug\nNew one?,Yes,card-0\n,no question,\n", mapping })).rejects.toThrow(
      "Line 3",
    );
    expect(await db.card.count({ where: { deckId: deck.id } })).toBe(2);
    expect(await importCsvIntoDeck(owner, deck.id, { text: "q,a,slug\nNew one?,Yes,card-0\n", mapping })).toEqual({ added: 1 });
    const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
    // The slug was taken by an existing card: the new row gets its own, and card-0 is untouched.
    expect(cards.map((c) => [c.slug, c.front])).toEqual([
      ["card-0", "Question 0?"],
      ["card-1", "Question 1?"],
      ["card-0-2", "New one?"],
    ]);
    const stranger = await makeUser("stranger");
    await expect(importCsvIntoDeck(stranger, deck.id, { text: "q,a\nX?,Y\n", mapping: { question: 0, answer: 1 } })).rejects.toThrow();
  });
});
