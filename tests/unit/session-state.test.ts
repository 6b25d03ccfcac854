import { describe, expect, it } from "vitest";
import type { PendingRating } from "@/components/review/outbox";
import {
  afterOf,
  answeringOf,
  currentCard,
  initialSessionState,
  isFinished,
  isRevealed,
  lastWasSetAside,
  pendingRating,
  sessionReducer,
  summaryOf,
  type SessionAction,
  type SessionState,
  type StudiedCard,
} from "@/components/review/session-state";
import type { AfterSession } from "@/lib/review/session";
import { DEFAULT_SCHEDULER_SETTINGS, newMemory, State, type MemoryState, type RatingValue } from "@/lib/scheduling/fsrs";
import type { Queue } from "@/lib/scheduling/queue";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const now = new Date("2026-11-25T10:00:00Z");
const dayEnd = new Date("2026-11-26T04:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const scheduler = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

function reviewMemory(due: Date): MemoryState {
  return {
    due,
    stability: 20,
    difficulty: 5,
    scheduledDays: 20,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    state: State.Review,
    lastReview: new Date(due.getTime() - 20 * DAY),
  };
}

function card(cardId: string, memory: MemoryState = newMemory(now), keyPoints: string[] = []): StudiedCard {
  return { cardId, memory, version: memory.state === State.New ? 0 : 4, keyPoints };
}
const fresh = (id: string, keyPoints: string[] = []) => card(id, newMemory(now), keyPoints);
const review = (id: string) => card(id, reviewMemory(now));
const learning = (id: string, due: Date) => card(id, { ...reviewMemory(due), state: State.Learning, scheduledDays: 0 });

type S = SessionState<StudiedCard>;
const start = (ready: StudiedCard[], waiting: StudiedCard[] = []) => initialSessionState<StudiedCard>({ ready, waiting }, now);
const run = (state: S, ...actions: SessionAction<StudiedCard>[]) => actions.reduce(sessionReducer<StudiedCard>, state);
const ids = (cards: StudiedCard[]) => cards.map((c) => c.cardId);

function rated(state: S, rating: RatingValue, clientId = `client-${rating}`, at = now): SessionAction<StudiedCard> {
  return { type: "rated", card: currentCard(state)!, clientId, rating, durationMs: 4_000, at, dayEnd, scheduler };
}
/** Reveals the card on screen and rates it. */
function revealAndRate(state: S, rating: RatingValue, clientId?: string): S {
  const shown = run(state, { type: "reveal", answerMs: 3_000 });
  return run(shown, rated(shown, rating, clientId));
}

describe("review session state", () => {
  it("starts on the first ready card, hidden, with nothing to undo", () => {
    const state = start([review("a"), fresh("b")]);
    expect(currentCard(state)?.cardId).toBe("a");
    expect(isRevealed(state)).toBe(false);
    expect(state.done).toEqual([]);
    expect(state.notice).toBeNull();
    expect(isFinished(state)).toBe(false);
  });

  it("reveal shows the card on screen's answer and keeps how long it took", () => {
    const state = run(start([review("a")]), { type: "reveal", answerMs: 7_500 });
    expect(isRevealed(state)).toBe(true);
    expect(answeringOf(state).answerMs).toBe(7_500);
  });

  it("rating moves to the next card, hidden, and clears the notice", () => {
    const state = revealAndRate(run(start([review("a"), review("b")]), { type: "notice", message: "old news" }), 3);
    expect(currentCard(state)?.cardId).toBe("b");
    expect(isRevealed(state)).toBe(false);
    expect(state.notice).toBeNull();
    expect(state.done).toMatchObject([{ kind: "rating", clientId: "client-3", rating: 3, durationMs: 4_000 }]);
    expect(state.done[0]!.before.cardId).toBe("a");
  });

  it("a card rated Again comes back later today as a learning card, then when its step is due", () => {
    const again = revealAndRate(start([fresh("a"), fresh("b")]), 1);
    expect(ids(again.queue.ready)).toEqual(["b"]);
    expect(ids(again.queue.waiting)).toEqual(["a"]);
    const back = again.queue.waiting[0]!;
    expect(back.version).toBe(1);
    expect(back.memory.state).toBe(State.Learning);
    expect(back.memory.due.getTime()).toBe(now.getTime() + MINUTE);

    const notYet = run(again, { type: "stepsDue", at: later(30_000) });
    expect(ids(notYet.queue.ready)).toEqual(["b"]);
    const due = run(again, { type: "stepsDue", at: later(MINUTE) });
    expect(ids(due.queue.ready)).toEqual(["a", "b"]);
    expect(due.queue.waiting).toEqual([]);
    expect(due.now).toEqual(later(MINUTE));
  });

  it("the same card, rated again, starts hidden and unticked (a new version)", () => {
    const one = run(revealAndRate(start([fresh("a", ["x", "y"])]), 1), { type: "studyNow" });
    expect(currentCard(one)?.cardId).toBe("a");
    expect(isRevealed(one)).toBe(false);
    const ticked = run(one, { type: "toggle", index: 0 });
    expect([...answeringOf(ticked).ticked]).toEqual([0]);
    const shown = run(ticked, { type: "reveal", answerMs: 1_000 });
    const twice = run(shown, rated(shown, 1, "second"));
    const again = run(twice, { type: "studyNow" });
    expect(currentCard(again)?.version).toBe(2);
    expect(isRevealed(again)).toBe(false);
    expect(answeringOf(again).ticked.size).toBe(0);
  });

  it("a card rated Good leaves the session; the last one ends it", () => {
    const state = revealAndRate(start([review("a")]), 3);
    expect(state.queue).toEqual({ ready: [], waiting: [] });
    expect(isFinished(state)).toBe(true);
  });

  it("the end's summary counts ratings, their time and the share not Again", () => {
    const state = revealAndRate(revealAndRate(start([review("a"), review("b")]), 1, "one"), 3, "two");
    expect(summaryOf(state.done)).toEqual({ reviewed: 2, timeMs: 8_000, accuracy: 50 });
    expect(summaryOf([])).toEqual({ reviewed: 0, timeMs: 0, accuracy: null });
  });

  it("toggle ticks and unticks a key point of the card on screen, ignoring points it doesn't have", () => {
    const state = start([fresh("a", ["one", "two"])]);
    const both = run(state, { type: "toggle", index: 0 }, { type: "toggle", index: 1 });
    expect([...answeringOf(both).ticked].sort()).toEqual([0, 1]);
    expect([...answeringOf(run(both, { type: "toggle", index: 0 })).ticked]).toEqual([1]);
    expect(run(state, { type: "toggle", index: 2 })).toBe(state);
  });

  it("typing is kept for the card on screen only", () => {
    const typed = run(start([review("a"), review("b")]), { type: "type", typed: "a closure" });
    expect(answeringOf(typed).typed).toBe("a closure");
    expect(answeringOf(revealAndRate(typed, 3)).typed).toBe("");
  });

  it("the outbox item carries the key points not ticked, and the grade suggested", () => {
    const at = later(5_000);
    const used = { ticked: new Set([1]), saidNone: false };
    const item = pendingRating(fresh("a", ["x", "y", "z"]), used, { clientId: "c1", rating: 2, at, durationMs: 5_000, suggested: 2 });
    expect(item).toEqual({
      clientId: "c1",
      cardId: "a",
      rating: 2,
      expectedVersion: 0,
      durationMs: 5_000,
      reviewedAt: at.toISOString(),
      checklist: { count: 3, missed: [0, 2], suggested: 2 },
    });
    const untouched = { ticked: new Set<number>(), saidNone: false };
    expect(pendingRating(review("b"), untouched, { clientId: "c2", rating: 3, at, durationMs: 1, suggested: null })).not.toHaveProperty(
      "checklist",
    );
  });

  it("an untouched checklist is not sent (no 'missed 3 of 3' for a card graded with the buttons); None sends every point missed", () => {
    const card = fresh("a", ["x", "y", "z"]);
    const rating = { clientId: "c1", rating: 3 as const, at: now, durationMs: 5_000, suggested: null };
    expect(pendingRating(card, { ticked: new Set(), saidNone: false }, rating)).not.toHaveProperty("checklist");
    expect(pendingRating(card, { ticked: new Set(), saidNone: true }, { ...rating, suggested: 1 }).checklist).toEqual({
      count: 3,
      missed: [0, 1, 2],
      suggested: 1,
    });
  });

  it("None clears the ticks and marks the checklist used; a tick afterwards undoes None", () => {
    const state = start([fresh("a", ["one", "two"])]);
    const none = run(state, { type: "toggle", index: 0 }, { type: "saidNone" });
    expect(answeringOf(none)).toMatchObject({ saidNone: true });
    expect(answeringOf(none).ticked.size).toBe(0);
    const ticked = run(none, { type: "toggle", index: 1 });
    expect(answeringOf(ticked).saidNone).toBe(false);
    expect([...answeringOf(ticked).ticked]).toEqual([1]);
    // A card without key points has no checklist to say None to.
    const plain = start([review("b")]);
    expect(run(plain, { type: "saidNone" })).toBe(plain);
  });

  it("undoing a rating the outbox took back brings the card back in front with its state before", () => {
    const before = review("a");
    const rated = revealAndRate(start([before, review("b")]), 1);
    const undone = run(rated, { type: "ratingUndone" });
    expect(ids(undone.queue.ready)).toEqual(["a", "b"]);
    expect(undone.queue.waiting).toEqual([]);
    expect(currentCard(undone)).toEqual(before);
    expect(undone.done).toEqual([]);
    expect(undone.notice).toBe("Rating undone.");
  });

  it("undoing a rating the server had uses the server's copy of the card", () => {
    const rated = revealAndRate(start([review("a")]), 3);
    const memory = reviewMemory(later(DAY));
    const undone = run(rated, { type: "ratingUndone", card: { cardId: "a", memory, version: 6 } });
    expect(currentCard(undone)).toMatchObject({ cardId: "a", memory, version: 6 });
    expect(undone.after).toBeNull();
  });

  it("bury takes the card out and says so; its undo brings it back in front as the server has it", () => {
    const buried = run(start([review("a"), review("b")]), { type: "setAside", how: "bury", card: review("a") });
    expect(ids(buried.queue.ready)).toEqual(["b"]);
    expect(buried.notice).toBe("Buried until tomorrow.");
    expect(lastWasSetAside(buried)).toBe(true);
    expect(summaryOf(buried.done).reviewed).toBe(0);

    const memory = reviewMemory(now);
    const back = run(buried, { type: "restoredCard", how: "bury", card: { cardId: "a", memory, version: 5 } });
    expect(ids(back.queue.ready)).toEqual(["a", "b"]);
    expect(currentCard(back)?.version).toBe(5);
    expect(back.done).toEqual([]);
    expect(back.notice).toBe("Unburied: the card is back.");
    expect(lastWasSetAside(back)).toBe(false);
  });

  it("suspend and its undo say so in their own words", () => {
    const suspended = run(start([review("a")]), { type: "setAside", how: "suspend", card: review("a") });
    expect(suspended.notice).toBe("Suspended: it stays out of your sessions.");
    expect(isFinished(suspended)).toBe(true);
    const back = run(suspended, { type: "restoredCard", how: "suspend", card: { cardId: "a", memory: reviewMemory(now), version: 4 } });
    expect(back.notice).toBe("Unsuspended: the card is back.");
    expect(ids(back.queue.ready)).toEqual(["a"]);
  });

  it("undo takes back the newest thing done first", () => {
    const state = run(revealAndRate(start([review("a"), review("b")]), 3), { type: "setAside", how: "bury", card: review("b") });
    const once = run(state, { type: "restoredCard", how: "bury", card: { cardId: "b", memory: reviewMemory(now), version: 4 } });
    expect(once.done.map((d) => d.kind)).toEqual(["rating"]);
    const twice = run(once, { type: "ratingUndone" });
    expect(ids(twice.queue.ready)).toEqual(["a", "b"]);
  });

  it("study now brings the first waiting learning card forward before its step is due", () => {
    const state = run(start([], [learning("a", later(5 * MINUTE)), learning("b", later(9 * MINUTE))]), { type: "studyNow" });
    expect(ids(state.queue.ready)).toEqual(["a"]);
    expect(ids(state.queue.waiting)).toEqual(["b"]);
    expect(isFinished(start([], [learning("a", later(MINUTE))]))).toBe(false);
  });

  it("ratings left in the outbox from before a reload apply to the server's queue, unless the card moved on", () => {
    const pending = (cardId: string, expectedVersion: number, rating: RatingValue): PendingRating => ({
      clientId: `p-${cardId}`,
      cardId,
      rating,
      expectedVersion,
      durationMs: 1_000,
      reviewedAt: now.toISOString(),
    });
    const state = run(start([fresh("a"), review("b"), review("c")]), {
      type: "restored",
      pending: [pending("a", 0, 1), pending("b", 4, 3), pending("c", 3, 3)],
      dayEnd,
      scheduler,
    });
    expect(ids(state.queue.ready)).toEqual(["c"]);
    expect(ids(state.queue.waiting)).toEqual(["a"]);
    expect(state.queue.waiting[0]!.version).toBe(1);
  });

  it("a stale rating swaps in the server's copy of the card and says why", () => {
    const memory = reviewMemory(later(DAY));
    const queue: Queue<StudiedCard> = { ready: [review("a")], waiting: [learning("b", later(MINUTE))] };
    const state = run(initialSessionState(queue, now), { type: "stale", card: { cardId: "b", memory, version: 9 }, message: "changed" });
    expect(state.queue.waiting[0]).toMatchObject({ cardId: "b", memory, version: 9 });
    expect(state.queue.ready[0]).toEqual(review("a"));
    expect(state.notice).toBe("changed");
  });

  it("busy is set and cleared around a server action", () => {
    const state = run(start([review("a")]), { type: "busy", busy: true });
    expect(state.busy).toBe(true);
    expect(run(state, { type: "busy", busy: false }).busy).toBe(false);
  });

  it("what comes after shows only while it follows the ratings made", () => {
    const data = { left: { total: 0 }, unseen: 0, cards: 3 } as unknown as AfterSession;
    const ended = run(revealAndRate(start([review("a")]), 3), { type: "after", reviewed: 1, data });
    expect(afterOf(ended)).toBe(data);
    expect(afterOf(run(ended, { type: "ratingUndone" }))).toBeNull();
  });
});
