// Rating and undoing: every rating is one transaction (card state + log), stored once per client id,
// and refused when made against a stale copy of the card. Undo restores exactly the state before.
import "server-only";
import { z } from "zod";
import { studiedDecks, type Viewer } from "../decks/access";
import { newMemory, rate, RATINGS, type MemoryState, type RatingValue, type SchedulerSettings, type StateValue } from "../scheduling/fsrs";
import { db } from "../server/db";
import { AppError, isUniqueViolation, notFound } from "../server/errors";
import { newRowId } from "../server/ids";
import { memoryOf, memorySelect } from "./memory";
import { ratedCards, writeRating, type LogRow } from "./rating-sql";
import { cachedStudySettings, schedulerSnapshot, type StudySettings } from "./settings";
import { joinKeyPoints, KEY_POINTS_MAX, splitKeyPoints } from "../decks/schema";

/** Longer than this, the learner walked away: the answer time is capped so stats stay honest. */
export const MAX_ANSWER_MS = 5 * 60_000;
/** How far back an offline rating may be dated (older ones are dated when they arrive). */
const MAX_RATING_AGE_MS = 7 * 24 * 60 * 60_000;

/** Ids the client sends: what our ids and the outbox's client ids are made of, nothing else. */
const idSchema = z.string().regex(/^[A-Za-z0-9_-]+$/, "An id is letters, digits, - and _.");

/** One rating as JSON sends it: exact types, no coercion (`"  "`, `true` or `null` are refused). */
export const ratingSchema = z.object({
  clientId: idSchema.min(8, "A rating needs its client id.").max(64),
  cardId: idSchema.min(1).max(64),
  rating: z
    .number()
    .int()
    .refine((r): r is RatingValue => RATINGS.includes(r as RatingValue), "A rating is 1 (Again) to 4 (Easy)."),
  /** The CardState version the learner saw (0 for a card never studied). */
  expectedVersion: z.number().int().min(0),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60_000),
  /**
   * The key-point checklist as the learner saw it: how many points the card showed and which (by
   * position) they didn't tick. Kept only when the count still matches the card (an edit since
   * makes the positions meaningless); the rating counts either way.
   */
  checklist: z
    .object({
      count: z.number().int().min(1).max(KEY_POINTS_MAX),
      missed: z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(KEY_POINTS_MAX - 1),
        )
        .max(KEY_POINTS_MAX),
    })
    .optional(),
  /** When the learner rated, by their clock (ISO 8601): offline ratings are scheduled as of that moment. */
  reviewedAt: z.iso
    .datetime({ offset: true, error: "reviewedAt is an ISO 8601 time, like 2026-11-30T21:00:00Z." })
    .transform((text) => new Date(text))
    .optional(),
});
export type RatingInput = z.infer<typeof ratingSchema>;

export interface CardMemory {
  cardId: string;
  memory: MemoryState;
  version: number;
}

export type RatingResult =
  | { status: "saved"; card: CardMemory }
  | { status: "duplicate"; card: CardMemory }
  | { status: "stale"; message: string; card: CardMemory };

async function currentMemory(userId: string, cardId: string, now: Date): Promise<CardMemory> {
  const row = await db.cardState.findUnique({
    where: { userId_cardId: { userId, cardId } },
    select: { version: true, ...memorySelect },
  });
  return { cardId, memory: row ? memoryOf(row) : newMemory(now), version: row?.version ?? 0 };
}

/**
 * What a rating does to a card: when it counts as made (the client's time within bounds, never
 * before the card's last review), the state before it (a new card's for one never studied), and the
 * state after. Shared by single ratings and batches, so both schedule exactly alike.
 */
export function applyRating(memory: MemoryState | null, input: RatingInput, now: Date, scheduler: SchedulerSettings) {
  let reviewedAt = reviewTime(input.reviewedAt, now);
  const before = memory ?? newMemory(reviewedAt);
  if (before.lastReview && reviewedAt < before.lastReview) reviewedAt = before.lastReview;
  return { reviewedAt, before, after: rate(before, input.rating, reviewedAt, scheduler) };
}

/** A client's review time, kept within sane bounds: not in the future, not older than a week. */
function reviewTime(claimed: Date | undefined, now: Date): Date {
  if (!claimed || Number.isNaN(claimed.getTime())) return now;
  const t = claimed.getTime();
  if (t > now.getTime() || t < now.getTime() - MAX_RATING_AGE_MS) return now;
  return claimed;
}

/**
 * Records one rating. The hot path is one read (the card, the learner's access to it and their state
 * of it, together) and one short transaction (state and log); the settings come from a cache.
 * A retried rating is caught by the unique (userId, clientId) constraint, not by reading first.
 */
export async function recordRating(viewer: Viewer, input: RatingInput, now = new Date()): Promise<RatingResult> {
  const userId = viewer.id;
  const [[card], settings] = await Promise.all([ratedCards(viewer, [input.cardId]), cachedStudySettings(userId)]);
  if (!card) {
    // A retry of a rating stored before the card went out of reach is still that rating.
    const logged = await db.reviewLog.findUnique({
      where: { userId_clientId: { userId, clientId: input.clientId } },
      select: { cardId: true },
    });
    if (logged) return { status: "duplicate", card: await currentMemory(userId, logged.cardId, now) };
    throw notFound("That card");
  }
  const version = card.state?.version ?? 0;
  if (version !== input.expectedVersion) return duplicateOrStale(userId, card.id, input.clientId, now);

  const { reviewedAt, before, after } = applyRating(card.state?.memory ?? null, input, now, settings.scheduler);
  // A lost race (another rating got there first) writes nothing and comes back false; a duplicate
  // (this very rating stored already) fails the log's unique constraint and writes nothing either.
  let saved = false;
  try {
    saved = await writeRating({
      userId,
      card,
      version,
      existed: card.state !== null,
      after,
      log: logRow(userId, card, input, reviewedAt, before, after, settings),
      now,
    });
  } catch (error) {
    // A unique violation: the same rating arriving twice, or a concurrent first rating.
    if (!isUniqueViolation(error)) throw error;
  }
  if (saved) return { status: "saved", card: { cardId: card.id, memory: after, version: version + 1 } };
  return duplicateOrStale(userId, card.id, input.clientId, now);
}

/** The key points shown and those missed, as worded on the card: null when no checklist was used. */
function checklistColumns(storedPoints: string, checklist: RatingInput["checklist"]) {
  const points = splitKeyPoints(storedPoints);
  if (!checklist || points.length === 0 || checklist.count !== points.length) return { pointsShown: null, pointsMissed: null };
  const missed = new Set(checklist.missed);
  return { pointsShown: storedPoints, pointsMissed: joinKeyPoints(points.filter((_, i) => missed.has(i))) };
}

/**
 * The log row of a rating: what was rated when, the card's state before it (for exact undo), and
 * what scheduled it (parameter set and settings, for exact replay).
 */
export function logRow(
  userId: string,
  card: { id: string; front: string; keyPoints: string },
  input: RatingInput,
  reviewedAt: Date,
  before: MemoryState,
  after: MemoryState,
  settings: Pick<StudySettings, "scheduler" | "parameterSetId">,
): LogRow {
  return {
    id: newRowId(),
    userId,
    cardId: card.id,
    clientId: input.clientId,
    rating: input.rating,
    reviewedAt,
    durationMs: Math.min(input.durationMs, MAX_ANSWER_MS),
    nextDue: after.due,
    // What the learner answered: their history keeps it, whatever an editor writes later.
    question: card.front,
    ...checklistColumns(card.keyPoints, input.checklist),
    parameterSetId: settings.parameterSetId,
    scheduler: schedulerSnapshot(settings.scheduler),
    ...before,
  };
}

/** Not applied: either this very rating got in first (a copy sent at the same time), or another did. */
async function duplicateOrStale(userId: string, cardId: string, clientId: string, now: Date): Promise<RatingResult> {
  const [logged, card] = await Promise.all([
    db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } }, select: { id: true } }),
    currentMemory(userId, cardId, now),
  ]);
  if (logged) return { status: "duplicate", card };
  return {
    status: "stale",
    message:
      "This card was reviewed somewhere else (another tab or device) since you opened it; your rating wasn't applied. Here it is as it is now.",
    card,
  };
}

// ---------- undo ----------

/** Restores the card to exactly its state before the rating and removes that rating from history. */
export async function undoRating(viewer: Viewer, clientId: string): Promise<CardMemory> {
  const userId = viewer.id;
  // Checks first, writes last: refusals happen before the transaction, so it never rolls back on
  // an expected outcome (see recordRating).
  const log = await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } } });
  if (!log) throw notFound("That rating");
  const [studied, latest, state] = await Promise.all([
    // Only ratings on decks the learner still studies can be undone, like every other review action.
    db.card.count({ where: { id: log.cardId, deck: studiedDecks(viewer) } }),
    // Every rating adds one to reps, so it breaks ties between ratings stamped with the same time
    // (an offline rating is dated no earlier than the card's last review).
    db.reviewLog.findFirst({
      where: { userId, cardId: log.cardId },
      orderBy: [{ reviewedAt: "desc" }, { reps: "desc" }],
      select: { id: true },
    }),
    db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: log.cardId } }, select: { version: true } }),
  ]);
  if (!studied) throw notFound("That rating");
  if (latest?.id !== log.id) throw new AppError("conflict", "Only the card's latest rating can be undone.");
  // The deck's editor marked the card as a new question since: its old ratings can't be undone.
  if (!state) throw new AppError("conflict", "This card was changed into a new question since, so that rating can't be undone.");
  const before: MemoryState = {
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    reps: log.reps,
    lapses: log.lapses,
    state: log.state as StateValue,
    lastReview: log.lastReview,
  };
  const undone = await db.$transaction(async (tx) => {
    const { count } = await tx.cardState.updateMany({
      where: { userId, cardId: log.cardId, version: state.version },
      data: { ...before, version: state.version + 1 },
    });
    if (count !== 1) return false; // changed meanwhile (another tab): nothing written
    await tx.reviewLog.delete({ where: { id: log.id } });
    return true;
  });
  if (!undone) throw new AppError("conflict", "This card changed in another tab or device just now; reload to see it.");
  return { cardId: log.cardId, memory: before, version: state.version + 1 };
}
