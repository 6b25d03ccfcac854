// A learner's memory of a card as stored (CardState and the "before" columns of ReviewLog), and the
// conversion to the scheduler's MemoryState.
import type { MemoryState, StateValue } from "../scheduling/fsrs";

export const memorySelect = {
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

export type MemoryRow = { [K in keyof typeof memorySelect]: K extends "state" ? number : MemoryState[K] };

/** Only the memory fields: rows also carry other columns (version, cardId) that must not reach a ReviewLog. */
export function memoryOf(row: MemoryRow): MemoryState {
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview } = row;
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state: state as StateValue, lastReview };
}
