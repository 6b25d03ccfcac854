import { describe, expect, it } from "vitest";
import { suggestGrade } from "@/lib/scheduling/grade-suggestion";

const answer = (ticked: number, answerMs = 10_000, medianAnswerMs: number | null = 8_000) => ({
  total: 4,
  ticked,
  answerMs,
  medianAnswerMs,
});

describe("suggestGrade", () => {
  it("suggests nothing for a card without key points", () => {
    expect(suggestGrade({ total: 0, ticked: 0, answerMs: 1_000, medianAnswerMs: 5_000 })).toBeNull();
  });

  it("suggests Again when no point was said, Hard when some were", () => {
    expect(suggestGrade(answer(0))).toBe(1);
    expect(suggestGrade(answer(1))).toBe(2);
    expect(suggestGrade(answer(3))).toBe(2);
  });

  it("suggests Good when all were said at the learner's usual pace or slower", () => {
    expect(suggestGrade(answer(4, 10_000, 8_000))).toBe(3);
    expect(suggestGrade(answer(4, 8_000, 8_000))).toBe(3);
  });

  it("suggests Easy when all were said faster than the learner's median", () => {
    expect(suggestGrade(answer(4, 5_000, 8_000))).toBe(4);
  });

  it("never suggests Easy before the learner has a median, nor with a point missing however fast", () => {
    expect(suggestGrade(answer(4, 1_000, null))).toBe(3);
    expect(suggestGrade(answer(3, 1_000, 8_000))).toBe(2);
  });
});
