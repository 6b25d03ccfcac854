// A learner with months of history, written directly as the app would have stored it: what fitting
// FSRS reads. Shared by the personal-scheduling and fit-job tests.
import { randomUUID } from "node:crypto";
import { startStudying } from "@/lib/review/studying";
import { DEFAULT_SCHEDULER_SETTINGS, newMemory, rate, type MemoryState, type RatingValue } from "@/lib/scheduling/fsrs";
import { retrievability } from "@/lib/scheduling/interview-plan";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

const DAY = 86_400_000;
export const NOW = new Date("2030-06-01T12:00:00Z");

/**
 * A learner who studied `cards` cards for `days` days with FSRS's defaults, remembering each card
 * with its true retrievability (a seeded random): their card states and every rating, as the app
 * would have stored them.
 */
export async function seasonedLearner(cards: number, days: number, seed = 1) {
  let a = seed;
  const random = () => {
    a = (a * 16807) % 2147483647;
    return a / 2147483647;
  };
  const user = await makeUser("seasoned");
  const deck = await makeDeck(user.id, { cards });
  await startStudying(user, deck.id);
  const ids = (await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
  const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  const logs: Record<string, unknown>[] = [];
  const states: Record<string, unknown>[] = [];
  const start = NOW.getTime() - days * DAY;
  ids.forEach((cardId, i) => {
    let memory: MemoryState = newMemory(new Date(start));
    let at = start + (i % days) * DAY * 0.5;
    while (at < NOW.getTime()) {
      const r = memory.lastReview ? retrievability(memory.stability, (at - memory.lastReview.getTime()) / DAY) : 0;
      const rating: RatingValue = memory.state === 0 ? 3 : random() < r ? 3 : 1;
      const after = rate(memory, rating, new Date(at), settings);
      logs.push({
        userId: user.id,
        cardId,
        clientId: randomUUID(),
        rating,
        reviewedAt: new Date(at),
        durationMs: 4000,
        nextDue: after.due,
        ...memory,
      });
      memory = after;
      at = Math.max(memory.due.getTime(), at + 60_000);
    }
    states.push({ userId: user.id, cardId, deckId: deck.id, ...memory, version: 1 });
  });
  await db.reviewLog.createMany({ data: logs as never });
  await db.cardState.createMany({ data: states as never });
  return { user, deck, ids, ratings: logs.length };
}

/**
 * A learner whose cards were each reviewed on the given days (days after `start`), every review
 * recalled except each seventh card's second: a history shaped by hand, for fits on awkward data.
 */
export async function learnerReviewedOn(daysByCard: number[][], start = new Date(NOW.getTime() - 400 * DAY)) {
  const user = await makeUser("shaped");
  const deck = await makeDeck(user.id, { cards: daysByCard.length });
  await startStudying(user, deck.id);
  const ids = (await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
  const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  const logs: Record<string, unknown>[] = [];
  const states: Record<string, unknown>[] = [];
  ids.forEach((cardId, i) => {
    let memory: MemoryState = newMemory(start);
    daysByCard[i]!.forEach((day, k) => {
      // Seconds apart per card, so "earlier" and "later" reviews are well ordered.
      const at = new Date(start.getTime() + day * DAY + i * 1000);
      const rating: RatingValue = k === 1 && i % 7 === 0 ? 1 : 3;
      const after = rate(memory, rating, at, settings);
      logs.push({
        userId: user.id,
        cardId,
        clientId: randomUUID(),
        rating,
        reviewedAt: at,
        durationMs: 4000,
        nextDue: after.due,
        ...memory,
      });
      memory = after;
    });
    states.push({ userId: user.id, cardId, deckId: deck.id, ...memory, version: 1 });
  });
  await db.reviewLog.createMany({ data: logs as never });
  await db.cardState.createMany({ data: states as never });
  return { user, deck, ids };
}
