// Studying: which decks a learner studies, today's queue, and the review itself. Every rating is one
// transaction (card state + log), stored once per client id, and refused when made against a stale
// copy of the card. Access comes from lib/access.ts; scheduling from lib/fsrs.ts.
import { z } from "zod";
import { browsableDecks, studiedDecks, type Viewer } from "./access";
import { db } from "./db";
import { AppError, isUniqueViolation, notFound } from "./errors";
import { newMemory, rate, RATINGS, State, type MemoryState, type RatingValue, type StateValue } from "./fsrs";
import { buildQueue, type QueueCard } from "./queue";
import { getStudySettings, type StudySettings } from "./study-settings";
import { studyDay, type StudyDay } from "./study-day";

/** Longer than this, the learner walked away: the answer time is capped so stats stay honest. */
export const MAX_ANSWER_MS = 5 * 60_000;
/** How far back an offline rating may be dated (older ones are dated when they arrive). */
const MAX_RATING_AGE_MS = 7 * 24 * 60 * 60_000;

// ---------- which decks a learner studies ----------

export async function startStudying(viewer: Viewer, deckId: string): Promise<void> {
  const deck = await db.deck.findFirst({ where: { id: deckId, ...browsableDecks(viewer) }, select: { id: true } });
  if (!deck) throw notFound("That deck");
  await db.deckStudy.upsert({
    where: { userId_deckId: { userId: viewer.id, deckId } },
    create: { userId: viewer.id, deckId },
    update: {},
  });
}

/** Leaves the deck; the learner's card states and history stay, ready if they come back. */
export async function stopStudying(viewer: Viewer, deckId: string): Promise<void> {
  await db.deckStudy.deleteMany({ where: { userId: viewer.id, deckId } });
}

export async function isStudying(viewer: Viewer, deckId: string): Promise<boolean> {
  return (await db.deckStudy.count({ where: { userId: viewer.id, deckId } })) > 0;
}

export interface StudiedDeck {
  id: string;
  slug: string | null;
  title: string;
  cardCount: number;
}

export async function listStudiedDecks(viewer: Viewer): Promise<StudiedDeck[]> {
  const decks = await db.deck.findMany({
    where: studiedDecks(viewer),
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, _count: { select: { cards: { where: { retiredAt: null } } } } },
  });
  return decks.map(({ _count, ...d }) => ({ ...d, cardCount: _count.cards }));
}

// ---------- today's queue ----------

const memorySelect = {
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

type MemoryRow = { [K in keyof typeof memorySelect]: K extends "state" ? number : MemoryState[K] };

/** Only the memory fields: rows also carry other columns (version, cardId) that must not reach a ReviewLog. */
function memoryOf(row: MemoryRow): MemoryState {
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview } = row;
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state: state as StateValue, lastReview };
}

export interface StudyCard extends QueueCard {
  deckId: string;
  slug: string;
  front: string;
  back: string;
}

export interface StudySession {
  queue: { ready: StudyCard[]; waiting: StudyCard[] };
  day: StudyDay;
  settings: StudySettings;
  /** The earliest due time after today's queue, for "next cards due" when nothing is left. */
  nextDue: Date | null;
}

/** Reviews and new cards already done in this study day, counted from the history. */
async function doneToday(userId: string, day: StudyDay) {
  const rows = await db.reviewLog.groupBy({
    by: ["state"],
    where: { userId, reviewedAt: { gte: day.start, lt: day.end } },
    _count: { _all: true },
  });
  const count = (state: number) => rows.find((r) => r.state === state)?._count._all ?? 0;
  return { newDone: count(State.New), reviewsDone: count(State.Review) };
}

/**
 * Never-studied cards in deck order, up to `room`. Each deck's search starts at the learner's cursor
 * (everything before it is known to be seen) and moves the cursor to what it learns, so a learner
 * with 100,000 cards behind them doesn't walk all of them on every session.
 */
async function neverSeenCards(userId: string, studies: { deckId: string; newCursor: number }[], room: number) {
  const found: { id: string; position: number }[] = [];
  for (const study of studies) {
    if (found.length >= room) break;
    const deck = { id: study.deckId };
    const cursor = study.newCursor;
    const cards = await db.card.findMany({
      where: { deckId: deck.id, retiredAt: null, position: { gte: cursor }, cardStates: { none: { userId } } },
      orderBy: { position: "asc" },
      take: room - found.length,
      select: { id: true, position: true },
    });
    found.push(...cards);
    // All live cards before the first unseen one are seen; with none unseen, all cards so far are.
    const next = cards[0]?.position ?? ((await db.card.aggregate({ where: { deckId: deck.id }, _max: { position: true } }))._max.position ?? -1) + 1;
    if (next > cursor) {
      // Compare-and-set: a rewind that happened meanwhile (an editor reordering) wins.
      await db.deckStudy.updateMany({ where: { userId, deckId: deck.id, newCursor: cursor }, data: { newCursor: next } });
    }
  }
  return found;
}

/** Cards before `position` may have become unseen (reordered, reset, re-seeded): search from there again. */
export async function rewindNewCursors(deckId: string, position: number, client: Pick<typeof db, "deckStudy"> = db): Promise<void> {
  await client.deckStudy.updateMany({ where: { deckId, newCursor: { gt: position } }, data: { newCursor: position } });
}

/** Today's session for the decks the learner studies, or for one of them. */
export async function loadStudySession(viewer: Viewer, options: { deckId?: string }, now = new Date()): Promise<StudySession> {
  const settings = await getStudySettings(viewer.id);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  // Driven from the learner's own study rows (a primary-key range), not from all decks.
  const studies = await db.deckStudy.findMany({
    where: { userId: viewer.id, ...(options.deckId && { deckId: options.deckId }), deck: browsableDecks(viewer) },
    orderBy: { deckId: "asc" },
    select: { deckId: true, newCursor: true },
  });
  const deckIds = studies.map((d) => d.deckId);
  const empty: StudySession = { queue: { ready: [], waiting: [] }, day, settings, nextDue: null };
  if (deckIds.length === 0) return empty;

  const available = {
    userId: viewer.id,
    deckId: { in: deckIds },
    suspended: false,
    OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
    card: { retiredAt: null },
  };
  const [done, started, freshStates] = await Promise.all([
    doneToday(viewer.id, day),
    db.cardState.findMany({
      where: { ...available, state: { not: State.New }, due: { lt: day.end } },
      orderBy: { due: "asc" },
      take: settings.reviewsPerDay + 500,
      select: { cardId: true, version: true, ...memorySelect },
    }),
    // new cards the learner buried once and that are due again keep a state row with state New
    db.cardState.findMany({
      where: { ...available, state: State.New },
      select: { cardId: true, version: true, ...memorySelect, card: { select: { position: true } } },
      take: settings.newPerDay,
    }),
  ]);
  const newRoom = Math.max(0, settings.newPerDay - done.newDone);
  const neverSeen = await neverSeenCards(viewer.id, studies, newRoom);
  const fresh: QueueCard[] = [
    ...freshStates.map((s) => ({ cardId: s.cardId, version: s.version, memory: memoryOf(s), position: s.card.position })),
    ...neverSeen.map((c) => ({ cardId: c.id, version: 0, memory: newMemory(now), position: c.position })),
  ]
    .sort((a, b) => a.position - b.position)
    .map(({ position: _position, ...card }) => card);

  const queue = buildQueue({
    now,
    day,
    started: started.map((s) => ({ cardId: s.cardId, version: s.version, memory: memoryOf(s) })),
    fresh,
    newDoneToday: done.newDone,
    reviewsDoneToday: done.reviewsDone,
    limits: settings,
  });

  const ids = [...queue.ready, ...queue.waiting].map((c) => c.cardId);
  const [contents, next] = await Promise.all([
    db.card.findMany({ where: { id: { in: ids } }, select: { id: true, deckId: true, slug: true, front: true, back: true } }),
    db.cardState.findFirst({
      where: { userId: viewer.id, deckId: { in: deckIds }, suspended: false, state: { not: State.New }, due: { gte: day.end } },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
  ]);
  const byId = new Map(contents.map((c) => [c.id, c]));
  const withContent = (cards: QueueCard[]): StudyCard[] =>
    cards.flatMap((c) => {
      const content = byId.get(c.cardId);
      return content ? [{ ...c, deckId: content.deckId, slug: content.slug, front: content.front, back: content.back }] : [];
    });
  return { queue: { ready: withContent(queue.ready), waiting: withContent(queue.waiting) }, day, settings, nextDue: next?.due ?? null };
}

// ---------- rating ----------

export const ratingSchema = z.object({
  clientId: z.string().min(8, "A rating needs its client id.").max(64),
  cardId: z.string().min(1).max(64),
  rating: z.coerce.number().int().refine((r): r is RatingValue => RATINGS.includes(r as RatingValue), "A rating is 1 (Again) to 4 (Easy)."),
  /** The CardState version the learner saw (0 for a card never studied). */
  expectedVersion: z.coerce.number().int().min(0),
  durationMs: z.coerce.number().int().min(0).max(24 * 60 * 60_000),
  /** When the learner rated, by their clock: offline ratings are scheduled as of that moment. */
  reviewedAt: z.coerce.date().optional(),
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

/** A client's review time, kept within sane bounds: not in the future, not older than a week. */
function reviewTime(claimed: Date | undefined, now: Date): Date {
  if (!claimed || Number.isNaN(claimed.getTime())) return now;
  const t = claimed.getTime();
  if (t > now.getTime() || t < now.getTime() - MAX_RATING_AGE_MS) return now;
  return claimed;
}

export async function recordRating(viewer: Viewer, input: RatingInput, now = new Date()): Promise<RatingResult> {
  const userId = viewer.id;
  const logged = await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId: input.clientId } }, select: { cardId: true } });
  if (logged) return { status: "duplicate", card: await currentMemory(userId, logged.cardId, now) };

  const card = await db.card.findFirst({ where: { id: input.cardId, retiredAt: null, deck: studiedDecks(viewer) }, select: { id: true, deckId: true } });
  if (!card) throw notFound("That card");
  const [settings, row] = await Promise.all([
    getStudySettings(userId),
    db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: card.id } }, select: { version: true, ...memorySelect } }),
  ]);
  const version = row?.version ?? 0;
  if (version !== input.expectedVersion) return duplicateOrStale(userId, card.id, input.clientId, now);

  let reviewedAt = reviewTime(input.reviewedAt, now);
  const before = row ? memoryOf(row) : newMemory(reviewedAt);
  if (before.lastReview && reviewedAt < before.lastReview) reviewedAt = before.lastReview;
  const after = rate(before, input.rating as RatingValue, reviewedAt, settings.scheduler);
  const data = { ...after, version: version + 1, buriedUntil: null };

  // Expected outcomes never roll the transaction back: with SQLite's single connection, a rollback
  // would also undo writes other requests made meanwhile (see lib/db.ts). A lost race returns instead.
  let saved = false;
  try {
    saved = await db.$transaction(async (tx) => {
      if (row) {
        // Conditional on the version we read: a concurrent rating that got there first makes this one stale.
        const { count } = await tx.cardState.updateMany({ where: { userId, cardId: card.id, version }, data });
        if (count !== 1) return false;
      } else {
        await tx.cardState.create({ data: { userId, cardId: card.id, deckId: card.deckId, ...data } });
      }
      await tx.reviewLog.create({
        data: {
          userId,
          cardId: card.id,
          clientId: input.clientId,
          rating: input.rating,
          reviewedAt,
          durationMs: Math.min(input.durationMs, MAX_ANSWER_MS),
          nextDue: after.due,
          ...before,
        },
      });
      return true;
    });
  } catch (error) {
    // A unique violation: the same rating arriving twice at once, or a concurrent first rating.
    if (!isUniqueViolation(error)) throw error;
  }
  if (saved) return { status: "saved", card: { cardId: card.id, memory: after, version: version + 1 } };
  return duplicateOrStale(userId, card.id, input.clientId, now);
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
    message: "This card was reviewed somewhere else (another tab or device) since you opened it; your rating wasn't applied. Here it is as it is now.",
    card,
  };
}

// ---------- undo, bury, suspend ----------

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
    db.reviewLog.findFirst({ where: { userId, cardId: log.cardId }, orderBy: [{ reviewedAt: "desc" }, { reps: "desc" }], select: { id: true } }),
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

async function studiedCard(viewer: Viewer, cardId: string) {
  const card = await db.card.findFirst({ where: { id: cardId, retiredAt: null, deck: studiedDecks(viewer) }, select: { id: true, deckId: true } });
  if (!card) throw notFound("That card");
  return card;
}

async function changeState(viewer: Viewer, cardId: string, now: Date, change: { buriedUntil?: Date | null; suspended?: boolean }) {
  const card = await studiedCard(viewer, cardId);
  await db.cardState.upsert({
    where: { userId_cardId: { userId: viewer.id, cardId: card.id } },
    create: { userId: viewer.id, cardId: card.id, deckId: card.deckId, ...newMemory(now), ...change, version: 1 },
    update: { ...change, version: { increment: 1 } },
  });
}

/** Hides the card until the next study day starts. */
export async function buryCard(viewer: Viewer, cardId: string, now = new Date()): Promise<void> {
  const settings = await getStudySettings(viewer.id);
  await changeState(viewer, cardId, now, { buriedUntil: studyDay(now, settings.timeZone, settings.dayStartHour).end });
}

export async function setSuspended(viewer: Viewer, cardId: string, suspended: boolean, now = new Date()): Promise<void> {
  await changeState(viewer, cardId, now, { suspended });
}

/** The learner's own memory of a card, for the card page (null when never studied). */
export async function cardStudyStatus(viewer: Viewer, cardId: string) {
  return db.cardState.findUnique({
    where: { userId_cardId: { userId: viewer.id, cardId } },
    select: { due: true, state: true, reps: true, lapses: true, suspended: true, buriedUntil: true },
  });
}

// ---------- history ----------

export const HISTORY_PAGE_SIZE = 50;

export interface HistoryEntry {
  id: string;
  reviewedAt: Date;
  rating: RatingValue;
  intervalMs: number;
  durationMs: number;
  card: { slug: string; front: string; deck: { id: string; slug: string | null } };
}

export async function listHistory(viewer: Viewer, page: number): Promise<{ entries: HistoryEntry[]; total: number; pages: number }> {
  const where = { userId: viewer.id };
  const [total, rows] = await Promise.all([
    db.reviewLog.count({ where }),
    db.reviewLog.findMany({
      where,
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: {
        id: true,
        reviewedAt: true,
        rating: true,
        nextDue: true,
        durationMs: true,
        card: { select: { slug: true, front: true, deck: { select: { id: true, slug: true } } } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    entries: rows.map((r) => ({
      id: r.id,
      reviewedAt: r.reviewedAt,
      rating: r.rating as RatingValue,
      intervalMs: r.nextDue.getTime() - r.reviewedAt.getTime(),
      durationMs: r.durationMs,
      card: r.card,
    })),
  };
}

