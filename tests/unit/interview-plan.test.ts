import { forgetting_curve, generatorParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  buildPlan,
  mostOnInterviewDay,
  planDays,
  recallAt,
  retrievability,
  tagsToDrop,
  weakestTags,
  type PlanCard,
} from "@/lib/scheduling/interview-plan";
import { DEFAULT_SCHEDULER_SETTINGS, memoryModel, newMemory, rate, State, type MemoryState } from "@/lib/scheduling/fsrs";
import { zonedDateTime, zonedInstant } from "@/lib/scheduling/study-day";

const DAY = 86_400_000;
const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

describe("retrievability", () => {
  it("is ts-fsrs's forgetting curve, for several stabilities and elapsed times", () => {
    const w = generatorParameters().w;
    for (const stability of [0.5, 2.3, 10, 45.7, 300])
      for (const elapsed of [0, 0.25, 1, 7, 30, 365])
        expect(retrievability(stability, elapsed)).toBeCloseTo(forgetting_curve(w, elapsed, stability), 12);
  });

  it("is 90% after exactly one stability, by FSRS's definition of stability", () => {
    for (const stability of [1, 5, 42]) expect(retrievability(stability, stability)).toBeCloseTo(0.9, 6);
  });

  it("counts a never-studied card as 0, and a studied one from its last review", () => {
    const at = new Date("2026-12-10T12:00:00Z");
    expect(recallAt(null, at)).toBe(0);
    expect(recallAt(newMemory(at), at)).toBe(0);
    const learned = rate(rate(newMemory(at), 3, new Date("2026-12-01T09:00:00Z"), settings), 3, new Date("2026-12-01T09:10:00Z"), settings);
    expect(recallAt(learned, at)).toBeCloseTo(retrievability(learned.stability, (at.getTime() - learned.lastReview!.getTime()) / DAY), 12);
  });
});

describe("the interview moment in the learner's zone", () => {
  it("is right across DST changes", () => {
    // Berlin moves to summer time at 02:00 on 28 March 2027: 10:00 is then UTC+2.
    expect(zonedInstant("2027-03-28", "10:00", "Europe/Berlin").toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(zonedInstant("2027-03-27", "10:00", "Europe/Berlin").toISOString()).toBe("2027-03-27T09:00:00.000Z");
    // New York falls back at 02:00 on 1 November 2026: 09:00 is then UTC-5.
    expect(zonedInstant("2026-11-01", "09:00", "America/New_York").toISOString()).toBe("2026-11-01T14:00:00.000Z");
    // 02:30 doesn't exist on 14 March 2027 in New York: the clock jumps to 03:00 EDT.
    expect(zonedInstant("2027-03-14", "02:30", "America/New_York").toISOString()).toBe("2027-03-14T07:00:00.000Z");
    expect(zonedDateTime(new Date("2027-03-28T08:00:00Z"), "Europe/Berlin")).toEqual({ date: "2027-03-28", time: "10:00" });
  });

  it("plans the study days up to the interview, a 23-hour day included", () => {
    const now = new Date("2027-03-26T08:00:00Z");
    const days = planDays(now, zonedInstant("2027-03-29", "15:00", "Europe/Berlin"), "Europe/Berlin", 4);
    expect(days.map((d) => d.date)).toEqual(["2027-03-26", "2027-03-27", "2027-03-28", "2027-03-29"]);
    // The clocks jump at 02:00 on the 28th: inside the study day that began at 04:00 on the 27th.
    expect(days[1]!.end.getTime() - days[1]!.start.getTime()).toBe(23 * 3_600_000);
  });
});

/** Cards learned `daysAgo` days before `now` (rated Good twice), or never studied. */
function cards(now: Date, spec: { learned: number; unseen: number; daysAgo?: number }): PlanCard[] {
  const learnedAt = new Date(now.getTime() - (spec.daysAgo ?? 1) * DAY);
  const learned = (): MemoryState =>
    rate(rate(newMemory(learnedAt), 3, learnedAt, settings), 3, new Date(learnedAt.getTime() + 600_000), settings);
  return [
    ...Array.from({ length: spec.learned }, (_, i) => ({ cardId: `l${i}`, memory: learned(), tags: ["old"] })),
    ...Array.from({ length: spec.unseen }, (_, i) => ({ cardId: `u${i}`, memory: null, tags: ["new"] })),
  ];
}

const base = { target: 0.9, limits: { newPerDay: 10, reviewsPerDay: 200 }, timeZone: "UTC", dayStartHour: 4 };

describe("buildPlan", () => {
  const now = new Date("2026-12-01T09:00:00Z");

  it("now: the mean predicted recall at the interview, never-studied cards at 0", () => {
    const interviewAt = new Date(now.getTime() + 10 * DAY);
    const input = { ...base, now, interviewAt, cards: cards(now, { learned: 3, unseen: 1 }) };
    const plan = buildPlan(input);
    const each = recallAt(input.cards[0]!.memory, interviewAt);
    expect(plan.now).toBeCloseTo((3 * each) / 4, 10);
    expect(plan.unseen).toBe(1);
    expect(plan.onPlan).toBeGreaterThan(plan.now);
  });

  it("meets the unseen cards first, spread over the days before the final pass, in deck order", () => {
    const interviewAt = new Date(now.getTime() + 7 * DAY);
    const plan = buildPlan({ ...base, now, interviewAt, cards: cards(now, { learned: 0, unseen: 30 }) });
    // 8 study days, the last 2 the final pass: 30 cards over 6 days.
    expect(plan.days).toHaveLength(8);
    expect(plan.today.newCardIds).toEqual(["u0", "u1", "u2", "u3", "u4"]);
    expect(plan.days.reduce((sum, d) => sum + d.newCards, 0)).toBe(30);
    expect(plan.days.slice(-2).every((d) => d.newCards === 0)).toBe(true);
    expect(plan.reachable).toBe(true);
  });

  it("brings reviews forward when FSRS would show them only after the interview, spread over the days left", () => {
    // Learned 3 days ago: FSRS's next review is after a 3-day interview, where recall would be low.
    const interviewAt = new Date(now.getTime() + 3 * DAY);
    const plan = buildPlan({ ...base, now, interviewAt, target: 0.97, cards: cards(now, { learned: 5, unseen: 0, daysAgo: 3 }) });
    // Due today, so reviewed today (not pulled); then brought forward again over the days left:
    // some on the day after, the rest in the final pass, rather than all of it at the end.
    expect(plan.today.pulledIds).toEqual([]);
    expect(plan.days.map((d) => d.reviews)).toEqual([5, 2, 3, 0]);
    expect(plan.onPlan).toBeGreaterThan(plan.now);
  });

  it("doesn't cram the interview's morning: the day before takes its share, the morning what fits before it", () => {
    // An interview tomorrow at 09:00 with a 99% aim and 55 cards learned yesterday, due after it.
    const today = new Date("2026-12-01T15:00:00Z");
    const interviewAt = new Date("2026-12-02T09:00:00Z");
    const input = { ...base, now: today, interviewAt, target: 0.99, cards: cards(today, { learned: 55, unseen: 0, daysAgo: 1 }) };
    const plan = buildPlan({ ...input, answerMs: 30_000 });
    expect(plan.days.map((d) => d.date)).toEqual(["2026-12-01", "2026-12-02"]);
    expect(plan.today.pulledIds).toHaveLength(28);
    // The morning: 04:00 to an hour before 09:00, a 30-minute warm-up at most (60 answers of 30 s).
    expect(plan.days[1]!.reviews).toBeLessThanOrEqual(60);
    // At 2 minutes an answer the morning holds 15: a cap, not the daily limit of 200.
    const slow = buildPlan({ ...input, answerMs: 120_000 });
    // and today takes what the morning can't: 55 - 15.
    expect(slow.days.map((d) => d.reviews)).toEqual([40, 15]);
    expect(slow.interviewDayShare).toBeCloseTo(15 / 55, 6);
  });

  it("counts the new cards met today in today's share: asking again later in the day gives the rest, not a new share", () => {
    const interviewAt = new Date(now.getTime() + 10 * DAY);
    const input = {
      ...base,
      now,
      interviewAt,
      limits: { newPerDay: 30, reviewsPerDay: 200 },
      cards: cards(now, { learned: 0, unseen: 40 }),
    };
    const first = buildPlan(input);
    const share = first.today.newCardIds.length;
    expect(share).toBe(5); // 40 cards over the 8 days before the final pass
    // Four of them met an hour ago, this study day: the plan asked again lists the one left.
    const metAt = new Date(now.getTime() - 3_600_000);
    const met = (): MemoryState => rate(rate(newMemory(metAt), 3, metAt, settings), 3, new Date(metAt.getTime() + 600_000), settings);
    const after = input.cards.map((c, i) => (i < 4 ? { ...c, memory: met() } : c));
    const again = buildPlan({ ...input, now, cards: after, doneToday: { newCards: 4, reviews: 0 } });
    expect(again.today.newCardIds).toEqual([first.today.newCardIds[4]]);
  });

  it("doesn't bring forward again a card reviewed earlier this study day", () => {
    const interviewAt = new Date(now.getTime() + 3 * DAY);
    const reviewedAt = new Date(now.getTime() - 3_600_000);
    const learned = cards(now, { learned: 6, unseen: 0, daysAgo: 1 }).map((c) => ({
      ...c,
      memory: rate(c.memory!, 3, reviewedAt, settings),
    }));
    const plan = buildPlan({ ...base, now, interviewAt, target: 0.999, cards: learned, doneToday: { newCards: 0, reviews: 6 } });
    expect(plan.today.pulledIds).toEqual([]);
  });

  it("says plainly when most of the plan falls on the interview's day (over half its answers)", () => {
    expect(mostOnInterviewDay({ interviewDayShare: 1 })).toBe(true);
    expect(mostOnInterviewDay({ interviewDayShare: 0.51 })).toBe(true);
    expect(mostOnInterviewDay({ interviewDayShare: 0.5 })).toBe(false);
    expect(mostOnInterviewDay({ interviewDayShare: 15 / 55 })).toBe(false);
    expect(mostOnInterviewDay({ interviewDayShare: 0 })).toBe(false);
  });

  it("says how much of a plan falls on the interview's day", () => {
    // An interview at 20:00 today: the whole plan is on its day.
    const interviewAt = new Date("2026-12-01T20:00:00Z");
    const plan = buildPlan({ ...base, now, interviewAt, target: 0.99, cards: cards(now, { learned: 5, unseen: 2, daysAgo: 4 }) });
    expect(plan.days).toHaveLength(1);
    expect(plan.interviewDayShare).toBe(1);
  });

  it("says when the target can't be reached, what is, and what it would take", () => {
    const interviewAt = new Date(now.getTime() + 2 * DAY);
    const input = { ...base, now, interviewAt, cards: cards(now, { learned: 0, unseen: 60 }) };
    const plan = buildPlan(input);
    expect(plan.reachable).toBe(false);
    expect(plan.onPlan).toBeLessThan(0.6);
    expect(plan.newPerDayNeeded).toBe(20);
    const tags = weakestTags(input.cards, plan.recallNow);
    expect(tags.map((t) => t.tag)).toEqual(["new"]);
    expect(tagsToDrop(input, tags)).toEqual([]);
  });

  it("finds the tags to drop that make the target reachable", () => {
    const interviewAt = new Date(now.getTime() + 2 * DAY);
    const input = {
      ...base,
      now,
      interviewAt,
      cards: [
        ...cards(now, { learned: 20, unseen: 0 }),
        ...Array.from({ length: 40 }, (_, i) => ({ cardId: `x${i}`, memory: null, tags: ["extra"] })),
      ],
    };
    const plan = buildPlan(input);
    expect(plan.reachable).toBe(false);
    expect(tagsToDrop(input, weakestTags(input.cards, plan.recallNow))).toEqual(["extra"]);
  });

  it("after the interview there is nothing to plan", () => {
    const plan = buildPlan({ ...base, now, interviewAt: new Date(now.getTime() - DAY), cards: cards(now, { learned: 2, unseen: 0 }) });
    expect(plan.days).toEqual([]);
    expect(plan.today).toEqual({ newCardIds: [], pulledIds: [] });
  });

  it("ignores learned-card states of type New (buried new cards) as unseen", () => {
    const plan = buildPlan({
      ...base,
      now,
      interviewAt: new Date(now.getTime() + 5 * DAY),
      cards: [{ cardId: "n", memory: { ...newMemory(now), state: State.New }, tags: [] }],
    });
    expect(plan.unseen).toBe(1);
    expect(plan.today.newCardIds).toEqual(["n"]);
  });
});

describe("a learner who applied their own FSRS parameters", () => {
  const now = new Date("2026-12-01T09:00:00Z");
  const interviewAt = new Date(now.getTime() + 10 * DAY);
  // A fitted set: faster forgetting (decay and the first-review stabilities), within FSRS's ranges.
  const weights = generatorParameters().w.map((w, i) => (i === 20 ? 0.5 : i < 4 ? w / 2 : w));
  const own = { ...settings, weights };

  it("has its forgetting curve taken from their weights", () => {
    const model = memoryModel(own);
    for (const stability of [0.5, 10, 300])
      for (const elapsed of [0, 1, 30])
        expect(model.retrievability(stability, elapsed)).toBeCloseTo(forgetting_curve(weights, elapsed, stability), 12);
    expect(model.retrievability(10, 30)).not.toBeCloseTo(retrievability(10, 30), 3);
  });

  it("gets a forecast made with them, not with the defaults", () => {
    const input = { ...base, now, interviewAt, cards: cards(now, { learned: 4, unseen: 6, daysAgo: 3 }) };
    const withDefaults = buildPlan(input);
    const withOwn = buildPlan({ ...input, scheduler: own });
    const model = memoryModel(own);
    const expected = input.cards.reduce((sum, c) => sum + recallAt(c.memory, interviewAt, model), 0) / input.cards.length;
    expect(withOwn.now).toBeCloseTo(expected, 12);
    expect(withOwn.now).toBeLessThan(withDefaults.now - 0.01);
    expect(withOwn.onPlan).not.toBeCloseTo(withDefaults.onPlan, 4);
  });
});
