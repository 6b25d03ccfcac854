import { describe, expect, it } from "vitest";
import { suggestGrade, type ChecklistAnswer } from "@/lib/scheduling/grade-suggestion";

const MEDIAN = 10_000;

/** An answer at the learner's usual pace on a card seen before, unless told otherwise. */
const answer = (total: number, ticked: number, extra: Partial<ChecklistAnswer> = {}): ChecklistAnswer => ({
  total,
  ticked,
  saidNone: false,
  answerMs: MEDIAN,
  medianAnswerMs: MEDIAN,
  seenBefore: true,
  ...extra,
});

describe("suggestGrade", () => {
  it("suggests nothing for a card without key points", () => {
    expect(suggestGrade(answer(0, 0, { saidNone: true }))).toBeNull();
  });

  it("suggests nothing until the checklist is used: nothing ticked and None not pressed", () => {
    expect(suggestGrade(answer(4, 0))).toBeNull();
    expect(suggestGrade(answer(4, 0, { answerMs: 1_000 }))).toBeNull();
  });

  it("None pressed suggests Again", () => {
    expect(suggestGrade(answer(4, 0, { saidNone: true }))).toBe(1);
  });

  // [points on the card, points said, suggestion] at the learner's usual pace.
  const table: [number, number, number][] = [
    [3, 1, 2],
    [3, 2, 3],
    [3, 3, 3],
    [4, 1, 1],
    [4, 2, 2],
    [4, 3, 3],
    [4, 4, 3],
    [5, 1, 1],
    [5, 2, 2],
    [5, 3, 2],
    [5, 4, 3],
    [5, 5, 3],
    [6, 1, 1],
    [6, 2, 2],
    [6, 3, 2],
    [6, 4, 3],
    [6, 5, 3],
    [6, 6, 3],
  ];
  it.each(table)("%i points, %i said: suggests %i (most → Good, some → Hard, few → Again)", (total, ticked, expected) => {
    expect(suggestGrade(answer(total, ticked))).toBe(expected);
  });

  it("suggests Easy only with every point said, well under the median, on a card seen before", () => {
    expect(suggestGrade(answer(4, 4, { answerMs: 5_000 }))).toBe(4);
    // Just under the median is not clearly fast: half of all answers are.
    expect(suggestGrade(answer(4, 4, { answerMs: 9_000 }))).toBe(3);
    expect(suggestGrade(answer(4, 4, { answerMs: 6_000 }))).toBe(3);
    // A first sighting is never Easy, however fast.
    expect(suggestGrade(answer(4, 4, { answerMs: 1_000, seenBefore: false }))).toBe(3);
    // No history yet: no median to be fast against.
    expect(suggestGrade(answer(4, 4, { answerMs: 1_000, medianAnswerMs: null }))).toBe(3);
    // A point missed is never Easy, however fast.
    expect(suggestGrade(answer(4, 3, { answerMs: 1_000 }))).toBe(3);
  });
});
