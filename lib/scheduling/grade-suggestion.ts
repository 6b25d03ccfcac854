// The grade Drill suggests from the key-point checklist: what the learner ticked as said, and how
// fast they answered compared with their own usual time. Pure: the review screen shows it, Enter
// accepts it, and 1-4 still override it.
import type { RatingValue } from "./fsrs";

export interface ChecklistAnswer {
  /** How many key points the card has (0: no checklist, no suggestion). */
  total: number;
  /** How many the learner ticked as said. */
  ticked: number;
  /** From the card being shown to the answer being revealed: the time the learner took to answer. */
  answerMs: number;
  /** The learner's median answer time (null before they have any history: never "faster than usual"). */
  medianAnswerMs: number | null;
}

/** None said: Again. Some: Hard. All: Good, or Easy when faster than the learner's own median. */
export function suggestGrade({ total, ticked, answerMs, medianAnswerMs }: ChecklistAnswer): RatingValue | null {
  if (total <= 0) return null;
  if (ticked <= 0) return 1;
  if (ticked < total) return 2;
  return medianAnswerMs !== null && answerMs < medianAnswerMs ? 4 : 3;
}
