// The review screen's state and every change to it, as a reducer: the queue, which card has its
// answer shown, the checklist being ticked, what Z takes back, the notice. Pure (no React, no
// fetch), so each transition is unit-tested; review-session.tsx keeps the effects (outbox, server
// actions, timers, keyboard) and dispatches what they learn.
import { suggestGrade } from "@/lib/scheduling/grade-suggestion";
import { rate, Rating, State, type MemoryState, type RatingValue, type SchedulerSettings } from "@/lib/scheduling/fsrs";
import { afterRating, afterUndo, promoteDue, type Queue, type QueueCard } from "@/lib/scheduling/queue";
import type { AfterSession } from "@/lib/review/session";
import type { PendingRating } from "./outbox";

/** What the reducer needs of a card: its place in the queue and its key points. */
export interface StudiedCard extends QueueCard {
  keyPoints: string[];
}

/** A card's copy as the server has it now (after a stale rating, an undo, a restore). */
export interface CardCopy {
  cardId: string;
  memory: MemoryState;
  version: number;
}

export type SetAsideHow = "bury" | "suspend";

/** What Z takes back, newest last: ratings, and cards buried or suspended from this screen. */
export type Done<C extends StudiedCard> =
  | { kind: "rating"; clientId: string; before: C; rating: RatingValue; durationMs: number }
  | { kind: "setAside"; how: SetAsideHow; before: C };

/** The checklist of the card on screen: which points are ticked and how long the answer took. */
export interface Answering {
  cardKey: string;
  ticked: ReadonlySet<number>;
  /** The learner pressed "None": they said no point (a used checklist with nothing ticked). */
  saidNone: boolean;
  typed: string;
  /** From showing the card to revealing the answer (set at the reveal). */
  answerMs: number;
}

export interface SessionState<C extends StudiedCard> {
  queue: Queue<C>;
  /** Which card (id and version) has its answer shown: a new card starts hidden. */
  revealedKey: string | null;
  /** Ticks and typing, for the card named by its `cardKey` only (see answeringOf). */
  answering: Answering | null;
  /** The time the screen last moved on (a rating, a learning step coming due): for countdowns. */
  now: Date;
  done: Done<C>[];
  notice: string | null;
  /** A server action (undo, bury, suspend) is under way: no other may start. */
  busy: boolean;
  /**
   * What comes after the session, asked of the server once its ratings are saved, with the number
   * of ratings it followed: after an undo brings cards back, it is stale.
   */
  after: { reviewed: number; data: AfterSession } | null;
}

export type SessionAction<C extends StudiedCard> =
  /** Ratings still in the outbox from before a reload, applied to the server's queue. */
  | { type: "restored"; pending: PendingRating[]; dayEnd: Date; scheduler: SchedulerSettings }
  /** The server refused a rating made against a stale copy. */
  | { type: "stale"; card: CardCopy; message: string }
  | { type: "notice"; message: string }
  | { type: "reveal"; answerMs: number }
  | { type: "toggle"; index: number }
  /** "None": no key point was said (clears the ticks). */
  | { type: "saidNone" }
  | { type: "type"; typed: string }
  /** Learning cards whose step is due by `at` join the front of the queue. */
  | { type: "stepsDue"; at: Date }
  /** `card` (the one on screen when the learner graded) was rated: it moves on. */
  | {
      type: "rated";
      card: C;
      clientId: string;
      rating: RatingValue;
      durationMs: number;
      at: Date;
      dayEnd: Date;
      scheduler: SchedulerSettings;
    }
  | { type: "busy"; busy: boolean }
  | { type: "setAside"; how: SetAsideHow; card: C }
  /** An undone bury or suspend: the card is back at the front, as the server has it now. */
  | { type: "restoredCard"; how: SetAsideHow; card: CardCopy }
  /** An undone rating: the card is back at the front with its state before it (`card`: the server's copy, when it had the rating). */
  | { type: "ratingUndone"; card?: CardCopy }
  /** "Study it now": the first waiting learning card, before its step is due. */
  | { type: "studyNow" }
  | { type: "after"; reviewed: number; data: AfterSession };

export function initialSessionState<C extends StudiedCard>(queue: Queue<C>, now: Date): SessionState<C> {
  return { queue, revealedKey: null, answering: null, now, done: [], notice: null, busy: false, after: null };
}

/** The card on screen: the front of the ready queue. */
export function currentCard<C extends StudiedCard>(state: SessionState<C>): C | null {
  return state.queue.ready[0] ?? null;
}

/** A card's version-specific key: a rated card (a new version) starts hidden and unticked. */
export function cardKeyOf(card: QueueCard | null): string | null {
  return card ? `${card.cardId}:${card.version}` : null;
}

export function isRevealed<C extends StudiedCard>(state: SessionState<C>): boolean {
  const key = cardKeyOf(currentCard(state));
  return key !== null && state.revealedKey === key;
}

/** The checklist of the card on screen: another card (or another version of it) starts afresh. */
export function answeringOf<C extends StudiedCard>(state: SessionState<C>): Answering {
  const cardKey = cardKeyOf(currentCard(state)) ?? "";
  const a = state.answering;
  return a && a.cardKey === cardKey ? a : { cardKey, ticked: new Set(), saidNone: false, typed: "", answerMs: 0 };
}

/** The grade the checklist suggests for `card` once its answer is shown (null: nothing to suggest yet). */
export function suggestionFor(
  card: StudiedCard | null,
  revealed: boolean,
  answering: Answering,
  medianAnswerMs: number | null,
): RatingValue | null {
  if (!card || !revealed) return null;
  return suggestGrade({
    total: card.keyPoints.length,
    ticked: answering.ticked.size,
    saidNone: answering.saidNone,
    answerMs: answering.answerMs,
    medianAnswerMs,
    seenBefore: card.memory.state !== State.New,
  });
}

/** No card ready and none waiting for its step. */
export function isFinished<C extends StudiedCard>(state: SessionState<C>): boolean {
  return !state.queue.ready[0] && !state.queue.waiting[0];
}

/** Whether the last thing Z would take back is a bury or suspend (the notice offers Undo then). */
export function lastWasSetAside<C extends StudiedCard>(state: SessionState<C>): boolean {
  return state.done.at(-1)?.kind === "setAside";
}

/** What comes after the session, while it still follows the ratings made (an undo makes it stale). */
export function afterOf<C extends StudiedCard>(state: SessionState<C>): AfterSession | null {
  return state.after?.reviewed === summaryOf(state.done).reviewed ? state.after.data : null;
}

export interface SessionSummary {
  reviewed: number;
  timeMs: number;
  accuracy: number | null;
}

/** The end screen's summary: ratings made (undone ones gone), their time, and the share not Again. */
export function summaryOf<C extends StudiedCard>(done: Done<C>[]): SessionSummary {
  const ratings = done.flatMap((d) => (d.kind === "rating" ? [d] : []));
  const reviewed = ratings.length;
  return {
    reviewed,
    timeMs: ratings.reduce((sum, d) => sum + d.durationMs, 0),
    accuracy: reviewed ? Math.round((100 * ratings.filter((d) => d.rating !== Rating.Again).length) / reviewed) : null,
  };
}

/** Whether the learner used the card's checklist: ticked a point, or pressed "None". */
export function usedChecklist(answering: Pick<Answering, "ticked" | "saidNone">): boolean {
  return answering.ticked.size > 0 || answering.saidNone;
}

/**
 * The outbox item for rating `card`. The key points not ticked (and the grade suggested) go with it
 * only when the learner used the checklist: an untouched one says nothing about what was said, and
 * stored it would read as "missed 4 of 4" on an answer graded Good.
 */
export function pendingRating(
  card: StudiedCard,
  answering: Pick<Answering, "ticked" | "saidNone">,
  rating: { clientId: string; rating: RatingValue; at: Date; durationMs: number; suggested: RatingValue | null },
): PendingRating {
  const count = card.keyPoints.length;
  const { ticked } = answering;
  const checklist =
    count && usedChecklist(answering)
      ? {
          count,
          missed: card.keyPoints.flatMap((_, i) => (ticked.has(i) ? [] : [i])),
          ...(rating.suggested !== null && { suggested: rating.suggested }),
        }
      : undefined;
  return {
    clientId: rating.clientId,
    cardId: card.cardId,
    rating: rating.rating,
    expectedVersion: card.version,
    durationMs: rating.durationMs,
    reviewedAt: rating.at.toISOString(),
    ...(checklist && { checklist }),
  };
}

/** Applies ratings still waiting in the outbox (from before a reload) to the server's queue. */
function withPending<C extends StudiedCard>(
  queue: Queue<C>,
  pending: PendingRating[],
  dayEnd: Date,
  scheduler: SchedulerSettings,
): Queue<C> {
  let next = queue;
  for (const p of pending) {
    const card = [...next.ready, ...next.waiting].find((c) => c.cardId === p.cardId);
    if (!card || card.version !== p.expectedVersion) continue;
    const memory = rate(card.memory, p.rating, new Date(p.reviewedAt), scheduler);
    next = afterRating(next, { ...card, memory, version: card.version + 1 }, { end: dayEnd });
  }
  return next;
}

/** The queue with a card replaced by the server's fresh copy, wherever it is. */
function withFresh<C extends StudiedCard>(queue: Queue<C>, fresh: CardCopy): Queue<C> {
  const swap = (c: C) => (c.cardId === fresh.cardId ? { ...c, memory: fresh.memory, version: fresh.version } : c);
  return { ready: queue.ready.map(swap), waiting: queue.waiting.map(swap) };
}

/** Changes the card on screen's checklist (a stale one, from another card, starts afresh). */
function withAnswering<C extends StudiedCard>(state: SessionState<C>, change: (a: Answering) => Partial<Answering>): SessionState<C> {
  const base = answeringOf(state);
  return { ...state, answering: { ...base, ...change(base) } };
}

function toggled(ticked: ReadonlySet<number>, index: number): ReadonlySet<number> {
  const next = new Set(ticked);
  if (!next.delete(index)) next.add(index);
  return next;
}

/** The state after a rating: the card moves on (a learning step comes back later today). */
function afterRated<C extends StudiedCard>(state: SessionState<C>, action: Extract<SessionAction<C>, { type: "rated" }>): SessionState<C> {
  const { card } = action;
  const memory = rate(card.memory, action.rating, action.at, action.scheduler);
  const queue = afterRating(state.queue, { ...card, memory, version: card.version + 1 }, { end: action.dayEnd });
  const done: Done<C> = { kind: "rating", clientId: action.clientId, before: card, rating: action.rating, durationMs: action.durationMs };
  return { ...state, queue: promoteDue(queue, action.at), done: [...state.done, done], now: action.at, notice: null };
}

/** The state after an undo the server (or the outbox) agreed to: the last thing done comes back. */
function afterTakenBack<C extends StudiedCard>(state: SessionState<C>, card: CardCopy | undefined, notice: string): SessionState<C> {
  const last = state.done.at(-1);
  if (!last) return state;
  const back = card ? { ...last.before, memory: card.memory, version: card.version } : last.before;
  const queue =
    last.kind === "rating" ? afterUndo(state.queue, back) : { ready: [back, ...state.queue.ready], waiting: state.queue.waiting };
  return { ...state, queue, done: state.done.slice(0, -1), notice };
}

export function sessionReducer<C extends StudiedCard>(state: SessionState<C>, action: SessionAction<C>): SessionState<C> {
  switch (action.type) {
    case "restored":
      return { ...state, queue: withPending(state.queue, action.pending, action.dayEnd, action.scheduler) };
    case "stale":
      return { ...state, notice: action.message, queue: withFresh(state.queue, action.card) };
    case "notice":
      return { ...state, notice: action.message };
    case "reveal":
      return { ...withAnswering(state, () => ({ answerMs: action.answerMs })), revealedKey: cardKeyOf(currentCard(state)) };
    case "toggle": {
      const card = currentCard(state);
      if (!card || action.index >= card.keyPoints.length) return state;
      return withAnswering(state, (a) => ({ ticked: toggled(a.ticked, action.index), saidNone: false }));
    }
    case "saidNone":
      return currentCard(state)?.keyPoints.length ? withAnswering(state, () => ({ ticked: new Set(), saidNone: true })) : state;
    case "type":
      return withAnswering(state, () => ({ typed: action.typed }));
    case "stepsDue":
      return { ...state, now: action.at, queue: promoteDue(state.queue, action.at) };
    case "rated":
      return afterRated(state, action);
    case "busy":
      return { ...state, busy: action.busy };
    case "setAside": {
      const { queue } = state;
      const done: Done<C> = { kind: "setAside", how: action.how, before: action.card };
      return {
        ...state,
        queue: { ready: queue.ready.filter((c) => c.cardId !== action.card.cardId), waiting: queue.waiting },
        done: [...state.done, done],
        notice: action.how === "bury" ? "Buried until tomorrow." : "Suspended: it stays out of your sessions.",
      };
    }
    case "restoredCard":
      return afterTakenBack(state, action.card, action.how === "bury" ? "Unburied: the card is back." : "Unsuspended: the card is back.");
    case "ratingUndone":
      return afterTakenBack(state, action.card, "Rating undone.");
    case "studyNow": {
      const [first, ...rest] = state.queue.waiting;
      return first ? { ...state, queue: { ready: [first], waiting: rest } } : state;
    }
    case "after":
      return { ...state, after: { reviewed: action.reviewed, data: action.data } };
  }
}
