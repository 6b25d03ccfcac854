// The rating's pure decision (lib/review/rating/decide.ts): what each rating of a batch does, the state
// after it and its log row, with fixed dates and fuzz off; and undo's checks.
import { describe, expect, it } from "vitest";
import {
  CARD_NOT_FOUND,
  decideRatings,
  decideUndo,
  STALE_MESSAGE,
  type Decision,
  type LoggedRating,
  type RatedCard,
  type RatingContext,
  type RatingRead,
  type UndoRead,
} from "@/lib/review/rating/decide";
import type { RatingInput } from "@/lib/review/rating/input";
import { MAX_ANSWER_MS } from "@/lib/review/rating/limits";
import { DEFAULT_SCHEDULER_SETTINGS, newMemory, rate, State, type MemoryState, type RatingValue } from "@/lib/scheduling/fsrs";

const NOW = new Date("2026-11-30T12:00:00Z");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const noFuzz = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

function context(overrides: Partial<RatingContext> = {}): RatingContext {
  let n = 0;
  return {
    userId: "learner",
    now: NOW,
    scheduler: noFuzz,
    parameterSetId: null,
    schedulerSnapshot: '{"desiredRetention":0.9}',
    newId: () => `log-${++n}`,
    ...overrides,
  };
}

const card = (id: string, state: RatedCard["state"] = null, keyPoints = ""): RatedCard => ({
  id,
  deckId: "deck",
  front: `Question ${id}?`,
  keyPoints,
  state,
});

let clientIds = 0;
const rating = (cardId: string, value: RatingValue, expectedVersion: number, extra: Partial<RatingInput> = {}): RatingInput => ({
  clientId: `client-${++clientIds}`,
  cardId,
  rating: value,
  expectedVersion,
  durationMs: 4_000,
  ...extra,
});

/** A card studied once (Good, a day ago), at version 1. */
const studied = (id: string): RatedCard => {
  const at = new Date(NOW.getTime() - DAY);
  return card(id, { version: 1, memory: rate(newMemory(at), 3, at, noFuzz) });
};

const statuses = (decisions: Decision[] | null) => decisions?.map((d) => d.status);

describe("a rating's decision", () => {
  it("a first Good on a new card: FSRS's first step, version 1, and the log row of the new card it was", () => {
    const input = rating("a", 3, 0, { durationMs: 7_500 });
    const [decision] = decideRatings({ cards: [card("a")] }, [input], context())!;
    const after: MemoryState = {
      due: new Date("2026-11-30T12:10:00Z"), // the second learning step, 10 minutes
      stability: 2.3065, // FSRS-6's initial stability for Good (w2)
      difficulty: 2.11810397,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: State.Learning,
      lastReview: NOW,
    };
    expect(decision).toEqual({
      status: "write",
      card: { cardId: "a", memory: after, version: 1 },
      write: {
        userId: "learner",
        card: { id: "a", deckId: "deck" },
        version: 0,
        existed: false,
        after,
        now: NOW,
        log: {
          id: "log-1",
          userId: "learner",
          cardId: "a",
          clientId: input.clientId,
          rating: 3,
          reviewedAt: NOW,
          durationMs: 7_500,
          nextDue: after.due,
          question: "Question a?",
          pointsShown: null,
          pointsMissed: null,
          suggestedRating: null,
          parameterSetId: null,
          scheduler: '{"desiredRetention":0.9}',
          ...newMemory(NOW),
        },
      },
    });
  });

  it("a batch is decided in order: a card rated twice is rated the second time on the state the first left", () => {
    const ratings = [rating("a", 3, 0), rating("b", 1, 0), rating("a", 3, 1)];
    const decisions = decideRatings({ cards: [card("a"), card("b")] }, ratings, context())!;
    expect(statuses(decisions)).toEqual(["write", "write", "write"]);
    const [first, , second] = decisions as Extract<Decision, { status: "write" }>[];
    expect(second!.write).toMatchObject({ version: 1, existed: true });
    expect(second!.card.version).toBe(2);
    // The second rating's log keeps the state the first one left; it graduates to a 2-day review.
    expect(second!.write.log).toMatchObject({ ...first!.card.memory, id: "log-3" });
    expect(second!.card.memory).toMatchObject({ state: State.Review, scheduledDays: 2, due: new Date(NOW.getTime() + 2 * DAY), reps: 2 });
  });

  it("caps the answer time and dates an offline rating when it was made, within a week and not before the last review", () => {
    const old = studied("a");
    const offline = new Date(NOW.getTime() - 3 * 60 * MINUTE);
    const decide = (extra: Partial<RatingInput>, target = card("b")) => {
      const [d] = decideRatings({ cards: [target] }, [rating(target.id, 3, target.state?.version ?? 0, extra)], context())!;
      return (d as Extract<Decision, { status: "write" }>).write.log;
    };
    expect(decide({ durationMs: 20 * MINUTE }).durationMs).toBe(MAX_ANSWER_MS);
    expect(decide({ reviewedAt: offline }).reviewedAt).toEqual(offline);
    expect(decide({ reviewedAt: offline })).toMatchObject(newMemory(offline)); // a new card, as of then
    expect(decide({ reviewedAt: new Date(NOW.getTime() + MINUTE) }).reviewedAt).toEqual(NOW);
    expect(decide({ reviewedAt: new Date(NOW.getTime() - 8 * DAY) }).reviewedAt).toEqual(NOW);
    expect(decide({ reviewedAt: new Date(NOW.getTime() - 2 * DAY) }, old).reviewedAt).toEqual(old.state!.memory.lastReview);
  });

  it("keeps the checklist as worded on the card, only when its count still matches the card's points", () => {
    const withPoints = card("a", null, "one\ntwo\nthree");
    const log = (checklist: RatingInput["checklist"]) => {
      const [d] = decideRatings({ cards: [withPoints] }, [rating("a", 2, 0, { checklist })], context())!;
      return (d as Extract<Decision, { status: "write" }>).write.log;
    };
    expect(log({ count: 3, missed: [0, 2] })).toMatchObject({ pointsShown: "one\ntwo\nthree", pointsMissed: "one\nthree" });
    expect(log({ count: 3, missed: [] })).toMatchObject({ pointsShown: "one\ntwo\nthree", pointsMissed: "" });
    expect(log({ count: 2, missed: [0] })).toMatchObject({ pointsShown: null, pointsMissed: null });
    expect(log(undefined)).toMatchObject({ pointsShown: null, pointsMissed: null });
    // The grade suggested from the checklist is kept with it, and only with it.
    expect(log({ count: 3, missed: [2], suggested: 3 })).toMatchObject({ pointsMissed: "three", suggestedRating: 3 });
    expect(log({ count: 3, missed: [] })).toMatchObject({ suggestedRating: null });
    expect(log({ count: 2, missed: [0], suggested: 1 })).toMatchObject({ suggestedRating: null });
  });

  it("keeps what scheduled it: the learner's parameter set and settings", () => {
    const ctx = context({ parameterSetId: "set-1", schedulerSnapshot: "snapshot" });
    const [d] = decideRatings({ cards: [card("a")] }, [rating("a", 3, 0)], ctx)!;
    expect((d as Extract<Decision, { status: "write" }>).write.log).toMatchObject({ parameterSetId: "set-1", scheduler: "snapshot" });
  });
});

describe("a rating that isn't a plain write", () => {
  const none = new Map<string, LoggedRating>();

  it("needs the log to tell stale from duplicate, and to answer a card out of reach", () => {
    expect(decideRatings({ cards: [studied("a")] }, [rating("a", 3, 0)], context())).toBeNull();
    expect(decideRatings({ cards: [] }, [rating("gone", 3, 0)], context())).toBeNull();
  });

  it("made against another version, and not logged: stale, with the card as it is", () => {
    const a = studied("a");
    const [stale] = decideRatings({ cards: [a], logged: none }, [rating("a", 1, 0)], context())!;
    expect(stale).toEqual({ status: "stale", message: STALE_MESSAGE, card: { cardId: "a", memory: a.state!.memory, version: 1 } });
    // a version the card never had, also for a card never rated (a new card's memory as of now)
    const [ahead] = decideRatings({ cards: [card("b")], logged: none }, [rating("b", 3, 1)], context())!;
    expect(ahead).toEqual({ status: "stale", message: STALE_MESSAGE, card: { cardId: "b", memory: newMemory(NOW), version: 0 } });
  });

  it("logged already: a duplicate, whatever version it names, with the card as it is", () => {
    const a = studied("a");
    const again = rating("a", 3, 0);
    const logged = new Map([[again.clientId, { cardId: "a", state: a.state }]]);
    expect(decideRatings({ cards: [a], logged }, [again], context())).toEqual([
      { status: "duplicate", card: { cardId: "a", memory: a.state!.memory, version: 1 } },
    ]);
    // its card made a new question since (no state, version 0): still that rating, not a new one
    const renewed = card("a");
    expect(
      decideRatings({ cards: [renewed], logged: new Map([[again.clientId, { cardId: "a", state: null }]]) }, [again], context()),
    ).toEqual([{ status: "duplicate", card: { cardId: "a", memory: newMemory(NOW), version: 0 } }]);
  });

  it("the same rating twice in one batch: the second is a duplicate, without reading the log", () => {
    const first = rating("a", 3, 0);
    const decisions = decideRatings({ cards: [card("a")] }, [first, { ...first }], context())!;
    expect(statuses(decisions)).toEqual(["write", "duplicate"]);
    const [written] = decisions as Extract<Decision, { status: "write" }>[];
    expect(decisions[1]).toEqual({ status: "duplicate", card: written!.card });
  });

  it("a card out of reach: not found, unless the rating was logged before (then a duplicate, with its card)", () => {
    const [missing] = decideRatings({ cards: [], logged: none }, [rating("gone", 3, 0)], context())!;
    expect(missing).toEqual({ status: "not_found", clientId: expect.any(String), message: "That card was not found." });
    expect(CARD_NOT_FOUND).toBe("That card was not found.");
    const retry = rating("gone", 3, 0);
    const state = { version: 3, memory: newMemory(new Date(NOW.getTime() - DAY)) };
    const logged = new Map([[retry.clientId, { cardId: "gone", state }]]);
    expect(decideRatings({ cards: [], logged }, [retry], context())).toEqual([
      { status: "duplicate", card: { cardId: "gone", memory: state.memory, version: 3 } },
    ]);
  });
});

describe("a batch and the same ratings one by one", () => {
  /** Decides each rating alone, as a batch of one on the state the ones before it left. */
  function oneByOne(cards: RatedCard[], logged: Map<string, LoggedRating>, ratings: RatingInput[], ctx: RatingContext) {
    const reach = new Map(cards.map((c) => [c.id, c]));
    const log = new Map(logged);
    return ratings.map((input) => {
      const read: RatingRead = { cards: [...reach.values()], logged: log };
      const [decision] = decideRatings(read, [input], ctx)!;
      if (decision!.status === "write") {
        const { card: after } = decision!;
        reach.set(after.cardId, { ...reach.get(after.cardId)!, state: { version: after.version, memory: after.memory } });
        log.set(input.clientId, { cardId: after.cardId, state: { version: after.version, memory: after.memory } });
      }
      return decision!;
    });
  }

  it("gives each rating the same answer, state and log row", () => {
    const cards = [card("a"), studied("b"), card("c", null, "x\ny")];
    const earlier = rating("b", 3, 0);
    const logged = new Map([[earlier.clientId, { cardId: "b", state: cards[1]!.state }]]);
    const first = rating("a", 1, 0);
    const ratings = [
      first,
      rating("b", 4, 1, { reviewedAt: new Date(NOW.getTime() - 60 * MINUTE) }),
      rating("gone", 3, 0),
      rating("a", 3, 1),
      rating("b", 2, 1), // stale: the batch moved b to version 2
      { ...first }, // sent twice
      earlier, // logged before this batch
      rating("c", 2, 0, { checklist: { count: 2, missed: [1] } }),
      rating("a", 3, 2, { durationMs: 10 * MINUTE }),
    ];
    const batch = decideRatings({ cards, logged }, ratings, context())!;
    expect(statuses(batch)).toEqual(["write", "write", "not_found", "write", "stale", "duplicate", "duplicate", "write", "write"]);
    // log ids come from the same sequence in both runs, so whole decisions compare equal
    expect(batch).toEqual(oneByOne(cards, logged, ratings, context()));
  });
});

describe("undo's decision", () => {
  const before = newMemory(new Date(NOW.getTime() - DAY));
  const read = (overrides: Partial<UndoRead> = {}): UndoRead => ({
    log: { id: "log-1", cardId: "a", ...before },
    studied: true,
    latestLogId: "log-1",
    version: 4,
    ...overrides,
  });

  it("restores the state before the rating, over the version read", () => {
    expect(decideUndo(read())).toEqual({ cardId: "a", logId: "log-1", version: 4, before });
  });

  it("refuses a rating on a deck no longer studied, one that isn't the card's latest, and one on a card made new since", () => {
    expect(() => decideUndo(read({ studied: false }))).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => decideUndo(read({ latestLogId: "log-2" }))).toThrow(expect.objectContaining({ code: "conflict" }));
    expect(() => decideUndo(read({ version: null }))).toThrow(
      expect.objectContaining({ code: "conflict", message: expect.stringMatching(/new question/) }),
    );
  });
});
