// Today's queue: which cards a learner sees, in what order. Pure, so the server builds the queue with
// it and the browser steps through the session with it (learning cards come back when due).
import { State, type MemoryState } from "./fsrs";
import type { StudyDay } from "./study-day";

export type QueueKind = "new" | "learning" | "review";

export interface QueueCard {
  cardId: string;
  memory: MemoryState;
  /** The CardState version the next rating will be made against (0 when the card has no state yet). */
  version: number;
}

export interface QueueLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

export interface QueueInput {
  now: Date;
  day: StudyDay;
  /** Started cards that aren't suspended or buried, due before the study day ends. */
  started: QueueCard[];
  /** Cards never studied (or still new), in deck order; may hold more than today's limit. */
  fresh: QueueCard[];
  /**
   * Reviews an interview plan brings forward (not due yet by FSRS): shown after today's due cards and
   * before new ones, outside the daily review limit (the plan keeps to its own).
   */
  brought?: QueueCard[];
  newDoneToday: number;
  reviewsDoneToday: number;
  limits: QueueLimits;
}

/** Generic over the card type so the browser's cards keep their content as they move through. */
export interface Queue<C extends QueueCard = QueueCard> {
  /** Cards to show now, in order: due learning and review cards, earliest first, then new cards. */
  ready: C[];
  /** Learning cards due later today, earliest first: they join `ready` when their step is due. */
  waiting: C[];
}

export function kindOf(memory: MemoryState): QueueKind {
  if (memory.state === State.New) return "new";
  return memory.state === State.Review ? "review" : "learning";
}

const byDue = <C extends QueueCard>(a: C, b: C) => a.memory.due.getTime() - b.memory.due.getTime();

export function buildQueue(input: QueueInput): Queue {
  const { now, day, limits } = input;
  const learning = input.started.filter((c) => kindOf(c.memory) === "learning" && c.memory.due < day.end);
  const reviewRoom = Math.max(0, limits.reviewsPerDay - input.reviewsDoneToday);
  // Review cards are due by the day (like Anki): anything due before the study day ends is due today.
  const reviews = input.started
    .filter((c) => kindOf(c.memory) === "review" && c.memory.due < day.end)
    .sort(byDue)
    .slice(0, reviewRoom);
  const newRoom = Math.max(0, limits.newPerDay - input.newDoneToday);
  const fresh = input.fresh.filter((c) => kindOf(c.memory) === "new").slice(0, newRoom);

  const dueNow = [...learning.filter((c) => c.memory.due <= now), ...reviews].sort(byDue);
  const taken = new Set([...learning, ...reviews].map((c) => c.cardId));
  const brought = (input.brought ?? []).filter((c) => kindOf(c.memory) === "review" && !taken.has(c.cardId));
  return { ready: [...dueNow, ...brought, ...fresh], waiting: learning.filter((c) => c.memory.due > now).sort(byDue) };
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export function countQueue<C extends QueueCard>(queue: Queue<C>): QueueCounts {
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  for (const card of [...queue.ready, ...queue.waiting]) counts[kindOf(card.memory)]++;
  return counts;
}

/** Moves learning cards whose step is now due to the front of `ready`. */
export function promoteDue<C extends QueueCard>(queue: Queue<C>, now: Date): Queue<C> {
  const due = queue.waiting.filter((c) => c.memory.due <= now);
  if (due.length === 0) return queue;
  return { ready: [...due, ...queue.ready], waiting: queue.waiting.filter((c) => c.memory.due > now) };
}

/**
 * The queue after the card at the front was rated: it leaves `ready`, and comes back (in `waiting`)
 * if its new state is a learning step due before the study day ends.
 */
export function afterRating<C extends QueueCard>(queue: Queue<C>, rated: C, day: Pick<StudyDay, "end">): Queue<C> {
  const ready = queue.ready.filter((c) => c.cardId !== rated.cardId);
  const waiting = queue.waiting.filter((c) => c.cardId !== rated.cardId);
  if (kindOf(rated.memory) === "learning" && rated.memory.due < day.end) waiting.push(rated);
  return { ready, waiting: waiting.sort(byDue) };
}

/** The queue after undoing a rating: the card goes back to the front with its previous state. */
export function afterUndo<C extends QueueCard>(queue: Queue<C>, restored: C): Queue<C> {
  return {
    ready: [restored, ...queue.ready.filter((c) => c.cardId !== restored.cardId)],
    waiting: queue.waiting.filter((c) => c.cardId !== restored.cardId),
  };
}
