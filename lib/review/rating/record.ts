// Recording and undoing ratings, the entry points (the JSON route, the study page's undo action):
// read (store.ts), decide (decide.ts, pure), write once (store.ts). One to 100 ratings take the same
// path: one read of their cards, one transaction for their writes; the learner's log is read only
// when a rating isn't a plain write, and a write that finds the state moved on is decided again.
import "server-only";
import type { Viewer } from "../../decks/access";
import { AppError, notFound } from "../../server/errors";
import { newRowId } from "../../server/ids";
import { metrics } from "../../server/metrics";
import { cachedStudySettings, schedulerSnapshot } from "../settings";
import {
  decideRatings,
  decideUndo,
  type BatchResult,
  type CardMemory,
  type RatingContext,
  type RatingRead,
  type RatingResult,
} from "./decide";
import type { RatingInput } from "./input";
import { loggedRatings, ratedCards, readUndo, writeRatings, writeUndo } from "./store";

/**
 * How many times a batch is read and decided again after its write met another writer. Each retry
 * sees that writer's rating, which makes the ratings it raced stale or duplicates, so a second
 * attempt settles all but a learner rating the same cards from several devices at once; past this,
 * the request fails and the outbox sends the batch again (same client ids: nothing doubled).
 */
const MAX_ATTEMPTS = 5;

/**
 * Records ratings in order, with exactly the answers recording them one by one would give: "saved",
 * "duplicate" (this client id is stored already), "stale" (made against a version the card no longer
 * has) or "not_found" (a card the learner can't rate), which doesn't sink the others. The settings
 * come from a cache; a retried rating is caught by the log's unique (userId, clientId), not by
 * reading first.
 */
export async function recordRatings(viewer: Viewer, ratings: readonly RatingInput[], now = new Date()): Promise<BatchResult[]> {
  const stopTimer = metrics().ratingSeconds.startTimer();
  const results = await decideAndWrite(viewer, ratings, now);
  stopTimer();
  metrics().ratingsSaved.inc(results.filter((r) => r.status === "saved").length);
  return results;
}

async function decideAndWrite(viewer: Viewer, ratings: readonly RatingInput[], now: Date): Promise<BatchResult[]> {
  const userId = viewer.id;
  const cardIds = [...new Set(ratings.map((r) => r.cardId))];
  const clientIds = [...new Set(ratings.map((r) => r.clientId))];
  const [cards, settings] = await Promise.all([ratedCards(viewer, cardIds), cachedStudySettings(userId)]);
  const ctx: RatingContext = {
    userId,
    now,
    scheduler: settings.scheduler,
    parameterSetId: settings.parameterSetId,
    schedulerSnapshot: schedulerSnapshot(settings.scheduler),
    newId: newRowId,
  };
  let read: RatingRead = { cards };
  for (let attempt = 1; ; attempt++) {
    let decisions = decideRatings(read, ratings, ctx);
    if (!decisions) {
      // The cards first, then the log: a copy of a rating saved in between shows as logged.
      read = { cards: read.cards, logged: await loggedRatings(userId, clientIds) };
      decisions = decideRatings(read, ratings, ctx)!;
    }
    const writes = decisions.flatMap((d) => (d.status === "write" ? [d.write] : []));
    if (await writeRatings(writes)) return decisions.map((d) => (d.status === "write" ? { status: "saved", card: d.card } : d));
    if (attempt === MAX_ATTEMPTS) throw new Error(`The ratings met another writer ${MAX_ATTEMPTS} times in a row; nothing was written.`);
    // Read again, the log too: a rating logged already whose card is back at the version it names
    // (made a new question since) is a duplicate, which only the log tells.
    const again = await ratedCards(viewer, cardIds);
    read = { cards: again, logged: await loggedRatings(userId, clientIds) };
  }
}

/** Records one rating (a batch of one); a card the learner can't rate is refused as not found. */
export async function recordRating(viewer: Viewer, input: RatingInput, now = new Date()): Promise<RatingResult> {
  const [result] = await recordRatings(viewer, [input], now);
  if (result!.status === "not_found") throw notFound("That card");
  return result!;
}

/** Restores the card to exactly its state before the rating and removes that rating from history. */
export async function undoRating(viewer: Viewer, clientId: string): Promise<CardMemory> {
  // Checks first, writes last: refusals happen before the transaction, so it never rolls back on an
  // expected outcome.
  const read = await readUndo(viewer, clientId);
  if (!read) throw notFound("That rating");
  const undo = decideUndo(read);
  if (!(await writeUndo(viewer.id, undo)))
    throw new AppError("conflict", "This card changed in another tab or device just now; reload to see it.");
  return { cardId: undo.cardId, memory: undo.before, version: undo.version + 1 };
}
