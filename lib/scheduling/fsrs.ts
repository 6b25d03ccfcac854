// Scheduling: Drill's only door to ts-fsrs. Pure (no database, no Next): a memory state and a rating
// in, the next memory state out, with `now` always passed in. The browser uses the same module for
// the interval preview on the grade buttons, so what the button says is what the server stores.
// Forecasts (the interview plan, the optimizer's workload estimates) use memoryModel below, built
// from the same parameters the learner's scheduler uses.
import {
  CLAMP_PARAMETERS,
  computeDecayFactor,
  createEmptyCard,
  default_w,
  fsrs,
  FSRSAlgorithm,
  generatorParameters,
  roundTo,
  W17_W18_Ceiling,
  type Card,
  type FSRS,
  type StepUnit,
} from "ts-fsrs";
import type { RatingValue, StateValue } from "./grades";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";

export type { StepUnit };
export { Rating, RATING_LABELS, RATINGS, State, STATE_LABELS, type RatingValue, type StateValue } from "./grades";

/** A user's memory of one card: the CardState columns (ts-fsrs Card without deprecated fields). */
export interface MemoryState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: StateValue;
  lastReview: Date | null;
}

export interface SchedulerSettings {
  desiredRetention: number;
  maximumInterval: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  enableFuzz: boolean;
  /** The learner's own FSRS weights (validated with checkWeights); absent: FSRS's defaults. */
  weights?: readonly number[];
}

/** FSRS-6's 21 default weights. */
export const DEFAULT_WEIGHTS: readonly number[] = default_w;

/**
 * Fitted weights as the scheduler may use them: 21 finite numbers, each within the range ts-fsrs
 * allows. Returns the problem, or null when they are fine: a corrupt set is refused, never clipped.
 */
export function weightsProblem(weights: unknown): string | null {
  if (!Array.isArray(weights) || weights.length !== DEFAULT_WEIGHTS.length)
    return `FSRS needs ${DEFAULT_WEIGHTS.length} parameters${Array.isArray(weights) ? `, not ${weights.length}` : ""}.`;
  const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  for (const [i, w] of weights.entries()) {
    if (typeof w !== "number" || !Number.isFinite(w)) return `Parameter ${i + 1} is not a finite number.`;
    const [min = 0, max = 0] = ranges[i]!;
    if (w < min || w > max) return `Parameter ${i + 1} (${w}) is outside FSRS's range ${min} to ${max}.`;
  }
  return null;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  enableFuzz: true,
};

const schedulers = new Map<string, FSRS>();

function schedulerFor(settings: SchedulerSettings): FSRS {
  const key = JSON.stringify(settings);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      learning_steps: settings.learningSteps,
      relearning_steps: settings.relearningSteps,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: true,
      ...(settings.weights && { w: [...settings.weights] }),
    });
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** Stability and difficulty: the part of a memory state FSRS's model updates. */
export interface MemoryStrength {
  stability: number;
  difficulty: number;
}

/**
 * FSRS's memory model without the scheduler around it (no learning steps, no fuzz): how recall fades
 * and how a rating moves stability and difficulty. For forecasts over many cards, where replaying
 * through the scheduler would cost a hundred times more.
 */
export interface MemoryModel {
  /** The odds of recalling a card `elapsedDays` after its last review (ts-fsrs's forgetting curve). */
  retrievability(stability: number, elapsedDays: number): number;
  /** The strength after `rating`, `elapsedDays` after the last review (null: the first sight). */
  next(strength: MemoryStrength | null, elapsedDays: number, rating: RatingValue, retrievability?: number): MemoryStrength;
  /** The whole days the scheduler waits before the next review of a card of this stability (at least 1). */
  intervalDays(stability: number): number;
}

/** The parts of a learner's scheduler settings that shape the memory model. */
export type ModelSettings = Pick<SchedulerSettings, "desiredRetention" | "maximumInterval" | "weights">;

const models = new Map<string, MemoryModel>();
let defaultModel: MemoryModel | undefined;

/** The memory model of these settings: the learner's own weights when they applied a fit. */
export function memoryModel(settings?: ModelSettings): MemoryModel {
  if (!settings) return (defaultModel ??= createModel(DEFAULT_SCHEDULER_SETTINGS));
  const key = JSON.stringify([settings.desiredRetention, settings.maximumInterval, settings.weights ?? null]);
  let model = models.get(key);
  if (!model) {
    model = createModel(settings);
    models.set(key, model);
  }
  return model;
}

function createModel(settings: ModelSettings): MemoryModel {
  const algorithm = new FSRSAlgorithm(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_short_term: true,
      ...(settings.weights && { w: [...settings.weights] }),
    }),
  );
  // ts-fsrs's forgetting_curve works decay and factor out of the weights on every call; forecasts
  // call it hundreds of thousands of times, so they are worked out once, the same way.
  const { decay, factor } = computeDecayFactor([...algorithm.parameters.w]);
  return {
    retrievability: (stability, elapsedDays) =>
      stability <= 0 ? 0 : roundTo(Math.pow(1 + (factor * Math.max(0, elapsedDays)) / stability, decay), 8),
    next: (strength, elapsedDays, rating, retrievability) => {
      const next = algorithm.next_state(strength, elapsedDays, rating, retrievability);
      return { stability: next.stability, difficulty: next.difficulty };
    },
    intervalDays: (stability) => Math.max(1, algorithm.next_interval(stability, 0)),
  };
}

export function newMemory(now: Date): MemoryState {
  return fromCard(createEmptyCard(now));
}

function toCard(memory: MemoryState): Card {
  return {
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs 5: it derives elapsed time from last_review
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: memory.state,
    last_review: memory.lastReview ?? undefined,
  };
}

function fromCard(card: Card): MemoryState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The memory state after rating the card at `now`. */
export function rate(memory: MemoryState, rating: RatingValue, now: Date, settings: SchedulerSettings): MemoryState {
  return fromCard(schedulerFor(settings).next(toCard(memory), now, rating).card);
}

/** What each grade would do to the card now: its next due time, for the labels on the buttons. */
export function preview(memory: MemoryState, now: Date, settings: SchedulerSettings): Record<RatingValue, Date> {
  const all = schedulerFor(settings).repeat(toCard(memory), now);
  return { 1: all[1].card.due, 2: all[2].card.due, 3: all[3].card.due, 4: all[4].card.due };
}

/**
 * Rebuilds a card's memory from its rating history (oldest first), starting from a new card. Each
 * rating is scheduled with its own settings when it carries them (what scheduled it then), so the
 * replay is exact across settings and parameter changes; otherwise with `settings`.
 */
export function replay(
  ratings: { rating: RatingValue; reviewedAt: Date; scheduler?: SchedulerSettings | null }[],
  settings: SchedulerSettings,
): MemoryState | null {
  if (ratings.length === 0) return null;
  let memory = newMemory(ratings[0]!.reviewedAt);
  for (const r of ratings) memory = rate(memory, r.rating, r.reviewedAt, r.scheduler ?? settings);
  return memory;
}

/** "45s", "10m", "3h", "2d", "1.5mo", "1.2y": a compact interval like Anki's buttons show. */
export function formatInterval(ms: number): string {
  // Round first, then pick the unit, so 59.6 minutes reads "1h", not "60m".
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${Math.max(1, seconds)}s`;
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(ms / DAY_MS);
  if (days < 30) return `${days}d`;
  const months = ms / (30 * DAY_MS);
  if (months < 12) return `${trim(months)}mo`;
  return `${trim(ms / (365 * DAY_MS))}y`;
}

function trim(value: number): string {
  return value < 10 ? value.toFixed(1).replace(/\.0$/, "") : String(Math.round(value));
}
