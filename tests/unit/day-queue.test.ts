// The day's queue with and without an interview plan: how many new cards today takes, whether the
// learner is asked, and that returning to Today never adds new cards past the day's allowance.
import { describe, expect, it } from "vitest";
import { dayQueue, newCardsToday, type DayQueueInput, type PlanChoice } from "@/lib/scheduling/day-queue";
import { countQueue, type QueueCard } from "@/lib/scheduling/queue";
import { newMemory } from "@/lib/scheduling/fsrs";
import { studyDay } from "@/lib/scheduling/study-day";

const now = new Date("2026-11-25T10:00:00Z");
const day = studyDay(now, "UTC", 4);
const fresh = (prefix: string, n: number): QueueCard[] =>
  Array.from({ length: n }, (_, i) => ({ cardId: `${prefix}${i}`, version: 0, memory: newMemory(now) }));

function input(over: Partial<DayQueueInput>): DayQueueInput {
  return {
    now,
    day,
    started: [],
    fresh: fresh("deck-", 40),
    newDoneToday: 0,
    reviewsDoneToday: 0,
    limits: { newPerDay: 10, reviewsPerDay: 200 },
    ...over,
  };
}
const plan = (wants: number, toMeet: number) => ({ interview: "Initech", wants, fresh: fresh("plan-", toMeet), brought: [] });
const take = (newCards: number): PlanChoice => ({ takePlan: true, newCards });
const keep: PlanChoice = { takePlan: false, newCards: 10 };

describe("newCardsToday", () => {
  it.each([
    // [case, limit, plan wants, choice, allowed, asked]
    ["no plan: the limit", 10, null, null, 10, false],
    ["a plan under the limit: the limit, no question", 10, 6, null, 10, false],
    ["a plan at the limit: no question", 10, 10, null, 10, false],
    ["a plan above the limit, not answered: the limit, and the question", 10, 16, null, 10, true],
    ["a plan above the limit, taken: the plan's amount", 10, 16, take(16), 16, false],
    ["taken earlier at 16, the plan now wants 20: still 16 (capped at the yes)", 10, 20, take(16), 16, false],
    ["a plan above the limit, kept: the limit", 10, 16, keep, 10, false],
  ] as const)("%s", (_, limit, wants, choice, allowed, asked) => {
    const result = newCardsToday(limit, wants === null ? null : { interview: "Initech", wants }, choice);
    expect(result.allowed).toBe(allowed);
    expect(result.ask).toEqual(asked ? { interview: "Initech", wants, limit } : null);
  });
});

describe("dayQueue", () => {
  it("without a plan takes the limit of new cards, less those met today", () => {
    expect(countQueue(dayQueue(input({})).queue).new).toBe(10);
    expect(countQueue(dayQueue(input({ newDoneToday: 4 })).queue).new).toBe(6);
    expect(countQueue(dayQueue(input({ newDoneToday: 10 })).queue).new).toBe(0);
  });

  it("with a plan under the limit puts the plan's cards first and fills to the limit", () => {
    const { queue, newCards } = dayQueue(input({ plan: plan(4, 4) }));
    expect(queue.ready.map((c) => c.cardId)).toEqual([...fresh("plan-", 4), ...fresh("deck-", 6)].map((c) => c.cardId));
    expect(newCards.ask).toBeNull();
  });

  it("returning to Today after the limit's cards were met adds none, whatever the plan still lists", () => {
    // The reported bug: 10, 6, 5, 5, 4 ... new cards, 40 on day one. Met 10; the plan lists 6 more.
    const { queue, newCards } = dayQueue(input({ newDoneToday: 10, plan: plan(16, 6) }));
    expect(countQueue(queue).new).toBe(0);
    expect(newCards.ask).toEqual({ interview: "Initech", wants: 16, limit: 10 });
  });

  it("once the plan's amount is taken, the day stops at it", () => {
    expect(countQueue(dayQueue(input({ newDoneToday: 10, plan: plan(16, 6), choice: take(16) })).queue).new).toBe(6);
    expect(countQueue(dayQueue(input({ newDoneToday: 16, plan: plan(16, 0), choice: take(16) })).queue).new).toBe(0);
    expect(countQueue(dayQueue(input({ newDoneToday: 10, plan: plan(16, 6), choice: keep })).queue).new).toBe(0);
  });
});
