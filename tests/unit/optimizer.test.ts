import { describe, expect, it } from "vitest";
import { splitByTime, trainingItems } from "@/lib/optimizer/items";
import { memoriesUnder, retentionOptions, workload, workloadRatio } from "@/lib/optimizer/simulate";
import { DEFAULT_SCHEDULER_SETTINGS, DEFAULT_WEIGHTS, newMemory, preview, rate, RATINGS, weightsProblem } from "@/lib/scheduling/fsrs";

const FITTED = [
  0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004,
  0.7536, 0.3332, 0.1437, 0.2,
];
const at = (day: number, hour = 9) => new Date(Date.UTC(2030, 0, 1 + day, hour));
const dayOf = (d: Date) => Math.floor(d.getTime() / 86_400_000);

describe("weightsProblem", () => {
  it("accepts FSRS's defaults and a fitted set", () => {
    expect(weightsProblem([...DEFAULT_WEIGHTS])).toBeNull();
    expect(weightsProblem(FITTED)).toBeNull();
  });

  it("refuses the wrong count, a non-finite number and a number out of FSRS's range, saying which", () => {
    expect(weightsProblem(FITTED.slice(0, 19))).toBe("FSRS needs 21 parameters, not 19.");
    expect(weightsProblem("nope")).toBe("FSRS needs 21 parameters.");
    expect(weightsProblem(FITTED.map((w, i) => (i === 4 ? Number.NaN : w)))).toBe("Parameter 5 is not a finite number.");
    expect(weightsProblem(FITTED.map((w, i) => (i === 7 ? 3 : w)))).toMatch(/^Parameter 8 \(3\) is outside FSRS's range/);
  });
});

describe("scheduling with a learner's own weights", () => {
  it("the grade buttons' preview and the stored rating agree, and differ from the defaults", () => {
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false, weights: FITTED };
    let memory = rate(rate(newMemory(at(0)), 3, at(0), settings), 3, at(0, 10), settings);
    const shown = preview(memory, at(5), settings);
    for (const r of RATINGS) expect(shown[r]).toEqual(rate(memory, r, at(5), settings).due);
    memory = rate(memory, 3, at(5), settings);
    const byDefaults = rate(
      rate(rate(newMemory(at(0)), 3, at(0), { ...settings, weights: undefined }), 3, at(0, 10), { ...settings, weights: undefined }),
      3,
      at(5),
      {
        ...settings,
        weights: undefined,
      },
    );
    expect(memory.stability).not.toBeCloseTo(byDefaults.stability, 3);
  });
});

describe("training items", () => {
  const ratings = [
    { cardId: "a", rating: 3, reviewedAt: at(0) },
    { cardId: "a", rating: 3, reviewedAt: at(0, 10) },
    { cardId: "a", rating: 1, reviewedAt: at(3) },
    { cardId: "a", rating: 3, reviewedAt: at(3, 10) },
    { cardId: "a", rating: 4, reviewedAt: at(8) },
    { cardId: "b", rating: 3, reviewedAt: at(1) },
  ];

  it("one item per review on a later day, with same-day steps inside, days counted as study days", () => {
    const items = trainingItems(ratings, dayOf);
    expect(items.map((i) => i.reviews)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
        { rating: 3, deltaT: 0 },
        { rating: 4, deltaT: 5 },
      ],
    ]);
  });

  it("splits earlier from later by time", () => {
    const items = trainingItems(ratings, dayOf);
    const { train, test } = splitByTime(items, 0.5);
    expect(train.map((i) => i.at)).toEqual([at(3).getTime()]);
    expect(test.map((i) => i.at)).toEqual([at(8).getTime()]);
  });
});

describe("workload simulation", () => {
  const histories = [
    [
      { rating: 3 as const, reviewedAt: at(0) },
      { rating: 3 as const, reviewedAt: at(0, 10) },
    ],
    [
      { rating: 3 as const, reviewedAt: at(1) },
      { rating: 3 as const, reviewedAt: at(1, 10) },
      { rating: 3 as const, reviewedAt: at(4) },
    ],
  ];

  it("counts each card's reviews at its due dates, and more of them at a higher retention", () => {
    const states = memoriesUnder(histories, undefined, 0.9);
    expect(states).toHaveLength(2);
    const at90 = workload(states, undefined, 0.9, at(5), 60);
    const at97 = workload(states, undefined, 0.97, at(5), 60);
    expect(at90).toHaveLength(60);
    expect(at90.reduce((a, b) => a + b, 0)).toBeGreaterThan(2);
    expect(at97.reduce((a, b) => a + b, 0)).toBeGreaterThan(at90.reduce((a, b) => a + b, 0));
  });

  it("compares the work under fitted weights with the work under FSRS's defaults", () => {
    expect(workloadRatio(histories, DEFAULT_WEIGHTS, 0.9, at(5))).toBe(1);
    expect(workloadRatio([], FITTED, 0.9, at(5))).toBe(1); // no work either way
    // over ten days: one review under the defaults (the first card, due already), two under the fitted
    // weights (the second card's shorter interval brings it back on the ninth day)
    expect(workload(memoriesUnder(histories, undefined, 0.9), undefined, 0.9, at(5), 10)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(workload(memoriesUnder(histories, FITTED, 0.9), FITTED, 0.9, at(5), 10)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(workloadRatio(histories, FITTED, 0.9, at(5), 10)).toBe(2);
  });

  it("marks exactly one retention the cheapest per remembered card", () => {
    const options = retentionOptions(memoriesUnder(histories, undefined, 0.9), undefined, at(5));
    expect(options.map((o) => o.retention)).toEqual([0.75, 0.8, 0.85, 0.9, 0.95]);
    expect(options.filter((o) => o.cheapest)).toHaveLength(1);
    const cheapest = options.find((o) => o.cheapest)!;
    for (const o of options) expect(cheapest.costPerRemembered).toBeLessThanOrEqual(o.costPerRemembered);
  });
});
