// The day's queue: how many new cards today takes (the learner's limit, or their interview plan's
// amount when they chose it) and, from that, the queue itself. Pure: Today's headline and deck rows,
// the study page and the end of a session all get their queue from dayQueue, so they agree.
import { buildQueue, type Queue, type QueueCard, type QueueLimits } from "./queue";
import type { StudyDay } from "./study-day";

/** What an interview plan asks of today, as the queue needs it. */
export interface PlanAsk {
  /** The interview the plan is for (the soonest), named in the question to the learner. */
  interview: string;
  /** New cards the plan wants today in all: its cards already met today and those still to meet. */
  wants: number;
  /** The plan's cards still to meet, in its order (within the session's decks): they come first. */
  fresh: QueueCard[];
  /** Reviews the plan brings forward (not due yet by FSRS). */
  brought: QueueCard[];
}

/** The learner's answer for this study day when the plan wanted more than their limit. */
export interface PlanChoice {
  takePlan: boolean;
  /** With takePlan: the day's new cards in all, as the plan wanted when the learner took it. */
  newCards: number;
}

export interface DayQueueInput {
  now: Date;
  day: StudyDay;
  /** Started cards that aren't suspended or buried, due before the study day ends. */
  started: QueueCard[];
  /** Cards never studied (or still new) outside the plan, in deck order. */
  fresh: QueueCard[];
  newDoneToday: number;
  reviewsDoneToday: number;
  /** The learner's own daily limits. */
  limits: QueueLimits;
  plan?: PlanAsk | null;
  choice?: PlanChoice | null;
}

export interface NewCardsToday {
  /** The learner's daily limit. */
  limit: number;
  /** New cards today takes in all (met already included): the limit, or the plan's amount when taken. */
  allowed: number;
  /** The plan wants more than the limit and the learner hasn't answered yet: ask them. */
  ask: { interview: string; wants: number; limit: number } | null;
  /** The learner's answer for today, when there is one. */
  choice: PlanChoice | null;
}

export interface DayQueue {
  queue: Queue;
  newCards: NewCardsToday;
}

/**
 * New cards the day takes in all. The plan's amount already counts its cards met today (it is
 * computed with them), so returning to Today never adds more; above the learner's limit it needs
 * their yes for the day, and it never goes past what it wanted when they said yes.
 */
export function newCardsToday(limit: number, plan: Pick<PlanAsk, "interview" | "wants"> | null, choice: PlanChoice | null): NewCardsToday {
  const over = plan !== null && plan.wants > limit;
  if (!over) return { limit, allowed: limit, ask: null, choice };
  if (!choice) return { limit, allowed: limit, ask: { interview: plan.interview, wants: plan.wants, limit }, choice: null };
  return { limit, allowed: choice.takePlan ? Math.max(limit, choice.newCards) : limit, ask: null, choice };
}

/** Today's queue: due cards, the plan's reviews brought forward, then new cards (the plan's first) up to the day's allowance. */
export function dayQueue(input: DayQueueInput): DayQueue {
  const plan = input.plan ?? null;
  const newCards = newCardsToday(input.limits.newPerDay, plan, input.choice ?? null);
  const planned = new Set(plan?.fresh.map((c) => c.cardId));
  const queue = buildQueue({
    now: input.now,
    day: input.day,
    started: input.started,
    fresh: [...(plan?.fresh ?? []), ...input.fresh.filter((c) => !planned.has(c.cardId))],
    brought: plan?.brought ?? [],
    newDoneToday: input.newDoneToday,
    reviewsDoneToday: input.reviewsDoneToday,
    limits: { ...input.limits, newPerDay: newCards.allowed },
  });
  return { queue, newCards };
}
