import { describe, expect, it } from "vitest";
import { heatmap, learnerStatsFrom, statsWindow, streaks, type LearnerStatsRows, type WindowRating } from "@/lib/stats/learner-summary";

// Noon UTC on Sunday 10 November 2030; the learner's days start at 04:00 UTC. The heatmap's 84 study
// days run from 19 August to today, the retention window's 30 from 12 October, the forecast's 14 to 23 November.
const settings = { timeZone: "UTC", dayStartHour: 4 };
const window = statsWindow(new Date("2030-11-10T12:00:00Z"), settings.timeZone, settings.dayStartHour);
const NO_ROWS: LearnerStatsRows = {
  ratings: [],
  firstReview: null,
  ratingsPerCard: [],
  cardTags: [],
  decks: [],
  overdue: 0,
  dueToday: 0,
  dueLater: [],
  byState: [],
  seenByDeck: [],
  wellKnownByDeck: [],
};
const counted = <Row>(row: Row, n: number) => ({ ...row, _count: { _all: n } });

function rating(at: string, value: number, before: { state?: number; scheduledDays?: number; durationMs?: number } = {}): WindowRating {
  return {
    reviewedAt: new Date(at),
    rating: value,
    durationMs: before.durationMs ?? 1000,
    state: before.state ?? 0,
    scheduledDays: before.scheduledDays ?? 0,
  };
}

describe("the stats' study days", () => {
  it("ends the heatmap today and starts the forecast today", () => {
    expect(window.today).toEqual({ date: "2030-11-10", start: new Date("2030-11-10T04:00:00Z"), end: new Date("2030-11-11T04:00:00Z") });
    expect(window.past).toHaveLength(84);
    expect(window.past[0]!.date).toBe("2030-08-19");
    expect(window.past.at(-1)).toEqual(window.today);
    expect(window.ahead.map((d) => d.date)).toEqual([
      "2030-11-10",
      "2030-11-11",
      "2030-11-12",
      "2030-11-13",
      "2030-11-14",
      "2030-11-15",
      "2030-11-16",
      "2030-11-17",
      "2030-11-18",
      "2030-11-19",
      "2030-11-20",
      "2030-11-21",
      "2030-11-22",
      "2030-11-23",
    ]);
  });

  it("follows the learner's zone: the day the clocks go back is 25 hours long", () => {
    const newYork = statsWindow(new Date("2030-11-10T12:00:00-05:00"), "America/New_York", 4);
    const fallBack = newYork.past.find((d) => d.date === "2030-11-02")!;
    expect(fallBack.start).toEqual(new Date("2030-11-02T08:00:00Z"));
    expect(fallBack.end).toEqual(new Date("2030-11-03T09:00:00Z"));
    expect(newYork.past[0]!.start).toEqual(new Date("2030-08-19T08:00:00Z"));
  });
});

describe("a learner's stats from the rows read", () => {
  const rows: LearnerStatsRows = {
    ratings: [
      rating("2030-08-18T12:00:00Z", 3), // before the window: not counted anywhere
      rating("2030-10-01T12:00:00Z", 1, { state: 2, scheduledDays: 40 }), // in the heatmap, before the retention window
      rating("2030-11-09T03:00:00Z", 2), // before 04:00: the 8th's study day
      rating("2030-11-09T05:00:00Z", 3, { state: 2, scheduledDays: 5 }), // young
      rating("2030-11-10T05:00:00Z", 1, { state: 2, scheduledDays: 30, durationMs: 4000 }), // mature, missed, today
      rating("2030-11-10T11:00:00Z", 3, { state: 1, durationMs: 6000 }), // today
    ],
    firstReview: new Date("2030-10-01T12:00:00Z"),
    ratingsPerCard: [
      counted({ cardId: "c1", rating: 1 }, 1),
      counted({ cardId: "c1", rating: 3 }, 2),
      counted({ cardId: "c2", rating: 4 }, 1),
      counted({ cardId: "c3", rating: 1 }, 2),
    ],
    cardTags: [
      { cardId: "c1", tag: "sql" },
      { cardId: "c1", tag: "basics" },
      { cardId: "c2", tag: "basics" },
      { cardId: "c2", tag: "zeta" },
      { cardId: "c2", tag: "alpha" },
      { cardId: "c3", tag: "trees" },
      { cardId: "c4", tag: "unrated" }, // no ratings: no tag line
    ],
    decks: [
      { id: "d1", title: "Algorithms", _count: { cards: 10 } },
      { id: "d2", title: "SQL", _count: { cards: 4 } },
    ],
    overdue: 1,
    dueToday: 3,
    dueLater: [
      { due: new Date("2030-11-11T10:00:00Z") },
      { due: new Date("2030-11-12T04:00:00Z") },
      { due: new Date("2030-11-24T03:59:00Z") },
    ],
    byState: [
      counted({ state: 0, suspended: false }, 2),
      counted({ state: 1, suspended: false }, 1),
      counted({ state: 2, suspended: false }, 5),
      counted({ state: 3, suspended: false }, 1),
      counted({ state: 2, suspended: true }, 2),
    ],
    seenByDeck: [counted({ deckId: "d1" }, 6)],
    wellKnownByDeck: [counted({ deckId: "d1" }, 2)],
  };

  it("buckets, counts and forecasts by study day", () => {
    const { heatmap: days, ...stats } = learnerStatsFrom(settings, window, rows);
    expect(stats).toEqual({
      timeZone: "UTC",
      dayStartHour: 4,
      hasReviews: true,
      streak: { current: 3, longest: 3, currentAtLeast: false },
      today: { date: "2030-11-10", reviews: 2, timeMs: 10_000, retention: { reviews: 2, passed: 1, rate: 0.5 } },
      retention: {
        overall: { reviews: 4, passed: 3, rate: 0.75 },
        young: { reviews: 1, passed: 1, rate: 1 },
        mature: { reviews: 1, passed: 0, rate: 0 },
      },
      // weakest first; equal rates: more ratings first, then by name
      tags: [
        { tag: "trees", reviews: 2, passed: 0, rate: 0 },
        { tag: "sql", reviews: 3, passed: 2, rate: 2 / 3 },
        { tag: "basics", reviews: 4, passed: 3, rate: 0.75 },
        { tag: "alpha", reviews: 1, passed: 1, rate: 1 },
        { tag: "zeta", reviews: 1, passed: 1, rate: 1 },
      ],
      forecast: {
        days: [
          { date: "2030-11-10", due: 3 },
          { date: "2030-11-11", due: 1 },
          { date: "2030-11-12", due: 1 },
          ...["13", "14", "15", "16", "17", "18", "19", "20", "21", "22"].map((d) => ({ date: `2030-11-${d}`, due: 0 })),
          { date: "2030-11-23", due: 1 },
        ],
        overdue: 1,
      },
      coverage: [
        { deckId: "d1", title: "Algorithms", cards: 10, seen: 6, wellKnown: 2 },
        { deckId: "d2", title: "SQL", cards: 4, seen: 0, wellKnown: 0 },
      ],
      states: { newStarted: 2, learning: 1, review: 5, relearning: 1, suspended: 2, total: 11 },
    });
    // six whole weeks reach back to the first review (1 October)
    expect(days).toHaveLength(42);
    expect(days[0]).toEqual({ date: "2030-09-30", count: 0 });
    expect(days.filter((d) => d.count > 0)).toEqual([
      { date: "2030-10-01", count: 1 },
      { date: "2030-11-08", count: 1 },
      { date: "2030-11-09", count: 1 },
      { date: "2030-11-10", count: 2 },
    ]);
  });

  it("has nothing to show for a learner without ratings or decks", () => {
    const stats = learnerStatsFrom(settings, window, NO_ROWS);
    expect(stats.hasReviews).toBe(false);
    expect(stats.heatmap).toHaveLength(14);
    expect(stats.heatmap.every((d) => d.count === 0)).toBe(true);
    expect(stats.streak).toEqual({ current: 0, longest: 0, currentAtLeast: false });
    expect(stats.today).toEqual({ date: "2030-11-10", reviews: 0, timeMs: 0, retention: { reviews: 0, passed: 0, rate: null } });
    expect(stats.retention.overall).toEqual({ reviews: 0, passed: 0, rate: null });
    expect(stats.tags).toEqual([]);
    expect(stats.forecast.days.map((d) => d.due)).toEqual(Array(14).fill(0));
    expect(stats.coverage).toEqual([]);
    expect(stats.states).toEqual({ newStarted: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 });
  });
});

describe("streaks", () => {
  it.each([
    ["a run ending today", [0, 1, 1, 0, 1, 1, 1], { current: 3, longest: 3, currentAtLeast: false }],
    ["a run ending yesterday, nothing yet today", [1, 0, 2, 2, 0], { current: 2, longest: 2, currentAtLeast: false }],
    ["a longer run earlier", [1, 1, 1, 1, 0, 1], { current: 1, longest: 4, currentAtLeast: false }],
    ["a run filling the window", [1, 1, 1, 0], { current: 3, longest: 3, currentAtLeast: true }],
    ["no reviews", [0, 0, 0], { current: 0, longest: 0, currentAtLeast: false }],
  ])("%s", (_name, counts, streak) => {
    expect(streaks(counts)).toEqual(streak);
  });
});

describe("the heatmap's length", () => {
  const counts = window.past.map(() => 0);
  it.each([
    ["no reviews: two weeks", null, 14, "2030-10-28"],
    ["first review today: two weeks", "2030-11-10T05:00:00Z", 14, "2030-10-28"],
    ["first review 15 days ago: three weeks", "2030-10-26T12:00:00Z", 21, "2030-10-21"],
    ["first review before the window: all 84 days", "2030-01-01T00:00:00Z", 84, "2030-08-19"],
  ])("%s", (_name, first, length, firstDate) => {
    const days = heatmap(window.past, counts, first ? new Date(first) : null);
    expect(days).toHaveLength(length);
    expect(days[0]!.date).toBe(firstDate);
  });
});
