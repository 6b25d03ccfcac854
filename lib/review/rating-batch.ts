// A batch of ratings (the outbox sends up to 50 after a spell offline) applied in one read and one
// transaction, with exactly the per-rating results one-by-one processing would give. The fast path
// covers the usual batch: every card reachable, every rating made against the state it names. Any
// other batch (a card gone, a stale copy, a duplicate) is handed to recordRating one rating at a time.
import "server-only";
import type { Viewer } from "../decks/access";
import { db } from "../server/db";
import { AppError, isUniqueViolation } from "../server/errors";
import { ratedCards, writeRatingIn, type RatingWrite } from "./rating-sql";
import { applyRating, logRow, recordRating, type RatingInput, type RatingResult } from "./ratings";
import { cachedStudySettings } from "./settings";

export type BatchResult = RatingResult | { status: "not_found"; clientId: string; message: string };

/** Thrown inside the transaction when a write finds the state moved: rolls the whole batch back. */
class BatchConflict extends Error {}

/** Each rating one at a time: the exact, slower path. */
async function oneByOne(viewer: Viewer, ratings: RatingInput[], now: Date): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const rating of ratings) {
    try {
      results.push(await recordRating(viewer, rating, now));
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found")
        results.push({ status: "not_found", clientId: rating.clientId, message: error.message });
      else throw error;
    }
  }
  return results;
}

export async function recordRatings(viewer: Viewer, ratings: RatingInput[], now = new Date()): Promise<BatchResult[]> {
  if (ratings.length < 2) return oneByOne(viewer, ratings, now);
  const userId = viewer.id;
  const [cards, settings] = await Promise.all([
    ratedCards(viewer, [...new Set(ratings.map((r) => r.cardId))]),
    cachedStudySettings(userId),
  ]);
  const byId = new Map(cards.map((c) => [c.id, c]));

  // Plan every write in order, as one-by-one would apply them; give up on the first surprise.
  const current = new Map(cards.map((card) => [card.id, { version: card.state?.version ?? 0, memory: card.state?.memory ?? null }]));
  const plan: (RatingWrite & { input: RatingInput })[] = [];
  for (const input of ratings) {
    const card = byId.get(input.cardId);
    const state = card && current.get(card.id)!;
    if (!card || !state || state.version !== input.expectedVersion) return oneByOne(viewer, ratings, now);
    const { reviewedAt, before, after } = applyRating(state.memory, input, now, settings.scheduler);
    const log = logRow(userId, card, input, reviewedAt, before, after, settings);
    plan.push({ userId, card, input, version: state.version, existed: state.memory !== null, after, log, now });
    current.set(card.id, { version: state.version + 1, memory: after });
  }

  try {
    await db.$transaction(async (tx) => {
      for (const step of plan) if (!(await writeRatingIn(tx, step))) throw new BatchConflict();
    });
  } catch (error) {
    // Someone else wrote meanwhile, or a rating was stored already: the batch rolled back whole
    // (a rollback undoes only its own writes, on SQLite too), and the exact path sorts it out.
    if (error instanceof BatchConflict || isUniqueViolation(error)) return oneByOne(viewer, ratings, now);
    throw error;
  }
  return plan.map((step) => ({ status: "saved", card: { cardId: step.card.id, memory: step.after, version: step.version + 1 } }));
}
