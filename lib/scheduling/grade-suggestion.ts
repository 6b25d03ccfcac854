// The grade Drill suggests from the key-point checklist, as an interviewer would grade the answer:
// how much of it was said, and (for Easy only) whether it came clearly fast on a card met before.
// Pure: the review screen and the mock interview show it, Enter accepts it, and 1-4 still override it.
import type { RatingValue } from "./fsrs";

export interface ChecklistAnswer {
  /** How many key points the card has (0: no checklist, no suggestion). */
  total: number;
  /** How many the learner ticked as said. */
  ticked: number;
  /** The learner said none of them ("None" pressed): a checklist used with nothing ticked. */
  saidNone: boolean;
  /** From the card being shown to the answer being revealed: the time the learner took to answer. */
  answerMs: number;
  /** The learner's median answer time (null before they have any history: never "clearly fast"). */
  medianAnswerMs: number | null;
  /** The card was reviewed before: a first sighting is never Easy, however fast. */
  seenBefore: boolean;
}

/**
 * "Clearly fast" is under this share of the learner's own median: merely under the median is half
 * of all answers by definition, which made Easy the suggestion for every other complete answer.
 */
export const CLEARLY_FAST_SHARE = 0.6;

/** The rule in one line, shown beside the suggestion so the learner knows what it rests on. */
export const SUGGESTION_RULE =
  "Most points said (2/3 or more): Good · some (1/3 or more): Hard · fewer: Again · Easy only with every point, well under your usual time, on a card seen before.";

/**
 * Nothing until the checklist is used (a tick, or "None"): an untouched checklist says nothing
 * about the answer, and Enter must not record a lapse for it.
 */
export function suggestGrade({ total, ticked, saidNone, answerMs, medianAnswerMs, seenBefore }: ChecklistAnswer): RatingValue | null {
  if (total <= 0 || (ticked <= 0 && !saidNone)) return null;
  const said = Math.min(ticked, total);
  if (said === total) {
    const clearlyFast = medianAnswerMs !== null && answerMs < CLEARLY_FAST_SHARE * medianAnswerMs;
    return seenBefore && clearlyFast ? 4 : 3;
  }
  // Integer comparisons, so 2 of 3 is exactly "2/3 or more".
  if (3 * said >= 2 * total) return 3;
  if (3 * said >= total) return 2;
  return 1;
}
