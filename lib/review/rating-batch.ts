// A batch of ratings (the outbox sends up to 50 after a spell offline) applied in one read and one
// transaction, with exactly the per-rating results one-by-one processing would give. The fast path
// covers the usual batch: every card reachable, every rating made against the state it names. Any
// other batch (a card gone, a stale copy, a duplicate) is handed to recordRating one rating at a time.
import "server-only";
import { liveCard, studiedDecks, type Viewer } from "../decks/access";
import type { MemoryState } from "../scheduling/fsrs";
import { db } from "../server/db";
import { AppError, isUniqueViolation } from "../server/errors";
import { memoryOf, memorySelect } from "./memory";
import { applyRating, logRow, ratedCardSelect, recordRating, type RatingInput, type RatingResult } from "./ratings";
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
    db.card.findMany({
      where: { id: { in: [...new Set(ratings.map((r) => r.cardId))] }, ...liveCard, deck: studiedDecks(viewer) },
      select: { ...ratedCardSelect, cardStates: { where: { userId }, select: { version: true, ...memorySelect } } },
    }),
    cachedStudySettings(userId),
  ]);
  const byId = new Map(cards.map((c) => [c.id, c]));

  // Plan every write in order, as one-by-one would apply them; give up on the first surprise.
  const current = new Map<string, { version: number; memory: MemoryState | null }>();
  for (const card of cards) {
    const row = card.cardStates[0];
    current.set(card.id, { version: row?.version ?? 0, memory: row ? memoryOf(row) : null });
  }
  const plan: {
    card: (typeof cards)[number];
    input: RatingInput;
    version: number;
    existed: boolean;
    before: MemoryState;
    after: MemoryState;
    reviewedAt: Date;
  }[] = [];
  for (const input of ratings) {
    const card = byId.get(input.cardId);
    const state = card && current.get(card.id)!;
    if (!card || !state || state.version !== input.expectedVersion) return oneByOne(viewer, ratings, now);
    const { reviewedAt, before, after } = applyRating(state.memory, input, now, settings.scheduler);
    plan.push({ card, input, version: state.version, existed: state.memory !== null, before, after, reviewedAt });
    current.set(card.id, { version: state.version + 1, memory: after });
  }

  try {
    await db.$transaction(async (tx) => {
      for (const step of plan) {
        const data = { ...step.after, version: step.version + 1, buriedUntil: null };
        if (step.existed) {
          const { count } = await tx.cardState.updateMany({ where: { userId, cardId: step.card.id, version: step.version }, data });
          if (count !== 1) throw new BatchConflict();
        } else {
          await tx.cardState.createMany({ data: [{ userId, cardId: step.card.id, deckId: step.card.deckId, ...data }] });
        }
        await tx.reviewLog.createMany({
          data: [logRow(userId, step.card, step.input, step.reviewedAt, step.before, step.after, settings)],
        });
      }
    });
  } catch (error) {
    // Someone else wrote meanwhile, or a rating was stored already: the batch rolled back whole
    // (a rollback undoes only its own writes, on SQLite too), and the exact path sorts it out.
    if (error instanceof BatchConflict || isUniqueViolation(error)) return oneByOne(viewer, ratings, now);
    throw error;
  }
  return plan.map((step) => ({ status: "saved", card: { cardId: step.card.id, memory: step.after, version: step.version + 1 } }));
}
