// The review domain on a real database: ratings (one transaction, duplicates, stale copies,
// concurrency), undo, bury, suspend, the new-card limit, replay, and access. Longer than 300 lines
// because its cases share one set of helpers and fixtures; each describe block is one concern.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  newMemory,
  rate,
  replay,
  State,
  type MemoryState,
  type RatingValue,
  type StateValue,
} from "@/lib/scheduling/fsrs";
import { listHistory } from "@/lib/review/history";
import type { RatingInput } from "@/lib/review/rating/input";
import { MAX_ANSWER_MS } from "@/lib/review/rating/limits";
import { recordRating, undoRating } from "@/lib/review/rating/record";
import { loadStudySession } from "@/lib/review/session";
import { buryCard, setSuspended } from "@/lib/review/set-aside";
import { isStudying, startStudying, stopStudying } from "@/lib/review/studying";
import { DEFAULT_STUDY_SETTINGS, saveStudySettings, studySettingsSchema } from "@/lib/review/settings";
import { makeDeck, makeUser } from "./helpers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const defaults = DEFAULT_SCHEDULER_SETTINGS;

type User = { id: string };

/** A learner studying their own new deck, its cards in order. */
async function learner(options: { cards?: number; visibility?: string } = {}) {
  const user = await makeUser("learner");
  const deck = await makeDeck(user.id, { cards: options.cards ?? 3, visibility: options.visibility });
  await startStudying(user, deck.id);
  const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
  return { user, deck, cardIds: cards.map((c) => c.id) };
}

function input(cardId: string, rating: RatingValue, expectedVersion: number, extra: Partial<RatingInput> = {}): RatingInput {
  return { clientId: `c-${randomUUID()}`, cardId, rating, expectedVersion, durationMs: 4_000, ...extra };
}

async function stateRow(userId: string, cardId: string) {
  return db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

async function versionOf(userId: string, cardId: string) {
  return (await stateRow(userId, cardId))?.version ?? 0;
}

function memoryOf(row: Omit<MemoryState, "state"> & { state: number }): MemoryState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as StateValue,
    lastReview: row.lastReview,
  };
}

async function storedMemory(userId: string, cardId: string) {
  const row = await stateRow(userId, cardId);
  if (!row) throw new Error("no card state");
  return memoryOf(row);
}

/** Rates the card against its current version, as the study page does. */
async function rateNow(user: User, cardId: string, rating: RatingValue, now: Date, extra: Partial<RatingInput> = {}) {
  const result = await recordRating(user, input(cardId, rating, await versionOf(user.id, cardId), extra), now);
  expect(result.status).toBe("saved");
  return result;
}

async function logsOf(userId: string, cardId?: string) {
  return db.reviewLog.findMany({ where: { userId, ...(cardId && { cardId }) }, orderBy: [{ reviewedAt: "asc" }, { reps: "asc" }] });
}

async function sessionIds(user: User, now: Date, deckId?: string) {
  const session = await loadStudySession(user, { deckId }, now);
  return { ready: session.queue.ready.map((c) => c.cardId), waiting: session.queue.waiting.map((c) => c.cardId), session };
}

/** The error a call throws, as { code, message }, to compare two refusals. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, message: (error as AppError).message };
  }
  throw new Error("expected the call to be refused");
}

describe("a rating", () => {
  it("updates the card state and logs the state before it, its due date and the answer time, capped", async () => {
    const { user, cardIds } = await learner();
    const cardId = cardIds[0]!;
    const t1 = at("2026-02-02T09:00:00Z");
    const first = await recordRating(user, input(cardId, 3, 0, { durationMs: 7_500 }), t1);
    const afterFirst = rate(newMemory(t1), 3, t1, defaults);
    expect(first).toEqual({ status: "saved", card: { cardId, memory: afterFirst, version: 1 } });
    expect(await storedMemory(user.id, cardId)).toEqual(afterFirst);
    expect(await stateRow(user.id, cardId)).toMatchObject({ version: 1, suspended: false, buriedUntil: null });
    const [log1] = await logsOf(user.id, cardId);
    expect(log1).toMatchObject({
      rating: 3,
      reviewedAt: t1,
      durationMs: 7_500,
      nextDue: afterFirst.due,
      clientId: expect.stringMatching(/^c-/),
    });
    expect(memoryOf(log1!)).toEqual(newMemory(t1));

    const t2 = new Date(afterFirst.due.getTime() + 30_000);
    const second = await recordRating(user, input(cardId, 4, 1, { durationMs: 20 * MINUTE }), t2);
    const afterSecond = rate(afterFirst, 4, t2, defaults);
    expect(second).toEqual({ status: "saved", card: { cardId, memory: afterSecond, version: 2 } });
    expect(await storedMemory(user.id, cardId)).toEqual(afterSecond);
    const logs = await logsOf(user.id, cardId);
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatchObject({ rating: 4, reviewedAt: t2, durationMs: MAX_ANSWER_MS, nextDue: afterSecond.due });
    expect(memoryOf(logs[1]!)).toEqual(afterFirst);
  });

  it("is dated when the learner made it, within a week and not before the card's last review", async () => {
    const { user, cardIds } = await learner();
    const [a, b, c] = cardIds as [string, string, string];
    const now = at("2026-02-10T12:00:00Z");
    const offline = at("2026-02-10T08:00:00Z");
    await rateNow(user, a, 3, now, { reviewedAt: offline });
    expect((await logsOf(user.id, a))[0]!.reviewedAt).toEqual(offline);
    expect(await storedMemory(user.id, a)).toEqual(rate(newMemory(offline), 3, offline, defaults));
    await rateNow(user, b, 3, now, { reviewedAt: new Date(now.getTime() + HOUR) }); // from the future
    await rateNow(user, c, 3, now, { reviewedAt: new Date(now.getTime() - 8 * DAY) }); // too old
    expect((await logsOf(user.id, b))[0]!.reviewedAt).toEqual(now);
    expect((await logsOf(user.id, c))[0]!.reviewedAt).toEqual(now);
    // a rating claimed before the card's last review is dated at that review
    await rateNow(user, a, 3, at("2026-02-10T12:30:00Z"), { reviewedAt: at("2026-02-10T07:00:00Z") });
    expect((await logsOf(user.id, a)).map((l) => l.reviewedAt)).toEqual([offline, offline]);
  });

  it("is one transaction: when the log can't be written, the card state isn't changed either", async () => {
    const { user, cardIds } = await learner();
    const [fresh, started] = cardIds as [string, string];
    await rateNow(user, started, 3, at("2026-02-02T09:00:00Z"));
    const before = await stateRow(user.id, started);

    const engine = inject("engine");
    // a trigger that refuses the log row of the ratings below, after the card state was written
    const refuseLogs =
      engine === "sqlite"
        ? [
            `CREATE TRIGGER refuse_log BEFORE INSERT ON "ReviewLog" WHEN NEW."clientId" LIKE 'refuse-%' BEGIN SELECT RAISE(ABORT, 'log refused'); END`,
          ]
        : [
            `CREATE FUNCTION refuse_log() RETURNS trigger AS $$ BEGIN IF NEW."clientId" LIKE 'refuse-%' THEN RAISE EXCEPTION 'log refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
            `CREATE TRIGGER refuse_log BEFORE INSERT ON "ReviewLog" FOR EACH ROW EXECUTE FUNCTION refuse_log()`,
          ];
    const allowLogs =
      engine === "sqlite" ? [`DROP TRIGGER refuse_log`] : [`DROP TRIGGER refuse_log ON "ReviewLog"`, `DROP FUNCTION refuse_log()`];
    for (const sql of refuseLogs) await db.$executeRawUnsafe(sql);
    try {
      const now = at("2026-02-02T09:20:00Z");
      await expect(recordRating(user, input(fresh, 3, 0, { clientId: `refuse-${randomUUID()}` }), now)).rejects.toThrow();
      await expect(recordRating(user, input(started, 3, 1, { clientId: `refuse-${randomUUID()}` }), now)).rejects.toThrow();
    } finally {
      for (const sql of allowLogs) await db.$executeRawUnsafe(sql);
    }
    expect(await stateRow(user.id, fresh)).toBeNull();
    expect(await stateRow(user.id, started)).toEqual(before);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    // and the same ratings go through once the log can be written
    await rateNow(user, fresh, 3, at("2026-02-02T09:21:00Z"));
    await rateNow(user, started, 3, at("2026-02-02T09:21:00Z"));
  });
});

describe("the same rating sent twice", () => {
  it("is stored once and answered as a duplicate, one after the other", async () => {
    const { user, cardIds } = await learner();
    const cardId = cardIds[0]!;
    const t1 = at("2026-03-01T10:00:00Z");
    const rating = input(cardId, 3, 0);
    const first = await recordRating(user, rating, t1);
    const again = await recordRating(user, rating, new Date(t1.getTime() + 5_000));
    expect(first.status).toBe("saved");
    expect(again).toEqual({ status: "duplicate", card: first.card });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect(await versionOf(user.id, cardId)).toBe(1);

    // a late retry, after the card was rated again, changes nothing and returns the card as it is now
    const second = await rateNow(user, cardId, 3, at("2026-03-01T10:15:00Z"));
    expect(await recordRating(user, rating, at("2026-03-01T10:16:00Z"))).toEqual({ status: "duplicate", card: second.card });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(2);
    expect(await versionOf(user.id, cardId)).toBe(2);
  });

  it("is stored once when both copies arrive at the same time", async () => {
    const { user, cardIds } = await learner({ cards: 4 });
    let now = at("2026-03-02T10:00:00Z");
    for (const cardId of cardIds) {
      // twice per card: the first rating creates the card state, the second updates it
      for (let n = 0; n < 2; n++) {
        now = new Date(now.getTime() + 20 * MINUTE);
        const version = await versionOf(user.id, cardId);
        const rating = input(cardId, 3, version);
        const results = await Promise.all([recordRating(user, rating, now), recordRating(user, rating, now)]);
        expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "saved"]);
        expect(results[0].card).toEqual(results[1].card);
        expect(results[0].card.version).toBe(version + 1);
        expect(await db.reviewLog.count({ where: { userId: user.id, clientId: rating.clientId } })).toBe(1);
        expect(await versionOf(user.id, cardId)).toBe(version + 1);
      }
    }
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(8);
  });
});

describe("a rating made on a stale copy of the card", () => {
  it("is refused with the card as it is now, and nothing is written", async () => {
    const { user, cardIds } = await learner();
    const [cardId, neverRated] = cardIds as [string, string];
    await rateNow(user, cardId, 3, at("2026-03-03T10:00:00Z"));
    const before = await stateRow(user.id, cardId);

    const stale = await recordRating(user, input(cardId, 1, 0), at("2026-03-03T10:05:00Z"));
    expect(stale).toEqual({
      status: "stale",
      message: expect.stringMatching(/reviewed somewhere else/),
      card: { cardId, memory: memoryOf(before!), version: 1 },
    });
    expect(await stateRow(user.id, cardId)).toEqual(before);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);

    // a version the card never had is stale too, also for a card never rated
    expect((await recordRating(user, input(cardId, 1, 7), at("2026-03-03T10:05:00Z"))).status).toBe("stale");
    const ahead = await recordRating(user, input(neverRated, 3, 1), at("2026-03-03T10:05:00Z"));
    expect(ahead).toMatchObject({ status: "stale", card: { cardId: neverRated, version: 0, memory: { state: State.New } } });
    expect(await stateRow(user.id, neverRated)).toBeNull();
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("two different ratings at once against the same version: exactly one is saved, the other is stale", async () => {
    const { user, cardIds } = await learner({ cards: 4 });
    let now = at("2026-03-04T10:00:00Z");
    for (const cardId of cardIds) {
      for (let n = 0; n < 2; n++) {
        now = new Date(now.getTime() + 20 * MINUTE);
        const version = await versionOf(user.id, cardId);
        const [good, again] = [input(cardId, 3, version), input(cardId, 1, version)];
        const results = await Promise.all([recordRating(user, good, now), recordRating(user, again, now)]);
        expect(results.map((r) => r.status).sort()).toEqual(["saved", "stale"]);
        const saved = results.find((r) => r.status === "saved")!;
        const winner = saved === results[0] ? good : again;
        // the stale one gets the card as the winner left it
        expect(results.find((r) => r.status === "stale")!.card).toEqual(saved.card);
        expect(await versionOf(user.id, cardId)).toBe(version + 1);
        expect(await storedMemory(user.id, cardId)).toEqual(saved.card.memory);
        const logs = await db.reviewLog.findMany({ where: { userId: user.id, clientId: { in: [good.clientId, again.clientId] } } });
        expect(logs).toHaveLength(1);
        expect(logs[0]).toMatchObject({ clientId: winner.clientId, rating: winner.rating });
      }
    }
  });
});

describe("undo", () => {
  it("restores every field of the card state, removes the log, and walks back one rating at a time", async () => {
    const { user, cardIds } = await learner();
    const cardId = cardIds[0]!;
    const times = ["2026-04-01T09:00:00Z", "2026-04-01T09:11:00Z", "2026-04-03T18:00:00Z", "2026-04-12T08:00:00Z"].map(at);
    const ratings: RatingValue[] = [3, 3, 1, 3];
    const states: MemoryState[] = [];
    const clientIds: string[] = [];
    for (const [i, now] of times.entries()) {
      states.push((await stateRow(user.id, cardId)) ? await storedMemory(user.id, cardId) : newMemory(now));
      const rating = input(cardId, ratings[i]!, await versionOf(user.id, cardId));
      clientIds.push(rating.clientId);
      expect((await recordRating(user, rating, now)).status).toBe("saved");
    }
    expect(await storedMemory(user.id, cardId)).toMatchObject({ lapses: 1, reps: 4 });

    for (let i = times.length - 1; i >= 0; i--) {
      const version = await versionOf(user.id, cardId);
      const undone = await undoRating(user, clientIds[i]!);
      expect(undone).toEqual({ cardId, memory: states[i], version: version + 1 });
      expect(await storedMemory(user.id, cardId)).toEqual(states[i]);
      expect(await versionOf(user.id, cardId)).toBe(version + 1);
      expect(await db.reviewLog.count({ where: { userId: user.id, clientId: clientIds[i] } })).toBe(0);
      expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(i);
    }
    // back to a new card, which can be rated again against the version undo returned
    expect(await storedMemory(user.id, cardId)).toEqual(newMemory(times[0]!));
    expect(await versionOf(user.id, cardId)).toBe(2 * times.length);
    expect((await recordRating(user, input(cardId, 4, 2 * times.length), at("2026-04-12T09:00:00Z"))).status).toBe("saved");
    // an undone rating is gone: undoing it again finds nothing
    await expect(undoRating(user, clientIds[0]!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("only undoes the card's latest rating", async () => {
    const { user, cardIds } = await learner();
    const [cardId, other] = cardIds as [string, string];
    const first = input(cardId, 3, 0);
    expect((await recordRating(user, first, at("2026-04-02T09:00:00Z"))).status).toBe("saved");
    await rateNow(user, cardId, 3, at("2026-04-02T09:12:00Z"));
    await rateNow(user, other, 3, at("2026-04-02T09:13:00Z")); // a later rating of another card doesn't matter
    const before = await stateRow(user.id, cardId);
    await expect(undoRating(user, first.clientId)).rejects.toMatchObject({ code: "conflict" });
    expect(await stateRow(user.id, cardId)).toEqual(before);
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId } })).toBe(2);
    await expect(undoRating(user, "c-no-such-rating")).rejects.toMatchObject({ code: "not_found" });
  });

  it("knows which rating is the latest when two have the same time (an offline rating dated at the last review)", async () => {
    const { user, cardIds } = await learner();
    const cardId = cardIds[0]!;
    const t = at("2026-04-03T09:00:00Z");
    const first = input(cardId, 3, 0);
    await recordRating(user, first, t);
    const afterFirst = await storedMemory(user.id, cardId);
    const second = input(cardId, 3, 1, { reviewedAt: at("2026-04-03T08:00:00Z") });
    await recordRating(user, second, at("2026-04-03T09:30:00Z"));
    expect((await logsOf(user.id, cardId)).map((l) => l.reviewedAt)).toEqual([t, t]);
    await expect(undoRating(user, first.clientId)).rejects.toMatchObject({ code: "conflict" });
    expect((await undoRating(user, second.clientId)).memory).toEqual(afterFirst);
    expect((await undoRating(user, first.clientId)).memory).toEqual(newMemory(t));
  });
});

describe("bury and suspend", () => {
  it("bury hides a card until the next study day starts in the learner's time zone", async () => {
    const { user, deck, cardIds } = await learner();
    const [a, b, c] = cardIds as [string, string, string];
    await saveStudySettings(user.id, studySettingsSchema.parse({ ...settingsForm(), timeZone: "Europe/Berlin" }));
    // c becomes a review card due on 10 Mar
    await rateNow(user, c, 4, at("2026-03-01T12:00:00Z"));
    const now = at("2026-03-10T21:00:00Z"); // 22:00 in Berlin; the study day ends at 04:00 CET = 03:00Z
    expect((await sessionIds(user, now, deck.id)).ready.sort()).toEqual([a, b, c].sort());

    await buryCard(user, a, now);
    await buryCard(user, c, now);
    expect((await sessionIds(user, now, deck.id)).ready).toEqual([b]);
    expect((await sessionIds(user, at("2026-03-11T02:59:59Z"), deck.id)).ready).toEqual([b]);
    const nextDay = await sessionIds(user, at("2026-03-11T03:00:00Z"), deck.id);
    expect(nextDay.ready.sort()).toEqual([a, b, c].sort());
    // burying a never-studied card gave it a state (version 1): the next rating is made against it
    expect(nextDay.session.queue.ready.find((x) => x.cardId === a)).toMatchObject({ version: 1, memory: { state: State.New } });
    expect((await recordRating(user, input(a, 3, 1), at("2026-03-11T03:01:00Z"))).status).toBe("saved");
    // and a rating clears the burial
    expect(await stateRow(user.id, a)).toMatchObject({ buriedUntil: null, version: 2 });
  });

  it("suspend hides a card until it is unsuspended, whatever the day", async () => {
    const { user, deck, cardIds } = await learner();
    const [a, b, c] = cardIds as [string, string, string];
    await rateNow(user, c, 1, at("2026-03-12T10:00:00Z")); // learning
    const now = at("2026-03-12T10:30:00Z");
    await setSuspended(user, a, true, now);
    await setSuspended(user, c, true, now);
    expect((await sessionIds(user, now, deck.id)).ready).toEqual([b]);
    const later = await sessionIds(user, at("2026-04-20T10:00:00Z"), deck.id);
    expect([...later.ready, ...later.waiting]).toEqual([b]);
    await setSuspended(user, a, false, now);
    await setSuspended(user, c, false, now);
    expect((await sessionIds(user, at("2026-03-12T10:31:00Z"), deck.id)).ready.sort()).toEqual([a, b, c].sort());
    expect(await stateRow(user.id, c)).toMatchObject({ suspended: false, reps: 1 });
  });
});

function settingsForm(overrides: Record<string, unknown> = {}) {
  const s = DEFAULT_STUDY_SETTINGS;
  return {
    desiredRetention: s.scheduler.desiredRetention,
    maximumInterval: s.scheduler.maximumInterval,
    newPerDay: s.newPerDay,
    reviewsPerDay: s.reviewsPerDay,
    learningSteps: s.scheduler.learningSteps.join(" "),
    relearningSteps: s.scheduler.relearningSteps.join(" "),
    enableFuzz: s.scheduler.enableFuzz,
    dayStartHour: s.dayStartHour,
    timeZone: s.timeZone,
    ...overrides,
  };
}

describe("the new-card limit", () => {
  it("counts the new cards rated in this study day", async () => {
    const { user, deck, cardIds } = await learner({ cards: 5 });
    const [c0, c1, c2, c3] = cardIds as [string, string, string, string];
    await saveStudySettings(user.id, studySettingsSchema.parse(settingsForm({ newPerDay: 2 })));
    const t = (iso: string) => at(`2026-06-10T${iso}Z`);
    expect((await sessionIds(user, t("10:00:00"), deck.id)).ready).toEqual([c0, c1]);

    await rateNow(user, c0, 1, t("10:00:00")); // learning, due in a minute
    expect(await sessionIds(user, t("10:00:30"), deck.id)).toMatchObject({ ready: [c1], waiting: [c0] });
    const rated = await rateNow(user, c1, 3, t("10:01:00"));
    expect(await sessionIds(user, t("10:02:00"), deck.id)).toMatchObject({ ready: [c0], waiting: [c1] });
    await rateNow(user, c0, 3, t("10:02:00")); // a learning card: not a new one
    expect((await sessionIds(user, t("23:00:00"), deck.id)).ready).not.toContain(c2);
    // still the same study day at 03:59 the next morning: the two learning cards, no new ones
    expect((await sessionIds(user, at("2026-06-11T03:59:59Z"), deck.id)).ready.sort()).toEqual([c0, c1].sort());

    // undoing a new card's first rating gives its place back
    const c1Log = (await logsOf(user.id, c1)).at(-1)!;
    expect(rated.card.version).toBe(1);
    await undoRating(user, c1Log.clientId);
    expect((await sessionIds(user, t("10:20:00"), deck.id)).ready).toEqual([c0, c1]);
    await rateNow(user, c1, 3, t("10:21:00"));

    // the next study day (04:00 UTC) brings the next two
    const tomorrow = await sessionIds(user, at("2026-06-11T04:00:00Z"), deck.id);
    expect(tomorrow.ready.slice(-2)).toEqual([c2, c3]);
    expect(tomorrow.session.queue.ready.slice(-2).map((c) => c.memory.state)).toEqual([State.New, State.New]);
  });
});

describe("stopping studying a deck", () => {
  it("keeps the learner's card states and history, ready when they come back", async () => {
    const { user, deck, cardIds } = await learner();
    const cardId = cardIds[0]!;
    const { card } = await rateNow(user, cardId, 3, at("2026-05-01T10:00:00Z"));
    const clientId = (await logsOf(user.id, cardId))[0]!.clientId;
    const state = await stateRow(user.id, cardId);
    await stopStudying(user, deck.id);
    await expect(undoRating(user, clientId)).rejects.toMatchObject({ code: "not_found" });
    expect(await isStudying(user, deck.id)).toBe(false);
    expect((await loadStudySession(user, {}, at("2026-05-01T10:30:00Z"))).queue).toEqual({ ready: [], waiting: [] });
    await expect(recordRating(user, input(cardId, 3, 1), at("2026-05-01T10:30:00Z"))).rejects.toMatchObject({ code: "not_found" });
    expect(await stateRow(user.id, cardId)).toEqual(state);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect((await listHistory(user, 1)).total).toBe(1);

    await startStudying(user, deck.id);
    const back = await loadStudySession(user, {}, at("2026-05-01T10:30:00Z"));
    expect(back.queue.ready.find((c) => c.cardId === cardId)).toMatchObject({ version: 1, memory: card.memory });
    expect(card.memory).toEqual(memoryOf(state!));
  });
});

describe("replaying the review log", () => {
  // a realistic history: learning steps, graduation, a burial, a lapse, an undo, an offline rating
  const script: ({ rate: RatingValue; at: string; reviewedAt?: string } | { undo: true } | { bury: string })[] = [
    { rate: 3, at: "2026-01-05T09:00:00Z" },
    { rate: 3, at: "2026-01-05T09:10:30Z" },
    { bury: "2026-01-07T08:00:00Z" },
    { rate: 3, at: "2026-01-08T20:00:00Z" },
    { rate: 1, at: "2026-01-20T08:00:00Z" },
    { undo: true },
    { rate: 2, at: "2026-01-20T08:01:00Z" },
    { rate: 4, at: "2026-02-15T12:00:00Z", reviewedAt: "2026-02-14T19:00:00Z" },
    { rate: 1, at: "2026-03-30T07:00:00Z" },
    { rate: 3, at: "2026-03-30T07:11:00Z" },
    { rate: 3, at: "2026-04-02T07:00:00Z" },
    { rate: 2, at: "2026-06-01T07:00:00Z" },
    { rate: 3, at: "2026-09-15T18:45:00Z" },
  ];

  it.each([
    ["default settings (fuzz on)", null],
    [
      "custom settings",
      { desiredRetention: 0.85, learningSteps: "2m 15m 1h", relearningSteps: "5m 30m", enableFuzz: false, maximumInterval: 200 },
    ],
  ])("reproduces the stored card state exactly, %s", async (_name, custom) => {
    const { user, cardIds } = await learner();
    const [cardId, other] = cardIds as [string, string];
    if (custom) await saveStudySettings(user.id, studySettingsSchema.parse(settingsForm(custom)));
    const settings = custom ? (await loadStudySession(user, {}, at("2026-01-05T09:00:00Z"))).settings.scheduler : defaults;
    let lastClientId = "";
    for (const step of script) {
      if ("undo" in step) await undoRating(user, lastClientId);
      else if ("bury" in step) await buryCard(user, cardId, at(step.bury));
      else {
        const rating = input(
          cardId,
          step.rate,
          await versionOf(user.id, cardId),
          step.reviewedAt ? { reviewedAt: at(step.reviewedAt) } : {},
        );
        lastClientId = rating.clientId;
        expect((await recordRating(user, rating, at(step.at))).status).toBe("saved");
        // another card rated in between, so the log holds more than this card
        await rateNow(user, other, 3, new Date(at(step.at).getTime() + 1000));
      }
    }

    const logs = await logsOf(user.id, cardId);
    expect(logs).toHaveLength(script.filter((s) => "rate" in s).length - 1);
    const history = logs.map((l) => ({ rating: l.rating as RatingValue, reviewedAt: l.reviewedAt }));
    const stored = await storedMemory(user.id, cardId);
    expect(stored).toMatchObject({ lapses: 1, reps: 10 });
    expect(replay(history, settings)).toEqual(stored);
    // each log row holds the state the ratings before it produced, and the due date its own rating gave
    for (let i = 0; i < logs.length; i++) {
      const before = i === 0 ? newMemory(logs[0]!.reviewedAt) : replay(history.slice(0, i), settings)!;
      expect(memoryOf(logs[i]!)).toEqual(i === 0 ? { ...before, due: logs[0]!.due } : before);
      expect(logs[i]!.nextDue).toEqual(replay(history.slice(0, i + 1), settings)!.due);
    }
  });
});

describe("access", () => {
  it("another user can't rate, undo, bury or suspend the cards of a private deck: to them it does not exist", async () => {
    const { user: owner, deck, cardIds } = await learner();
    const [rated, untouched] = cardIds as [string, string];
    const ownersRating = input(rated, 3, 0);
    await recordRating(owner, ownersRating, at("2026-07-01T10:00:00Z"));
    const ownersState = await stateRow(owner.id, rated);
    const other = await makeUser("other");
    const now = at("2026-07-01T10:05:00Z");

    await expect(startStudying(other, deck.id)).rejects.toMatchObject({ code: "not_found" });
    const missingCard = await refusal(recordRating(other, input("no-such-card", 3, 0), now));
    expect(missingCard.code).toBe("not_found");
    for (const cardId of [rated, untouched]) {
      expect(await refusal(recordRating(other, input(cardId, 3, 0), now))).toEqual(missingCard);
      expect(await refusal(recordRating(other, input(cardId, 3, 1), now))).toEqual(missingCard);
      expect(await refusal(buryCard(other, cardId, now))).toEqual(await refusal(buryCard(other, "no-such-card", now)));
      expect(await refusal(setSuspended(other, cardId, true, now))).toEqual(await refusal(setSuspended(other, "no-such-card", true, now)));
    }
    expect(await refusal(undoRating(other, ownersRating.clientId))).toEqual(await refusal(undoRating(other, "c-no-such-rating")));
    expect((await refusal(undoRating(other, ownersRating.clientId))).code).toBe("not_found");

    expect(await stateRow(owner.id, rated)).toEqual(ownersState);
    expect(await stateRow(owner.id, untouched)).toBeNull();
    expect(await db.cardState.count({ where: { userId: other.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: owner.id } })).toBe(1);
    expect((await loadStudySession(other, {}, now)).queue).toEqual({ ready: [], waiting: [] });
    expect((await loadStudySession(other, { deckId: deck.id }, now)).queue).toEqual({ ready: [], waiting: [] });
    expect(await listHistory(other, 1)).toEqual({ entries: [], total: 0, pages: 1 });
    expect((await listHistory(owner, 1)).total).toBe(1);
  });

  it("a deck made private after another user started studying it is closed to them too", async () => {
    const { user: owner, deck, cardIds } = await learner({ visibility: "public" });
    const [a, b] = cardIds as [string, string];
    const other = await makeUser("other");
    await startStudying(other, deck.id);
    await rateNow(owner, a, 4, at("2026-07-02T10:00:00Z"));
    const othersRating = input(b, 1, 0);
    await recordRating(other, othersRating, at("2026-07-02T10:00:00Z"));
    await db.deck.update({ where: { id: deck.id }, data: { visibility: "private" } });

    const now = at("2026-07-02T10:30:00Z");
    expect(await isStudying(other, deck.id)).toBe(true); // the DeckStudy row is still there
    for (const cardId of [a, b]) {
      await expect(recordRating(other, input(cardId, 3, await versionOf(other.id, cardId)), now)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(buryCard(other, cardId, now)).rejects.toMatchObject({ code: "not_found" });
      await expect(setSuspended(other, cardId, true, now)).rejects.toMatchObject({ code: "not_found" });
    }
    const session = await loadStudySession(other, {}, now);
    expect([...session.queue.ready, ...session.queue.waiting]).toEqual([]);
    const history = await listHistory(other, 1);
    const ownersLogIds = (await logsOf(owner.id)).map((l) => l.id);
    expect(history.entries.map((e) => e.id).filter((id) => ownersLogIds.includes(id))).toEqual([]);
  });

  it("a public deck's cards can be rated only by those who study it, each with their own memory", async () => {
    const author = await makeUser("author");
    const deck = await makeDeck(author.id, { visibility: "public", cards: 2 });
    const [a] = (await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } })).map((c) => c.id) as [string];
    const first = await makeUser("first");
    const second = await makeUser("second");
    const now = at("2026-07-03T10:00:00Z");

    await expect(recordRating(first, input(a, 3, 0), now)).rejects.toMatchObject({ code: "not_found" });
    await expect(buryCard(first, a, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(setSuspended(first, a, true, now)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.cardState.count({ where: { userId: first.id } })).toBe(0);

    await startStudying(first, deck.id);
    await startStudying(second, deck.id);
    const firstsRating = input(a, 4, 0);
    expect((await recordRating(first, firstsRating, now)).status).toBe("saved");
    // the second learner still sees the card as new, made against their own version 0
    const secondsView = await loadStudySession(second, { deckId: deck.id }, now);
    expect(secondsView.queue.ready[0]).toMatchObject({ cardId: a, version: 0, memory: { state: State.New, reps: 0 } });
    expect((await recordRating(second, input(a, 1, 0), now)).status).toBe("saved");
    expect(await stateRow(first.id, a)).toMatchObject({ state: State.Review, version: 1 });
    expect(await stateRow(second.id, a)).toMatchObject({ state: State.Learning, version: 1 });
    // nobody undoes another's rating, and histories stay apart
    await expect(undoRating(second, firstsRating.clientId)).rejects.toMatchObject({ code: "not_found" });
    expect((await listHistory(first, 1)).entries.map((e) => e.rating)).toEqual([4]);
    expect((await listHistory(second, 1)).entries.map((e) => e.rating)).toEqual([1]);
    expect((await loadStudySession(author, {}, now)).queue.ready).toEqual([]); // the author doesn't study it
  });
});
