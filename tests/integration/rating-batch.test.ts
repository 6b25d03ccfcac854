// A batch of ratings in one transaction gives exactly what rating them one by one gives.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RatingInput } from "@/lib/review/rating/input";
import { recordRatings } from "@/lib/review/rating/record";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

const NOW = new Date("2026-11-30T12:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function learnerWithDeck(cards = 4) {
  const owner = await makeUser("owner");
  const deck = await makeDeck(owner.id, { visibility: "public", cards });
  const learner = await makeUser("learner");
  await startStudying(learner, deck.id);
  const ids = (await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
  return { learner, ids };
}

const rating = (cardId: string, expectedVersion: number, minute: number, value: 1 | 2 | 3 | 4 = 3): RatingInput => ({
  clientId: randomUUID(),
  cardId,
  rating: value,
  expectedVersion,
  durationMs: 3000,
  reviewedAt: at(minute),
});

describe("a batch of ratings", () => {
  it("saves a clean batch (a card rated twice included) in order, like one by one", async () => {
    const { learner, ids } = await learnerWithDeck();
    const batch = [rating(ids[0]!, 0, 1, 1), rating(ids[1]!, 0, 1), rating(ids[0]!, 1, 2, 3), rating(ids[2]!, 0, 3, 4)];
    const results = await recordRatings(learner, batch, at(5));
    expect(results.map((r) => r.status)).toEqual(["saved", "saved", "saved", "saved"]);
    expect(results.map((r) => ("card" in r ? r.card.version : null))).toEqual([1, 1, 2, 1]);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(4);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: ids[0]! } } });
    expect(state.version).toBe(2);
    // The second rating of card 0 was made against the state the first one left.
    const logs = await db.reviewLog.findMany({ where: { userId: learner.id, cardId: ids[0]! }, orderBy: { reps: "asc" } });
    expect(logs.map((l) => l.reps)).toEqual([0, 1]);
  });

  it("sending the same batch again answers duplicate for each and stores nothing more", async () => {
    const { learner, ids } = await learnerWithDeck();
    const batch = [rating(ids[0]!, 0, 1), rating(ids[1]!, 0, 1)];
    await recordRatings(learner, batch, at(5));
    const again = await recordRatings(learner, batch, at(6));
    expect(again.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(2);
  });

  it("a stale rating or a card out of reach in the batch gets its own answer; the others are saved", async () => {
    const { learner, ids } = await learnerWithDeck();
    await recordRatings(learner, [rating(ids[1]!, 0, 1)], at(2)); // card 1 is at version 1 now
    const batch = [rating(ids[0]!, 0, 3), rating(ids[1]!, 0, 3), rating("no-such-card", 0, 3), rating(ids[2]!, 0, 3)];
    const results = await recordRatings(learner, batch, at(5));
    expect(results.map((r) => r.status)).toEqual(["saved", "stale", "not_found", "saved"]);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(3);
  });
});
