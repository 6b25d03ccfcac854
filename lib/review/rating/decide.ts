// What ratings do, decided without a database: given the cards read (with the learner's states and
// versions) and the ratings in order, each one is a write (with the state after it and its log row),
// stale, a duplicate or not found. One path for one rating and for a batch: a single rating is a
// batch of one, and each rating of a batch is decided against the state the ones before it leave,
// so a batch gets exactly the answers one-by-one processing would. Undo is decided here too.
import { joinKeyPoints, splitKeyPoints } from "../../decks/schema";
import { newMemory, rate, type MemoryState, type SchedulerSettings, type StateValue } from "../../scheduling/fsrs";
import { AppError, notFound } from "../../server/errors";
import type { ReviewLogRow } from "../review-log";
import type { RatingInput } from "./input";
import { MAX_ANSWER_MS, MAX_RATING_AGE_MS } from "./limits";

/** The learner's state of a card as stored, with its version (every write adds one). */
export interface StoredState {
  version: number;
  memory: MemoryState;
}

/** A card as a rating needs it: what its log row keeps, and the learner's state of it. */
export interface RatedCard {
  id: string;
  deckId: string;
  front: string;
  keyPoints: string;
  /** Null for a card the learner never studied. */
  state: StoredState | null;
}

/** A rating already in the learner's log (found by its client id), and its card's state now. */
export interface LoggedRating {
  cardId: string;
  state: StoredState | null;
}

/** What the decision is made on: one read. */
export interface RatingRead {
  /** The cards the learner may rate among those the ratings name (the others are out of reach). */
  cards: readonly RatedCard[];
  /** The ratings of this batch already logged, by client id; absent when the log was not read. */
  logged?: ReadonlyMap<string, LoggedRating>;
}

/** Who rates, when, and with what scheduler: the same for every rating of a batch. */
export interface RatingContext {
  userId: string;
  now: Date;
  scheduler: SchedulerSettings;
  /** The learner's parameter set in use (null: FSRS's defaults) and the settings as the log keeps them. */
  parameterSetId: string | null;
  schedulerSnapshot: string;
  /** Ids for the log rows (raw SQL writes them, so Prisma's defaults never do). */
  newId: () => string;
}

/** A card as a rating's answer carries it: the client takes its version for the next rating. */
export interface CardMemory {
  cardId: string;
  memory: MemoryState;
  version: number;
}

/** One rating's write: the state after it, against the version read, and its log row. */
export interface RatingWrite {
  userId: string;
  card: { id: string; deckId: string };
  /** The version read; with `existed` false, the card had no state (a first rating). */
  version: number;
  existed: boolean;
  after: MemoryState;
  log: ReviewLogRow;
  now: Date;
}

export type RatingResult =
  | { status: "saved"; card: CardMemory }
  | { status: "duplicate"; card: CardMemory }
  | { status: "stale"; message: string; card: CardMemory };

/** A rating's answer in a batch: a card out of reach is answered on its own, without sinking the others. */
export type BatchResult = RatingResult | { status: "not_found"; clientId: string; message: string };

/** What a rating does: its answer, or the write that makes it "saved" (with the card as it will be). */
export type Decision = Exclude<BatchResult, { status: "saved" }> | { status: "write"; card: CardMemory; write: RatingWrite };

export const STALE_MESSAGE =
  "This card was reviewed somewhere else (another tab or device) since you opened it; your rating wasn't applied. Here it is as it is now.";

/** The same words recordRating's refusal has, so a batch's answer reads like a single rating's. */
export const CARD_NOT_FOUND = notFound("That card").message;

/**
 * Decides every rating, in order. Null when a rating is not a plain write and the log was not read:
 * telling a duplicate from a stale copy (or from a card out of reach) needs it. A rating written
 * earlier in the same batch is a duplicate without the log; one logged before this batch but named
 * against the card's current version is decided a write when the log wasn't read, and the write's
 * unique (userId, clientId) refuses it (record.ts then reads the log and decides again).
 */
export function decideRatings(read: RatingRead, ratings: readonly RatingInput[], ctx: RatingContext): Decision[] | null {
  const cards = new Map(read.cards.map((card) => [card.id, card]));
  // Each card's state as the ratings decided so far leave it.
  const current = new Map(read.cards.map((card) => [card.id, card.state]));
  // The client ids this batch writes, with their cards.
  const written = new Map<string, string>();
  const stateOf = (cardId: string): StoredState | null => {
    if (current.has(cardId)) return current.get(cardId)!;
    for (const logged of read.logged?.values() ?? []) if (logged.cardId === cardId) return logged.state;
    return null;
  };
  const memoryOf = (cardId: string): CardMemory => {
    const state = stateOf(cardId);
    return { cardId, memory: state?.memory ?? newMemory(ctx.now), version: state?.version ?? 0 };
  };
  /** The card a client id was logged for: in this batch, before it, or not at all (null); undefined: unknown. */
  const loggedCard = (clientId: string): string | null | undefined =>
    written.get(clientId) ?? (read.logged ? (read.logged.get(clientId)?.cardId ?? null) : undefined);

  const decisions: Decision[] = [];
  for (const input of ratings) {
    const card = cards.get(input.cardId);
    const logged = loggedCard(input.clientId);
    if (!card) {
      // A retry of a rating stored before the card went out of reach is still that rating.
      if (logged === undefined) return null;
      decisions.push(
        logged === null
          ? { status: "not_found", clientId: input.clientId, message: CARD_NOT_FOUND }
          : { status: "duplicate", card: memoryOf(logged) },
      );
      continue;
    }
    const state = current.get(card.id) ?? null;
    const version = state?.version ?? 0;
    if (version !== input.expectedVersion || logged) {
      if (logged === undefined) return null;
      decisions.push(
        logged ? { status: "duplicate", card: memoryOf(card.id) } : { status: "stale", message: STALE_MESSAGE, card: memoryOf(card.id) },
      );
      continue;
    }
    const write = ratingWrite(card, state, input, ctx);
    decisions.push({ status: "write", card: { cardId: card.id, memory: write.after, version: version + 1 }, write });
    current.set(card.id, { version: version + 1, memory: write.after });
    written.set(input.clientId, card.id);
  }
  return decisions;
}

function ratingWrite(card: RatedCard, state: StoredState | null, input: RatingInput, ctx: RatingContext): RatingWrite {
  const { reviewedAt, before, after } = applyRating(state?.memory ?? null, input, ctx.now, ctx.scheduler);
  const version = state?.version ?? 0;
  const log = logRow(card, input, reviewedAt, before, after, ctx);
  return { userId: ctx.userId, card: { id: card.id, deckId: card.deckId }, version, existed: state !== null, after, log, now: ctx.now };
}

/**
 * What a rating does to a card: when it counts as made (the client's time within bounds, never
 * before the card's last review), the state before it (a new card's for one never studied), and the
 * state after.
 */
function applyRating(memory: MemoryState | null, input: RatingInput, now: Date, scheduler: SchedulerSettings) {
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
 * The log row of a rating: what was rated when, the card's state before it (for exact undo), and
 * what scheduled it (parameter set and settings, for exact replay).
 */
function logRow(
  card: RatedCard,
  input: RatingInput,
  reviewedAt: Date,
  before: MemoryState,
  after: MemoryState,
  ctx: RatingContext,
): ReviewLogRow {
  return {
    id: ctx.newId(),
    userId: ctx.userId,
    cardId: card.id,
    clientId: input.clientId,
    rating: input.rating,
    reviewedAt,
    durationMs: Math.min(input.durationMs, MAX_ANSWER_MS),
    nextDue: after.due,
    // What the learner answered: their history keeps it, whatever an editor writes later.
    question: card.front,
    ...checklistColumns(card.keyPoints, input.checklist),
    parameterSetId: ctx.parameterSetId,
    scheduler: ctx.schedulerSnapshot,
    ...before,
  };
}

/** The key points shown and those missed, as worded on the card, and the grade suggested: null when no checklist was used. */
function checklistColumns(storedPoints: string, checklist: RatingInput["checklist"]) {
  const points = splitKeyPoints(storedPoints);
  if (!checklist || points.length === 0 || checklist.count !== points.length)
    return { pointsShown: null, pointsMissed: null, suggestedRating: null };
  const missed = new Set(checklist.missed);
  return {
    pointsShown: storedPoints,
    pointsMissed: joinKeyPoints(points.filter((_, i) => missed.has(i))),
    suggestedRating: checklist.suggested ?? null,
  };
}

// ---------- undo ----------

/** A logged rating as undo reads it: its card and the card's state before it. */
export type UndoneLog = { id: string; cardId: string } & Omit<MemoryState, "state"> & { state: number };

/** What undo is decided on. */
export interface UndoRead {
  log: UndoneLog;
  /** The card is on a deck the learner still studies. */
  studied: boolean;
  /** The card's latest rating by this learner. */
  latestLogId: string | null;
  /** The version of the learner's state of the card; null when it has none (made a new question since). */
  version: number | null;
}

/** An undo to write: the state to restore over the version read, and the log row to remove. */
export interface UndoWrite {
  cardId: string;
  logId: string;
  version: number;
  before: MemoryState;
}

/** Whether a rating may be undone (only the card's latest, on a deck still studied) and what to restore. */
export function decideUndo(read: UndoRead): UndoWrite {
  const { log } = read;
  // Only ratings on decks the learner still studies can be undone, like every other review action.
  if (!read.studied) throw notFound("That rating");
  if (read.latestLogId !== log.id) throw new AppError("conflict", "Only the card's latest rating can be undone.");
  // The deck's editor marked the card as a new question since: its old ratings can't be undone.
  if (read.version === null)
    throw new AppError("conflict", "This card was changed into a new question since, so that rating can't be undone.");
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
  return { cardId: log.cardId, logId: log.id, version: read.version, before };
}
