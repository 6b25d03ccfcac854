// ts-fsrs's Rating and State as the integers Drill stores and sends, without importing ts-fsrs: the one
// home of these numbers, small enough for any client bundle. lib/scheduling/fsrs.ts re-exports them.

/** ts-fsrs State, stored as these integers. */
export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type StateValue = (typeof State)[keyof typeof State];
export const STATE_LABELS: Record<StateValue, string> = { 0: "New", 1: "Learning", 2: "Review", 3: "Relearning" };

/** ts-fsrs Rating (the four grades; Manual is never stored), as these integers. */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type RatingValue = (typeof Rating)[keyof typeof Rating];
export const RATINGS: readonly RatingValue[] = [1, 2, 3, 4];
export const RATING_LABELS: Record<RatingValue, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
