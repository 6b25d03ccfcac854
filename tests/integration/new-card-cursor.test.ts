// The new-card cursor is a shortcut: these tests make sure it never hides a card that should be new.
import { describe, expect, it } from "vitest";
import { moveCard, updateCard } from "@/lib/decks/card-authoring";
import { db } from "@/lib/server/db";
import { syncSeedDeck } from "@/lib/transfer/seed";
import { recordRating } from "@/lib/review/rating/record";
import { loadStudySession } from "@/lib/review/session";
import { startStudying } from "@/lib/review/studying";
import { makeDeck, makeUser } from "./helpers";

const newCardIds = async (user: { id: string }, deckId: string, now: Date) =>
  (await loadStudySession(user, { deckId }, now)).queue.ready.filter((c) => c.memory.state === 0).map((c) => c.cardId);

async function rateAll(user: { id: string }, cardIds: string[], now: Date) {
  for (const [i, cardId] of cardIds.entries()) {
    await recordRating(
      user,
      { clientId: `cursor-${user.id}-${cardId}-${i}`, cardId, rating: 4, expectedVersion: 0, durationMs: 1000, reviewedAt: now },
      now,
    );
  }
}

describe("the new-card cursor", () => {
  it("keeps cards without an answer from learners who can't write one, and brings them once answered", async () => {
    const owner = await makeUser("owner");
    const learner = await makeUser("learner");
    const deck = await makeDeck(owner.id, { visibility: "public", cards: 3 });
    const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
    await db.card.update({ where: { id: cards[0]!.id }, data: { back: "" } });
    await startStudying(learner, deck.id);
    await startStudying(owner, deck.id);
    const day = new Date("2026-11-20T12:00:00Z");
    expect(await newCardIds(learner, deck.id, day)).toEqual([cards[1]!.id, cards[2]!.id]);
    // The owner can write the answer, so the card is theirs to meet (with an Edit link).
    expect(await newCardIds(owner, deck.id, day)).toEqual(cards.map((c) => c.id));
    // Answered, it reaches the learner, though the cursor moved past it.
    await rateAll(learner, [cards[1]!.id, cards[2]!.id], day);
    await updateCard(owner, cards[0]!.id, { front: cards[0]!.front, back: "Now answered.", tags: [] });
    expect(await newCardIds(learner, deck.id, new Date("2026-11-21T12:00:00Z"))).toEqual([cards[0]!.id]);
  });

  it("moves past seen cards and still finds a card reset to a new question, and a card moved back", async () => {
    const owner = await makeUser("owner");
    const learner = await makeUser("learner");
    const deck = await makeDeck(owner.id, { visibility: "public", cards: 6 });
    const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
    await startStudying(learner, deck.id);
    await db.studySettings.create({ data: { userId: learner.id, newPerDay: 3 } });

    const day1 = new Date("2026-11-20T12:00:00Z");
    const first = await newCardIds(learner, deck.id, day1);
    expect(first).toEqual(cards.slice(0, 3).map((c) => c.id));
    await rateAll(learner, first, day1);

    const day2 = new Date("2026-11-21T12:00:00Z");
    expect(await newCardIds(learner, deck.id, day2)).toEqual(cards.slice(3, 6).map((c) => c.id));
    const study = await db.deckStudy.findUniqueOrThrow({ where: { userId_deckId: { userId: learner.id, deckId: deck.id } } });
    expect(study.newCursor).toBe(3);

    // A reset makes card 1 new again, before the cursor: it must come back.
    await updateCard(owner, cards[1]!.id, { front: "A different question?", back: "Its answer.", tags: [], newQuestion: true });
    expect(await newCardIds(learner, deck.id, day2)).toContain(cards[1]!.id);
  });

  it("finds an unseen card that an editor moved before the cursor, and cards re-seeded into a deck", async () => {
    const owner = await makeUser("owner");
    const learner = await makeUser("learner");
    const deck = await makeDeck(owner.id, { visibility: "public", cards: 4 });
    const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
    await startStudying(learner, deck.id);
    await db.studySettings.create({ data: { userId: learner.id, newPerDay: 2 } });
    const day1 = new Date("2026-11-20T12:00:00Z");
    await rateAll(learner, await newCardIds(learner, deck.id, day1), day1);
    const day2 = new Date("2026-11-21T12:00:00Z");
    await newCardIds(learner, deck.id, day2); // moves the cursor to 2

    // Card 2 (unseen) swaps with card 1 (seen): the unseen one now sits at position 1.
    await moveCard(owner, cards[2]!.id, "up");
    expect(await newCardIds(learner, deck.id, day2)).toEqual([cards[2]!.id, cards[3]!.id]);
  });

  it("is rewound by a seed update", async () => {
    const learner = await makeUser("learner");
    const slug = `cursor-seed-${Date.now()}`;
    const deckOf = (n: number) => ({
      title: "Seeded",
      slug,
      visibility: "public" as const,
      source: "",
      description: "",
      cards: Array.from({ length: n }, (_, i) => ({
        slug: `c${i}`,
        front: `Q${i}?`,
        lead: "",
        keyPoints: [],
        back: "A",
        tags: ["basics" as const],
        line: i,
      })),
    });
    await syncSeedDeck(deckOf(2));
    const deck = await db.deck.findUniqueOrThrow({ where: { slug } });
    await startStudying(learner, deck.id);
    const day1 = new Date("2026-11-20T12:00:00Z");
    await rateAll(learner, await newCardIds(learner, deck.id, day1), day1);
    await newCardIds(learner, deck.id, new Date("2026-11-21T12:00:00Z"));
    await syncSeedDeck(deckOf(3));
    expect((await db.deckStudy.findUniqueOrThrow({ where: { userId_deckId: { userId: learner.id, deckId: deck.id } } })).newCursor).toBe(0);
    expect(await newCardIds(learner, deck.id, new Date("2026-11-21T13:00:00Z"))).toHaveLength(1);
  });
});
