import { createEmptyCard, fsrs, type Card, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  formatInterval,
  newMemory,
  preview,
  rate,
  RATINGS,
  replay,
  State,
  type MemoryState,
  type RatingValue,
  type SchedulerSettings,
} from "@/lib/scheduling/fsrs";

const noFuzz: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
const withFuzz: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: true };

/** A realistic history of one card: learning steps, graduation, a lapse, relearning, long intervals. */
const history: { rating: RatingValue; reviewedAt: Date }[] = (
  [
    [3, "2026-01-05T09:00:00Z"], // new -> learning (10m step)
    [3, "2026-01-05T09:10:30Z"], // graduates
    [3, "2026-01-07T20:00:00Z"],
    [4, "2026-01-12T08:00:00Z"],
    [1, "2026-02-20T08:00:00Z"], // lapse -> relearning
    [3, "2026-02-20T08:10:00Z"],
    [2, "2026-02-23T19:30:00Z"],
    [3, "2026-03-10T07:00:00Z"],
    [3, "2026-05-01T12:00:00Z"],
  ] as const
).map(([rating, at]) => ({ rating, reviewedAt: new Date(at) }));

function tsFsrsFor(settings: SchedulerSettings) {
  return fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    learning_steps: settings.learningSteps,
    relearning_steps: settings.relearningSteps,
    enable_fuzz: settings.enableFuzz,
    enable_short_term: true,
  });
}

/** The ts-fsrs Card as Drill's MemoryState, field by field. */
function asMemory(card: Card): MemoryState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** What a database row gives back: a copy with new Date objects. */
function stored(memory: MemoryState): MemoryState {
  return { ...memory, due: new Date(memory.due), lastReview: memory.lastReview && new Date(memory.lastReview) };
}

describe("rate() is ts-fsrs next(), field for field", () => {
  for (const [name, settings] of [
    ["fuzz off", noFuzz],
    ["fuzz on", withFuzz],
  ] as const) {
    it(`follows ts-fsrs through a whole history (${name})`, () => {
      const scheduler = tsFsrsFor(settings);
      let card = createEmptyCard(history[0]!.reviewedAt);
      let memory = newMemory(history[0]!.reviewedAt);
      expect(memory).toEqual(asMemory(card));
      const states = new Set<number>();
      for (const { rating, reviewedAt } of history) {
        card = scheduler.next(card, reviewedAt, rating).card;
        memory = rate(stored(memory), rating, reviewedAt, settings);
        expect(Object.keys(memory).sort()).toEqual(Object.keys(asMemory(card)).sort());
        expect(memory).toEqual(asMemory(card));
        states.add(memory.state);
      }
      // the history went through every state, so every field of the mapping was exercised
      expect([...states].sort()).toEqual([State.Learning, State.Review, State.Relearning]);
      expect(memory.lapses).toBe(1);
    });
  }

  it("matches ts-fsrs for every grade from every state", () => {
    const scheduler = tsFsrsFor(noFuzz);
    let card = createEmptyCard(history[0]!.reviewedAt);
    for (const { rating, reviewedAt } of history) {
      const now = new Date(reviewedAt.getTime() + 3 * 86_400_000);
      for (const grade of RATINGS) {
        expect(rate(asMemory(card), grade, now, noFuzz)).toEqual(asMemory(scheduler.next(card, now, grade as Grade).card));
      }
      card = scheduler.next(card, reviewedAt, rating).card;
    }
  });

  it("does not change the memory state it is given", () => {
    const memory = replay(history.slice(0, 4), noFuzz)!;
    const copy = stored(memory);
    rate(memory, 1, new Date("2026-06-01T00:00:00Z"), noFuzz);
    expect(memory).toEqual(copy);
  });

  it("schedules a new card the same whenever it was created", () => {
    const now = new Date("2026-01-05T09:00:00Z");
    const createdEarlier = newMemory(new Date("2025-12-01T00:00:00Z"));
    for (const grade of RATINGS) {
      expect(rate(createdEarlier, grade, now, withFuzz)).toEqual(rate(newMemory(now), grade, now, withFuzz));
    }
  });
});

describe("preview()", () => {
  it("shows, for each grade, the due time rate() would give", () => {
    for (const settings of [noFuzz, withFuzz]) {
      for (let n = 0; n <= history.length; n++) {
        const memory = n === 0 ? newMemory(history[0]!.reviewedAt) : replay(history.slice(0, n), settings)!;
        const now = new Date((n === 0 ? history[0]! : history[n - 1]!).reviewedAt.getTime() + 5 * 86_400_000 + 12_345);
        const buttons = preview(memory, now, settings);
        for (const grade of RATINGS) expect(buttons[grade]).toEqual(rate(memory, grade, now, settings).due);
        // and the buttons are in order: Again soonest, Easy latest
        expect(buttons[1] <= buttons[2] && buttons[2] <= buttons[3] && buttons[3] <= buttons[4]).toBe(true);
      }
    }
  });
});

describe("replay()", () => {
  it("is nothing for no ratings", () => {
    expect(replay([], noFuzz)).toBeNull();
  });

  for (const [name, settings] of [
    ["fuzz off", noFuzz],
    ["fuzz on", withFuzz],
  ] as const) {
    it(`equals rating step by step and reproduces the stored state (${name})`, () => {
      // the state the app stores: each rating applied to the state read back from the database
      let storedState = newMemory(history[0]!.reviewedAt);
      for (const { rating, reviewedAt } of history) storedState = stored(rate(stored(storedState), rating, reviewedAt, settings));
      for (let n = 1; n <= history.length; n++) {
        let stepByStep = newMemory(history[0]!.reviewedAt);
        for (const { rating, reviewedAt } of history.slice(0, n)) stepByStep = rate(stepByStep, rating, reviewedAt, settings);
        expect(replay(history.slice(0, n), settings)).toEqual(stepByStep);
      }
      expect(replay(history, settings)).toEqual(storedState);
      // deterministic: replaying again gives the same state
      expect(
        replay(
          history.map((r) => ({ ...r, reviewedAt: new Date(r.reviewedAt) })),
          settings,
        ),
      ).toEqual(storedState);
    });
  }

  it("reproduces a known state exactly (fuzz off)", () => {
    const final = replay(history, noFuzz)!;
    expect(final).toMatchObject({
      state: State.Review,
      reps: 9,
      lapses: 1,
      learningSteps: 0,
      lastReview: new Date("2026-05-01T12:00:00Z"),
    });
    expect(final.due.getTime() - final.lastReview!.getTime()).toBe(final.scheduledDays * 86_400_000);
    expect(final).toEqual(rate(replay(history.slice(0, -1), noFuzz)!, 3, new Date("2026-05-01T12:00:00Z"), noFuzz));
  });

  it("with fuzz on, the intervals really are fuzzed (so the fuzz-on replay check means something)", () => {
    const fuzzed = history.map((_, i) => replay(history.slice(0, i + 1), withFuzz)!.scheduledDays);
    const plain = history.map((_, i) => replay(history.slice(0, i + 1), noFuzz)!.scheduledDays);
    expect(fuzzed).not.toEqual(plain);
  });
});

describe("desired retention", () => {
  const reviewCard = replay(history, noFuzz)!;
  const next = new Date(reviewCard.due.getTime() + 86_400_000);

  it("a higher retention gives a shorter next interval, a lower one a longer interval", () => {
    const days = [0.8, 0.85, 0.9, 0.95, 0.97].map((r) => rate(reviewCard, 3, next, { ...noFuzz, desiredRetention: r }).scheduledDays);
    for (let i = 1; i < days.length; i++) expect(days[i]!).toBeLessThan(days[i - 1]!);
    const [low, , high] = [0.8, 0.9, 0.95].map((r) => preview(reviewCard, next, { ...noFuzz, desiredRetention: r })[3]);
    expect(high!.getTime()).toBeLessThan(low!.getTime());
  });

  it("changes only the next interval, not the memory estimate of past reviews", () => {
    const before = stored(reviewCard);
    const at90 = rate(reviewCard, 3, next, { ...noFuzz, desiredRetention: 0.9 });
    const at95 = rate(reviewCard, 3, next, { ...noFuzz, desiredRetention: 0.95 });
    expect(reviewCard).toEqual(before);
    const { due: _d1, scheduledDays: _s1, ...memory90 } = at90;
    const { due: _d2, scheduledDays: _s2, ...memory95 } = at95;
    expect(memory95).toEqual(memory90);
    expect(at95.scheduledDays).toBeLessThan(at90.scheduledDays);
    // replaying the history under a different retention gives the same stability and difficulty
    const { due: _d3, scheduledDays: _s3, ...replayed95 } = replay(history, { ...noFuzz, desiredRetention: 0.95 })!;
    const { due: _d4, scheduledDays: _s4, ...replayed90 } = replay(history, noFuzz)!;
    expect(replayed95).toEqual(replayed90);
  });
});

describe("formatInterval", () => {
  const second = 1000;
  const minute = 60 * second;
  const hour = 60 * minute;
  const day = 24 * hour;
  it.each([
    [0, "1s"],
    [400, "1s"],
    [45 * second, "45s"],
    [minute, "1m"],
    [10 * minute, "10m"],
    [3 * hour, "3h"],
    [23 * hour, "23h"],
    [2 * day, "2d"],
    [29 * day, "29d"],
    [30 * day, "1mo"],
    [45 * day, "1.5mo"],
    [300 * day, "10mo"],
    [365 * day, "1y"],
    [438 * day, "1.2y"],
    [15 * 365 * day, "15y"],
    // at a unit's edge the next unit reads better than "60s", "60m", "24h"
    [59.6 * second, "1m"],
    [59.6 * minute, "1h"],
    [23.6 * hour, "1d"],
    [29.6 * day, "1mo"],
  ])("%i ms is %s", (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});
