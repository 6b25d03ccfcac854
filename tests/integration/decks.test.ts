import { describe, expect, it } from "vitest";
import { getCard, getDeck, listDeckCards, listPublicDecks } from "@/lib/decks/browse";
import { decksWhere } from "@/lib/decks/access";
import { copyDeck } from "@/lib/decks/authoring";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

describe("who can browse a deck", () => {
  it("shows public decks to everyone, signed in or not", async () => {
    const deck = await makeDeck(null, { visibility: "public" });
    const someone = await makeUser();
    expect(await getDeck(deck.id, null)).toMatchObject({ id: deck.id, cardCount: 2 });
    expect(await getDeck(deck.id, someone)).toMatchObject({ id: deck.id });
    expect((await listPublicDecks()).map((d) => d.id)).toContain(deck.id);
    expect(await getCard(deck.id, "card-0", null)).toMatchObject({ front: "Question 0?", next: "card-1", previous: null });
  });

  it("shows a private deck and its cards only to its owner: to others it does not exist", async () => {
    const owner = await makeUser("owner");
    const other = await makeUser("other");
    const deck = await makeDeck(owner.id);
    expect(await getDeck(deck.id, owner)).toMatchObject({ id: deck.id });
    expect(await getDeck(deck.id, other)).toBeNull();
    expect(await getDeck(deck.id, null)).toBeNull();
    expect(await getCard(deck.id, "card-0", other)).toBeNull();
    expect(await getCard(deck.id, "card-0", null)).toBeNull();
    expect((await listPublicDecks()).map((d) => d.id)).not.toContain(deck.id);
  });
});

describe("finding cards in a deck", () => {
  it("searches question and answer text case-insensitively and filters by tag", async () => {
    const deck = await makeDeck(null, { visibility: "public", cards: 3 });
    expect((await listDeckCards(deck.id, { q: "QUESTION 1" })).map((c) => c.slug)).toEqual(["card-1"]);
    const inAnswer = await listDeckCards(deck.id, { q: "answer 2" });
    expect(inAnswer.map((c) => c.slug)).toEqual(["card-2"]);
    expect(inAnswer[0]!.excerpt).toContain("Answer 2");
    expect(await listDeckCards(deck.id, { tag: "basics" })).toHaveLength(3);
    expect(await listDeckCards(deck.id, { tag: "oop" })).toHaveLength(0);
    expect(await listDeckCards(deck.id, { q: "no such text" })).toHaveLength(0);
  });
});

// /decks/%00 showed the Python deck: an impossible key filtered with `OR: []`, which Prisma ignores
// inside an AND, matched every deck.
describe("keys that can't name a deck", () => {
  it("name no deck, and filters for actions no one may take match no deck", async () => {
    const owner = await makeUser("keys");
    const deck = await makeDeck(owner.id, { visibility: "public" });
    for (const key of ["\u0000", "", "a b", "x".repeat(200), "../x"]) {
      expect(await getDeck(key, null)).toBeNull();
      expect(await getDeck(key, owner)).toBeNull();
    }
    expect(await getDeck(deck.id, null)).toMatchObject({ id: deck.id });
    expect(await db.deck.count({ where: { AND: [{ id: deck.id }, decksWhere(null, "editCards")] } })).toBe(0);
    expect(await db.deck.count({ where: { AND: [{ id: deck.id }, decksWhere(null, "view")] } })).toBe(1);
  });
});

describe("copying a deck", () => {
  it("copies each card whole: question, lead, key points, details and tags", async () => {
    const owner = await makeUser("copy-owner");
    const deck = await makeDeck(owner.id, { cards: 1, visibility: "public" });
    const card = await db.card.findFirstOrThrow({ where: { deckId: deck.id } });
    await db.card.update({ where: { id: card.id }, data: { lead: "Say this first.", keyPoints: "one\ntwo\nthree", ownAnswer: true } });
    const copier = await makeUser("copier");
    const copy = await copyDeck(copier, deck.id);
    const copied = await db.card.findFirstOrThrow({ where: { deckId: copy.id, slug: card.slug }, include: { tags: true } });
    // An "answer in your own words" card stays one in the copy.
    expect(copied).toMatchObject({
      front: card.front,
      lead: "Say this first.",
      keyPoints: "one\ntwo\nthree",
      back: card.back,
      ownAnswer: true,
    });
    expect(copied.tags.map((t) => t.tag)).toEqual(["basics"]);
  });
});
