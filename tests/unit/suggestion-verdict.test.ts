import { describe, expect, it } from "vitest";
import { describeVerdict, suggestionVerdict, type SuggestionOutcome } from "@/lib/stats/suggestion-verdict";
import type { RatingValue } from "@/lib/scheduling/fsrs";

const outcome = (suggested: RatingValue, followed: number, recalled: number): SuggestionOutcome => ({ suggested, followed, recalled });

describe("suggestionVerdict", () => {
  it("says too few until two suggested grades have 10 ratings followed by a review", () => {
    expect(suggestionVerdict([])).toEqual({ kind: "tooFew" });
    expect(suggestionVerdict([outcome(3, 40, 36), outcome(2, 9, 1)])).toEqual({ kind: "tooFew" });
    expect(describeVerdict({ kind: "tooFew" })).toMatch(/^Too few reviews yet to tell/);
  });

  it("works when recall rises (or holds) with the suggestion", () => {
    expect(suggestionVerdict([outcome(3, 40, 36), outcome(2, 10, 6), outcome(1, 12, 3), outcome(4, 2, 0)])).toEqual({ kind: "works" });
    expect(suggestionVerdict([outcome(2, 10, 8), outcome(3, 20, 16)])).toEqual({ kind: "works" });
  });

  it("says which suggestions are inverted, with their rates", () => {
    const verdict = suggestionVerdict([outcome(2, 20, 18), outcome(3, 10, 7), outcome(4, 10, 10)]);
    expect(verdict).toEqual({ kind: "inverted", lower: { grade: 2, rate: 0.9 }, higher: { grade: 3, rate: 0.7 } });
    expect(describeVerdict(verdict)).toBe(
      "Not yet: cards suggested Good were remembered less often (70%) than those suggested Hard (90%). Tick only what you really said.",
    );
  });
});
