// What a parameter set means for the learner's workload: their cards' memory rebuilt from their own
// history under the set, then a short deterministic simulation of the coming days (each review at
// its due date, recalled). Pure; used for "about 18% fewer reviews a day", the 30-day preview of a
// reschedule and the desired-retention advice.
import { DEFAULT_SCHEDULER_SETTINGS, memoryModel, Rating, type MemoryStrength, type RatingValue } from "../scheduling/fsrs";
import { DAY_MS } from "../time";

export type History = { rating: RatingValue; reviewedAt: Date }[];

/** Ratings (oldest first) grouped into each card's history. */
export function historiesByCard(ratings: { cardId: string; rating: number; reviewedAt: Date }[]): Map<string, History> {
  const byCard = new Map<string, History>();
  for (const r of ratings) {
    const history = byCard.get(r.cardId);
    const entry = { rating: r.rating as RatingValue, reviewedAt: r.reviewedAt };
    if (history) history.push(entry);
    else byCard.set(r.cardId, [entry]);
  }
  return byCard;
}

/** A card's memory in brief: what the workload simulation reads. */
export interface Memory {
  stability: number;
  difficulty: number;
  lastReview: Date | null;
  due: Date;
}

/**
 * Each card's memory from its history, straight through FSRS's memory model (no scheduler: learning
 * steps are same-day reviews), about a hundred times faster than replaying through the scheduler:
 * for estimates over a whole collection.
 */
export function memoriesUnder(histories: History[], weights: readonly number[] | undefined, desiredRetention: number): Memory[] {
  const model = memoryModel({ desiredRetention, maximumInterval: DEFAULT_SCHEDULER_SETTINGS.maximumInterval, weights });
  const memories: Memory[] = [];
  for (const history of histories) {
    let state: MemoryStrength | null = null;
    let last = 0;
    for (const { rating, reviewedAt } of history) {
      const t = reviewedAt.getTime();
      const elapsed = state ? Math.max(0, Math.floor((t - last) / DAY_MS)) : 0;
      state = model.next(state, elapsed, rating);
      last = t;
    }
    if (state)
      memories.push({
        ...state,
        lastReview: new Date(last),
        due: new Date(last + model.intervalDays(state.stability) * DAY_MS),
      });
  }
  return memories;
}

/**
 * Reviews on each of the next `days` days, starting from these states: each card reviewed when due,
 * recalled (rated Good), and due again after FSRS's interval at `desiredRetention`.
 */
export function workload(
  states: Memory[],
  weights: readonly number[] | undefined,
  desiredRetention: number,
  now: Date,
  days: number,
): number[] {
  const model = memoryModel({ desiredRetention, maximumInterval: DEFAULT_SCHEDULER_SETTINGS.maximumInterval, weights });
  const perDay = new Array<number>(days).fill(0);
  const start = now.getTime();
  for (const state of states) {
    let due = Math.max(start, state.due.getTime());
    let s = state.stability;
    let d = state.difficulty;
    let last = state.lastReview?.getTime() ?? start;
    for (;;) {
      const day = Math.floor((due - start) / DAY_MS);
      if (day >= days) break;
      perDay[day]!++;
      const next = model.next({ stability: s, difficulty: d }, Math.max(0, (due - last) / DAY_MS), Rating.Good);
      s = next.stability;
      d = next.difficulty;
      last = due;
      due += model.intervalDays(s) * DAY_MS;
    }
  }
  return perDay;
}

export const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * What fitted weights change in the work ahead: the mean reviews a day over the next `days` days under
 * `weights`, over the same under FSRS's defaults (1 when that is none), each card's memory rebuilt
 * from its history under each.
 */
export function workloadRatio(histories: History[], weights: readonly number[], desiredRetention: number, now: Date, days = 90): number {
  const perDay = (w: readonly number[] | undefined) =>
    mean(workload(memoriesUnder(histories, w, desiredRetention), w, desiredRetention, now, days));
  const before = perDay(undefined);
  const after = perDay(weights);
  return before > 0 ? after / before : 1;
}

export interface RetentionOption {
  retention: number;
  /** Estimated reviews a day, lapses and their relearning included. */
  reviewsPerDay: number;
  /** Reviews a day per card remembered: the cost of each remembered card. */
  costPerRemembered: number;
  cheapest: boolean;
}

/** Workload and recall at several desired retentions (a year ahead), the cheapest per remembered card marked. */
export function retentionOptions(states: Memory[], weights: readonly number[] | undefined, now: Date): RetentionOption[] {
  if (states.length === 0) return [];
  const options = [0.75, 0.8, 0.85, 0.9, 0.95].map((retention) => {
    const reviews = mean(workload(states, weights, retention, now, 365));
    // Each review forgotten (1 - retention of the time) costs a relearning review on top.
    const reviewsPerDay = reviews * (1 + (1 - retention));
    return { retention, reviewsPerDay, costPerRemembered: reviewsPerDay / (states.length * retention), cheapest: false };
  });
  const cheapest = options.reduce((best, o) => (o.costPerRemembered < best.costPerRemembered ? o : best));
  cheapest.cheapest = true;
  return options;
}
