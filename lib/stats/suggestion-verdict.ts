// Whether the suggested grades work, in one sentence a learner can trust: pure, from the counts of
// getSuggestionCalibration (lib/stats/key-points.ts), so the rule is unit-tested without a database.
import { RATING_LABELS, type RatingValue } from "../scheduling/fsrs";

/** A suggested grade's counts: ratings followed by a review, and of those, recalled. */
export interface SuggestionOutcome {
  suggested: RatingValue;
  followed: number;
  recalled: number;
}

/** A suggested grade needs this many ratings followed by a review before its recall rate counts. */
export const VERDICT_MIN_FOLLOWED = 10;

export type SuggestionVerdict =
  | { kind: "tooFew" }
  | { kind: "works" }
  /** A higher suggestion was recalled less often than a lower one: the two grades and their rates. */
  | { kind: "inverted"; lower: { grade: RatingValue; rate: number }; higher: { grade: RatingValue; rate: number } };

/**
 * Suggestions work when, among the suggested grades with enough data (at least two of them), recall
 * at the next review never falls as the suggestion rises (Again ≤ Hard ≤ Good ≤ Easy).
 */
export function suggestionVerdict(outcomes: SuggestionOutcome[]): SuggestionVerdict {
  const counted = outcomes
    .filter((o) => o.followed >= VERDICT_MIN_FOLLOWED)
    .sort((a, b) => a.suggested - b.suggested)
    .map((o) => ({ grade: o.suggested, rate: o.recalled / o.followed }));
  if (counted.length < 2) return { kind: "tooFew" };
  for (let i = 1; i < counted.length; i++) {
    const lower = counted[i - 1]!;
    const higher = counted[i]!;
    if (higher.rate < lower.rate) return { kind: "inverted", lower, higher };
  }
  return { kind: "works" };
}

/** The verdict as the stats page says it. */
export function describeVerdict(verdict: SuggestionVerdict): string {
  switch (verdict.kind) {
    case "tooFew":
      return `Too few reviews yet to tell: a suggested grade counts once ${VERDICT_MIN_FOLLOWED} of its ratings have had their next review, and two are needed to compare.`;
    case "works":
      return "They work so far: the higher the suggestion, the more often you remembered the card next time.";
    case "inverted": {
      const pct = (rate: number) => `${Math.round(rate * 100)}%`;
      return `Not yet: cards suggested ${RATING_LABELS[verdict.higher.grade]} were remembered less often (${pct(verdict.higher.rate)}) than those suggested ${RATING_LABELS[verdict.lower.grade]} (${pct(verdict.lower.rate)}). Tick only what you really said.`;
    }
  }
}
