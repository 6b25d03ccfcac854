// A deck of 5,000 cards opens, edits and exports on both engines: no query binds one variable per
// card (SQLite refuses more than 999 in older builds and 32,766 in newer ones; PostgreSQL 65,535).
import { beforeAll, describe, expect, it } from "vitest";
import { getDeck, listDeckCards } from "@/lib/decks/browse";
import { getEditableDeck } from "@/lib/decks/authoring";
import { listEditableCards, moveCardTo } from "@/lib/decks/card-authoring";
import { exportDeck, exportDeckCsv } from "@/lib/transfer/transfer";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { makeUser } from "./helpers";

const CARDS = 5_000;
let owner: Awaited<ReturnType<typeof makeUser>>;
let deckId: string;

beforeAll(async () => {
  owner = await makeUser("large");
  const deck = await db.deck.create({ data: { ownerId: owner.id, title: "Large deck", slug: "large-deck", visibility: "public" } });
  deckId = deck.id;
  const cards = Array.from({ length: CARDS }, (_, i) => ({
    id: `large-${i}`,
    deckId,
    slug: `card-${i}`,
    front: `Question ${i}?`,
    back: `Answer ${i}`,
    position: i,
  }));
  for (let i = 0; i < cards.length; i += 500) await db.card.createMany({ data: cards.slice(i, i + 500) });
  const tags = cards.map((c) => ({ cardId: c.id, tag: "basics" }));
  for (let i = 0; i < tags.length; i += 500) await db.cardTag.createMany({ data: tags.slice(i, i + 500) });
}, 120_000);

describe(`a deck of ${CARDS.toLocaleString("en")} cards`, () => {
  it("opens for its owner and for a learner", async () => {
    expect((await getDeck("large-deck", owner))?.title).toBe("Large deck");
    const learner = await makeUser("large-learner");
    await startStudying(learner, deckId);
    expect((await getDeck("large-deck", learner))?.title).toBe("Large deck");
    expect(await listDeckCards(deckId, {}, learner)).toHaveLength(CARDS);
    expect(await listDeckCards(deckId, { q: "question 4999" }, learner)).toHaveLength(1);
  });

  it("opens in the editor, and a card moves", async () => {
    expect(await getEditableDeck(owner, deckId)).not.toBeNull();
    expect(await listEditableCards(owner, deckId)).toHaveLength(CARDS);
    await moveCardTo(owner, "large-4999", 0);
    expect((await db.card.findUniqueOrThrow({ where: { id: "large-4999" } })).position).toBe(0);
  });

  it("exports as a deck file and as CSV", async () => {
    expect((await exportDeck(owner, deckId)).markdown).toContain("Question 4999?");
    expect((await exportDeckCsv(owner, deckId)).csv).toContain("Question 4999?");
  });
});
