import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS, newMemory, rate, State, type MemoryState, type StateValue } from "@/lib/scheduling/fsrs";
import {
  afterRating,
  afterUndo,
  buildQueue,
  countQueue,
  kindOf,
  promoteDue,
  type QueueCard,
  type QueueInput,
} from "@/lib/scheduling/queue";
import { studyDay } from "@/lib/scheduling/study-day";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = new Date("2026-11-25T10:00:00Z");
const day = studyDay(now, "UTC", 4); // 2026-11-25T04:00Z .. 2026-11-26T04:00Z
const later = (ms: number) => new Date(now.getTime() + ms);

function card(cardId: string, state: StateValue, due: Date, version = 3): QueueCard {
  const memory: MemoryState =
    state === State.New
      ? newMemory(due)
      : {
          due,
          stability: 5,
          difficulty: 5,
          scheduledDays: 0,
          learningSteps: 0,
          reps: 4,
          lapses: 0,
          state,
          lastReview: new Date(due.getTime() - DAY),
        };
  return { cardId, memory, version: state === State.New ? 0 : version };
}
const learning = (id: string, due: Date) => card(id, State.Learning, due);
const relearning = (id: string, due: Date) => card(id, State.Relearning, due);
const review = (id: string, due: Date) => card(id, State.Review, due);
const fresh = (id: string) => card(id, State.New, now);
const ids = (cards: QueueCard[]) => cards.map((c) => c.cardId);

function input(overrides: Partial<QueueInput>): QueueInput {
  return {
    now,
    day,
    started: [],
    fresh: [],
    newDoneToday: 0,
    reviewsDoneToday: 0,
    limits: { newPerDay: 10, reviewsPerDay: 100 },
    ...overrides,
  };
}

describe("buildQueue", () => {
  it("shows due learning and review cards earliest first, then new cards in the order given", () => {
    const queue = buildQueue(
      input({
        started: [
          review("r-yesterday", later(-DAY)),
          learning("l-5m-ago", later(-5 * MINUTE)),
          review("r-tonight", later(8 * HOUR)), // due later today: reviews are due by the day
          relearning("rl-1h-ago", later(-HOUR)),
          review("r-2d-ago", later(-2 * DAY)),
        ],
        fresh: [fresh("n-c"), fresh("n-a"), fresh("n-b")],
      }),
    );
    expect(ids(queue.ready)).toEqual(["r-2d-ago", "r-yesterday", "rl-1h-ago", "l-5m-ago", "r-tonight", "n-c", "n-a", "n-b"]);
    expect(queue.waiting).toEqual([]);
  });

  it("keeps learning cards due later today waiting, earliest first, and leaves out anything due after the day ends", () => {
    const queue = buildQueue(
      input({
        started: [
          learning("l-in-10m", later(10 * MINUTE)),
          learning("l-now", now),
          relearning("rl-in-1m", later(MINUTE)),
          learning("l-at-day-end", day.end),
          learning("l-tomorrow", later(DAY)),
          review("r-at-day-end", day.end),
          review("r-just-before-end", new Date(day.end.getTime() - 1)),
          review("r-in-3d", later(3 * DAY)),
        ],
      }),
    );
    expect(ids(queue.ready)).toEqual(["l-now", "r-just-before-end"]);
    expect(ids(queue.waiting)).toEqual(["rl-in-1m", "l-in-10m"]);
  });

  it("shows at most the new cards per day, minus those already started today", () => {
    const five = ["n0", "n1", "n2", "n3", "n4"].map(fresh);
    expect(ids(buildQueue(input({ fresh: five, limits: { newPerDay: 3, reviewsPerDay: 100 } })).ready)).toEqual(["n0", "n1", "n2"]);
    expect(ids(buildQueue(input({ fresh: five, newDoneToday: 2, limits: { newPerDay: 3, reviewsPerDay: 100 } })).ready)).toEqual(["n0"]);
    expect(buildQueue(input({ fresh: five, newDoneToday: 3, limits: { newPerDay: 3, reviewsPerDay: 100 } })).ready).toEqual([]);
    expect(buildQueue(input({ fresh: five, newDoneToday: 7, limits: { newPerDay: 3, reviewsPerDay: 100 } })).ready).toEqual([]);
    expect(buildQueue(input({ fresh: five, limits: { newPerDay: 0, reviewsPerDay: 100 } })).ready).toEqual([]);
  });

  it("only takes cards that are still new from the fresh list", () => {
    const queue = buildQueue(
      input({ fresh: [fresh("n0"), review("not-new", later(-DAY)), fresh("n1")], limits: { newPerDay: 2, reviewsPerDay: 100 } }),
    );
    expect(ids(queue.ready)).toEqual(["n0", "n1"]);
  });

  it("shows at most the reviews per day, minus those done today, the most overdue first", () => {
    const reviews = [
      review("r-1d", later(-DAY)),
      review("r-3d", later(-3 * DAY)),
      review("r-tonight", later(HOUR)),
      review("r-2d", later(-2 * DAY)),
    ];
    const limits = { newPerDay: 10, reviewsPerDay: 2 };
    expect(ids(buildQueue(input({ started: reviews, limits })).ready)).toEqual(["r-3d", "r-2d"]);
    expect(ids(buildQueue(input({ started: reviews, limits, reviewsDoneToday: 1 })).ready)).toEqual(["r-3d"]);
    expect(buildQueue(input({ started: reviews, limits, reviewsDoneToday: 5 })).ready).toEqual([]);
  });

  it("does not hold learning cards back when the review limit is reached", () => {
    const queue = buildQueue(
      input({
        started: [review("r", later(-DAY)), learning("l", later(-MINUTE)), learning("l-later", later(HOUR))],
        reviewsDoneToday: 2,
        limits: { newPerDay: 0, reviewsPerDay: 2 },
      }),
    );
    expect(ids(queue.ready)).toEqual(["l"]);
    expect(ids(queue.waiting)).toEqual(["l-later"]);
  });
});

describe("stepping through a session", () => {
  const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

  it("brings a new card rated Again back as a learning card, and drops one rated Easy", () => {
    let queue = buildQueue(input({ fresh: [fresh("a"), fresh("b"), fresh("c")] }));
    const [a, b] = queue.ready as [QueueCard, QueueCard];

    const againA = { ...a, memory: rate(a.memory, 1, now, settings), version: 1 };
    expect(kindOf(againA.memory)).toBe("learning");
    queue = afterRating(queue, againA, day);
    expect(ids(queue.ready)).toEqual(["b", "c"]);
    expect(queue.waiting).toEqual([againA]);

    const easyB = { ...b, memory: rate(b.memory, 4, now, settings), version: 1 };
    expect(kindOf(easyB.memory)).toBe("review");
    queue = afterRating(queue, easyB, day);
    expect(ids(queue.ready)).toEqual(["c"]);
    expect(ids(queue.waiting)).toEqual(["a"]);
  });

  it("re-queues a learning card by its new due time and drops it when it graduates", () => {
    const step = learning("l", now);
    let queue = {
      ready: [step, review("r", later(-DAY))],
      waiting: [learning("w-5m", later(5 * MINUTE)), learning("w-20m", later(20 * MINUTE))],
    };
    queue = afterRating(queue, { ...step, memory: { ...step.memory, due: later(10 * MINUTE) } }, day);
    expect(ids(queue.ready)).toEqual(["r"]);
    expect(ids(queue.waiting)).toEqual(["w-5m", "l", "w-20m"]);

    // rated again from waiting (promoted), it graduates: gone from both lists
    queue = afterRating(queue, { ...step, memory: { ...step.memory, state: State.Review, due: later(2 * DAY) } }, day);
    expect(ids(queue.ready)).toEqual(["r"]);
    expect(ids(queue.waiting)).toEqual(["w-5m", "w-20m"]);
  });

  it("drops a learning card whose next step is after the study day ends", () => {
    const step = learning("l", now);
    const queue = afterRating(
      { ready: [step], waiting: [] },
      { ...step, memory: { ...step.memory, due: new Date(day.end.getTime() + MINUTE) } },
      day,
    );
    expect(queue).toEqual({ ready: [], waiting: [] });
  });

  it("promotes waiting cards to the front when their step is due", () => {
    const queue = {
      ready: [review("r", later(-DAY)), fresh("n")],
      waiting: [learning("w-1m", later(MINUTE)), learning("w-10m", later(10 * MINUTE))],
    };
    expect(promoteDue(queue, now)).toBe(queue);
    const at1m = promoteDue(queue, later(MINUTE));
    expect(ids(at1m.ready)).toEqual(["w-1m", "r", "n"]);
    expect(ids(at1m.waiting)).toEqual(["w-10m"]);
    const at1h = promoteDue(queue, later(HOUR));
    expect(ids(at1h.ready)).toEqual(["w-1m", "w-10m", "r", "n"]);
    expect(at1h.waiting).toEqual([]);
  });

  it("puts an undone card back at the front with its earlier state, once", () => {
    const before = fresh("a");
    const rated = { ...before, memory: rate(before.memory, 1, now, settings), version: 1 };
    const queue = { ready: [fresh("b"), fresh("c")], waiting: [rated, learning("w", later(HOUR))] };
    const undone = afterUndo(queue, { ...before, version: 2 });
    expect(ids(undone.ready)).toEqual(["a", "b", "c"]);
    expect(undone.ready[0]).toEqual({ ...before, version: 2 });
    expect(ids(undone.waiting)).toEqual(["w"]);
    // also when the card is still in ready (e.g. it was undone twice)
    expect(ids(afterUndo({ ready: [fresh("b"), before], waiting: [] }, before).ready)).toEqual(["a", "b"]);
  });
});

describe("countQueue", () => {
  it("counts new, learning (including relearning) and review cards across ready and waiting", () => {
    const queue = buildQueue(
      input({
        started: [
          review("r1", later(-DAY)),
          review("r2", later(HOUR)),
          learning("l1", later(-MINUTE)),
          relearning("l2", later(-MINUTE)),
          learning("l3", later(HOUR)),
        ],
        fresh: [fresh("n1"), fresh("n2"), fresh("n3")],
        limits: { newPerDay: 2, reviewsPerDay: 100 },
      }),
    );
    expect(countQueue(queue)).toEqual({ new: 2, learning: 3, review: 2 });
    expect(countQueue({ ready: [], waiting: [] })).toEqual({ new: 0, learning: 0, review: 0 });
  });
});
