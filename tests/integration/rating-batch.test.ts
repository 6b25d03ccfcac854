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

describe("batches at the same time", () => {
  it("the same batch sent twice at once: one copy is saved, the other answered duplicate for each rating", async () => {
    const { learner, ids } = await learnerWithDeck();
    const batch = [rating(ids[0]!, 0, 1), rating(ids[1]!, 0, 1), rating(ids[0]!, 1, 2)];
    const [one, two] = await Promise.all([recordRatings(learner, batch, at(5)), recordRatings(learner, batch, at(5))]);
    const statuses = [one, two].map((results) => results.map((r) => r.status).join(" ")).sort();
    expect(statuses).toEqual(["duplicate duplicate duplicate", "saved saved saved"]);
    // the saved copy answers each card as each rating left it, the duplicates as the batch left it
    const [saved, duplicate] = one[0]!.status === "saved" ? [one, two] : [two, one];
    expect(saved.map((r) => ("card" in r ? r.card.version : null))).toEqual([1, 1, 2]);
    expect(duplicate.map((r) => ("card" in r ? r.card.version : null))).toEqual([2, 1, 2]);
    expect({ ...duplicate[1], status: "saved" }).toEqual(saved[1]);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(3);
  });

  it("two batches rating the same card against the same version: one rating of it is saved, the other stale, the rest saved", async () => {
    const { learner, ids } = await learnerWithDeck();
    const first = [rating(ids[0]!, 0, 1, 3), rating(ids[1]!, 0, 1)];
    const second = [rating(ids[2]!, 0, 1), rating(ids[0]!, 0, 1, 1)];
    const [a, b] = await Promise.all([recordRatings(learner, first, at(5)), recordRatings(learner, second, at(5))]);
    expect([a[1]!.status, b[0]!.status]).toEqual(["saved", "saved"]);
    expect([a[0]!.status, b[1]!.status].sort()).toEqual(["saved", "stale"]);
    const winner = a[0]!.status === "saved" ? first[0]! : second[1]!;
    const logs = await db.reviewLog.findMany({ where: { userId: learner.id, cardId: ids[0]! } });
    expect(logs.map((l) => l.clientId)).toEqual([winner.clientId]);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: ids[0]! } } });
    expect(state.version).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(3);
  });

  it("a retry of a rating whose card was made a new question since (back at version 0) is a duplicate, not a second rating", async () => {
    const { learner, ids } = await learnerWithDeck();
    const sent = rating(ids[0]!, 0, 1);
    expect((await recordRatings(learner, [sent], at(2)))[0]!.status).toBe("saved");
    await db.cardState.deleteMany({ where: { userId: learner.id, cardId: ids[0]! } }); // what marking it new does
    const [again] = await recordRatings(learner, [sent], at(5));
    expect(again).toMatchObject({ status: "duplicate", card: { cardId: ids[0]!, version: 0 } });
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(1);
    expect(await db.cardState.count({ where: { userId: learner.id } })).toBe(0);
  });
});
