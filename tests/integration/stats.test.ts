import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getLearnerStats, getStreak, HEATMAP_DAYS } from "@/lib/stats/learner-stats";
import { insertCardState, insertReviewLog, makeDeck, makeUser } from "./helpers";

// Noon in New York on Sunday 10 November 2030. The learner's days start at 04:00 there, and the
// 12-week window reaches back across the end of daylight saving time (02:00 EDT became 01:00 EST on
// Sunday 3 November 2030): the study day of 2 November was 25 hours long.
const NOW = new Date("2030-11-10T12:00:00-05:00");
const DAY = 24 * 60 * 60_000;

type CardRef = { id: string; deckId: string };

async function cardsOf(deckId: string): Promise<CardRef[]> {
  return db.card.findMany({ where: { deckId }, orderBy: { position: "asc" }, select: { id: true, deckId: true } });
}

async function tag(card: CardRef, ...tags: string[]) {
  await db.cardTag.createMany({ data: tags.map((t) => ({ cardId: card.id, tag: t })) });
}

async function review(
  userId: string,
  card: CardRef,
  rating: number,
  at: string,
  before: { state?: number; scheduledDays?: number; durationMs?: number } = {},
) {
  await insertReviewLog(userId, card, rating, new Date(at), before);
}

async function cardState(userId: string, card: CardRef, state: number, due: string, suspended = false) {
  await insertCardState(userId, card, state, new Date(due), { suspended, lastReview: new Date("2030-11-01T12:00:00-04:00") });
}

/** The 84 calendar dates ending with `last`, oldest first. */
function datesEndingWith(last: string, count: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * DAY).toISOString().slice(0, 10));
}

describe("a learner's stats", () => {
  it("buckets, counts and forecasts by the learner's own study days, from their own data only", async () => {
    const me = await makeUser("me");
    const other = await makeUser("other");
    await db.studySettings.create({ data: { userId: me.id, timeZone: "America/New_York", dayStartHour: 4 } });
    await db.studySettings.create({ data: { userId: other.id, timeZone: "Asia/Tokyo", dayStartHour: 0 } });

    const deckA = await makeDeck(me.id, { cards: 5, visibility: "public" });
    const deckB = await makeDeck(me.id, { cards: 4 });
    const deckC = await makeDeck(me.id, { cards: 1, visibility: "public" }); // I don't study it; the other learner does
    await db.deckStudy.createMany({
      data: [
        { userId: me.id, deckId: deckA.id },
        { userId: me.id, deckId: deckB.id },
        { userId: other.id, deckId: deckA.id },
        { userId: other.id, deckId: deckC.id },
      ],
    });
    const [a0, a1, a2, a3, a4] = await cardsOf(deckA.id);
    const [b0, b1, b2, b3] = await cardsOf(deckB.id);
    const [c0] = await cardsOf(deckC.id);
    await db.card.update({ where: { id: a4!.id }, data: { retiredAt: new Date("2030-10-01T00:00:00Z") } });
    // every card has "basics" (from makeDeck)
    await tag(a0!, "sql");
    await tag(a1!, "sql");
    await tag(a2!, "trees");
    await tag(b0!, "graphs");
    await tag(b1!, "graphs");
    await tag(a3!, "old");

    // ---- my ratings in the last 30 study days (from 2030-10-12 04:00 EDT) ----
    await review(me.id, a0!, 1, "2030-10-12T05:00:00-04:00", { state: 2, scheduledDays: 30 }); // mature, missed
    await review(me.id, a1!, 3, "2030-10-29T12:00:00-04:00", { state: 2, scheduledDays: 5 }); // young
    await review(me.id, a2!, 3, "2030-10-30T12:00:00-04:00", { state: 1 });
    await review(me.id, b0!, 1, "2030-10-31T12:00:00-04:00", { state: 2, scheduledDays: 10 }); // young, missed
    await review(me.id, b0!, 3, "2030-11-01T12:00:00-04:00", { state: 3 });
    await review(me.id, a0!, 3, "2030-11-02T04:30:00-04:00", { state: 3 });
    // 03:30 EST on the day the clocks went back: still 2 November's study day
    await review(me.id, a1!, 4, "2030-11-03T03:30:00-05:00", { state: 2, scheduledDays: 25 }); // mature
    await review(me.id, b1!, 3, "2030-11-08T12:00:00-05:00", { state: 0 });
    // 02:00 and 03:59 local on the 10th count for the 9th
    await review(me.id, a0!, 3, "2030-11-10T02:00:00-05:00", { state: 2, scheduledDays: 40 }); // mature
    await review(me.id, b1!, 1, "2030-11-10T03:59:00-05:00", { state: 1 });
    await review(me.id, a2!, 4, "2030-11-09T20:00:00-05:00", { state: 2, scheduledDays: 3 }); // young
    // today, from the first second of the study day
    await review(me.id, a1!, 3, "2030-11-10T04:00:00-05:00", { state: 2, scheduledDays: 21, durationMs: 5000 }); // mature
    await review(me.id, b0!, 3, "2030-11-10T09:00:00-05:00", { state: 2, scheduledDays: 2, durationMs: 4000 }); // young
    await review(me.id, a2!, 1, "2030-11-10T10:00:00-05:00", { state: 2, scheduledDays: 8, durationMs: 6000 }); // young, missed
    // ---- in the heatmap, before the retention window ----
    await review(me.id, a3!, 3, "2030-10-12T03:00:00-04:00"); // 11 October
    await review(me.id, a3!, 1, "2030-08-19T04:00:00-04:00"); // the window's first day, first second
    await review(me.id, a3!, 2, "2030-09-15T12:00:00-04:00");
    // ---- before the heatmap ----
    await review(me.id, a3!, 1, "2030-08-19T03:59:00-04:00"); // 18 August
    await review(me.id, a3!, 3, "2030-08-01T12:00:00-04:00");

    // ---- someone else's ratings, on the same cards and days: none of them may show ----
    for (const card of [a0!, a3!, c0!]) {
      await review(other.id, card, 1, "2030-11-10T09:30:00-05:00");
      await review(other.id, card, 1, "2030-11-07T12:00:00-05:00");
      await review(other.id, card, 1, "2030-11-05T12:00:00-05:00");
    }

    // ---- my card states ----
    await cardState(me.id, a0!, 2, "2030-11-01T12:00:00-04:00"); // overdue: today
    await cardState(me.id, a1!, 2, "2030-11-10T20:00:00-05:00"); // today
    await cardState(me.id, a2!, 1, "2030-11-11T03:00:00-05:00"); // before tomorrow's 04:00: today
    await cardState(me.id, a3!, 2, "2030-11-11T04:00:00-05:00"); // tomorrow
    await cardState(me.id, a4!, 2, "2030-11-10T12:00:00-05:00"); // retired: nowhere
    await cardState(me.id, b0!, 3, "2030-11-23T12:00:00-05:00"); // the 14th day
    await cardState(me.id, b1!, 2, "2030-11-24T04:00:00-05:00"); // after the forecast
    await cardState(me.id, b2!, 0, "2030-11-09T12:00:00-05:00"); // new (buried once): not forecast
    await cardState(me.id, b3!, 2, "2030-11-09T12:00:00-05:00", true); // suspended
    await cardState(me.id, c0!, 2, "2030-11-10T12:00:00-05:00"); // a deck I don't study
    for (const card of [a0!, a1!, a2!, a3!, b0!, c0!]) await cardState(other.id, card, 1, "2030-11-10T12:00:00-05:00");

    const stats = await getLearnerStats(me, NOW);

    expect(stats.timeZone).toBe("America/New_York");
    expect(stats.hasReviews).toBe(true);

    // heatmap: 84 consecutive study days ending today, no date twice across the DST change
    expect(stats.heatmap.map((d) => d.date)).toEqual(datesEndingWith("2030-11-10", HEATMAP_DAYS));
    expect(stats.heatmap[0]!.date).toBe("2030-08-19");
    const expected: Record<string, number> = {
      "2030-08-19": 1,
      "2030-09-15": 1,
      "2030-10-11": 1,
      "2030-10-12": 1,
      "2030-10-29": 1,
      "2030-10-30": 1,
      "2030-10-31": 1,
      "2030-11-01": 1,
      "2030-11-02": 2,
      "2030-11-08": 1,
      "2030-11-09": 3,
      "2030-11-10": 3,
    };
    expect(Object.fromEntries(stats.heatmap.filter((d) => d.count > 0).map((d) => [d.date, d.count]))).toEqual(expected);

    expect(stats.streak).toEqual({ current: 3, longest: 5, currentAtLeast: false });

    expect(stats.today).toEqual({ date: "2030-11-10", reviews: 3, timeMs: 15_000, retention: { reviews: 3, passed: 2, rate: 2 / 3 } });

    expect(stats.retention).toEqual({
      overall: { reviews: 14, passed: 10, rate: 10 / 14 },
      young: { reviews: 5, passed: 3, rate: 3 / 5 },
      mature: { reviews: 4, passed: 3, rate: 3 / 4 },
    });

    // "old" (a3) was only rated before the window, by me; the other learner's ratings of it don't count
    expect(stats.tags).toEqual([
      { tag: "graphs", reviews: 5, passed: 3, rate: 3 / 5 },
      { tag: "trees", reviews: 3, passed: 2, rate: 2 / 3 },
      { tag: "basics", reviews: 14, passed: 10, rate: 10 / 14 },
      { tag: "sql", reviews: 6, passed: 5, rate: 5 / 6 },
    ]);

    expect(stats.forecast.days.map((d) => d.date)).toEqual(
      Array.from({ length: 14 }, (_, i) => `2030-11-${String(10 + i).padStart(2, "0")}`),
    );
    expect(stats.forecast.days.map((d) => d.due)).toEqual([3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(stats.forecast.overdue).toBe(1);

    expect(stats.states).toEqual({ newStarted: 1, learning: 1, review: 4, relearning: 1, suspended: 1, total: 8 });

    // The other learner sees only their own, by their own days: in Tokyo, with days starting at
    // midnight, it is already 02:00 on the 11th, and their ratings fell on the 6th, 8th and 10th.
    const theirs = await getLearnerStats(other, NOW);
    expect(theirs.heatmap.filter((d) => d.count > 0)).toEqual([
      { date: "2030-11-06", count: 3 },
      { date: "2030-11-08", count: 3 },
      { date: "2030-11-10", count: 3 },
    ]);
    expect(theirs.today).toMatchObject({ date: "2030-11-11", reviews: 0 });
    expect(theirs.streak).toEqual({ current: 1, longest: 1, currentAtLeast: false });
    expect(theirs.retention.overall).toEqual({ reviews: 9, passed: 0, rate: 0 });
    expect(theirs.tags.map((t) => t.tag).sort()).toEqual(["basics", "old", "sql"]);
    // deck A's live cards a0-a3 and deck C's c0; deck B isn't theirs to study
    expect(theirs.states).toEqual({ newStarted: 0, learning: 5, review: 0, relearning: 0, suspended: 0, total: 5 });
    expect(theirs.forecast.days[0]!.due).toBe(5);
    expect(theirs.forecast.overdue).toBe(0);

    // A day later, today has no review yet: the streak that ended yesterday still counts.
    const tomorrow = await getLearnerStats(me, new Date(NOW.getTime() + DAY));
    expect(tomorrow.streak).toEqual({ current: 3, longest: 5, currentAtLeast: false });
    expect(tomorrow.today.reviews).toBe(0);
    expect(tomorrow.today.retention.rate).toBeNull();
    // The Today page's streak-only read agrees, today and tomorrow.
    expect(await getStreak(me, NOW)).toEqual(stats.streak);
    expect(await getStreak(me, new Date(NOW.getTime() + DAY))).toEqual(tomorrow.streak);
    // The day after, it is broken.
    const later = await getLearnerStats(me, new Date(NOW.getTime() + 2 * DAY));
    expect(later.streak.current).toBe(0);
    expect(later.streak.longest).toBe(5);
  });

  it("sizes the heatmap to the learner's history: whole weeks back to the first review", async () => {
    const me = await makeUser("newish");
    const deck = await makeDeck(me.id, { cards: 1 });
    const [card] = await db.card.findMany({ where: { deckId: deck.id } });
    await insertReviewLog(me.id, card!, 3, new Date(NOW.getTime() - 16 * DAY));
    const stats = await getLearnerStats(me, NOW);
    expect(stats.heatmap).toHaveLength(21);
    expect(stats.heatmap.filter((d) => d.count > 0)).toHaveLength(1);
  });

  it("is empty for a learner who never studied", async () => {
    const fresh = await makeUser("fresh");
    const stats = await getLearnerStats(fresh, NOW);
    expect(stats.hasReviews).toBe(false);
    expect(stats.timeZone).toBe("UTC");
    expect(stats.heatmap).toHaveLength(14); // sized to the history: two weeks at least
    expect(stats.heatmap.every((d) => d.count === 0)).toBe(true);
    expect(stats.heatmap.at(-1)!.date).toBe("2030-11-10");
    expect(stats.streak).toEqual({ current: 0, longest: 0, currentAtLeast: false });
    expect(stats.today).toEqual({ date: "2030-11-10", reviews: 0, timeMs: 0, retention: { reviews: 0, passed: 0, rate: null } });
    expect(stats.retention.overall.rate).toBeNull();
    expect(stats.tags).toEqual([]);
    expect(stats.forecast.days.map((d) => d.due)).toEqual(Array(14).fill(0));
    expect(stats.states).toEqual({ newStarted: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 });
  });

  it("says when the current streak fills the whole window", async () => {
    const keen = await makeUser("keen");
    const deck = await makeDeck(keen.id, { cards: 1 });
    const [card] = await cardsOf(deck.id);
    // UTC, day start 04:00 (the defaults): one review at noon on each of the last 90 days, today included
    for (let i = 0; i < 90; i++) await review(keen.id, card!, 3, new Date(Date.parse("2030-11-10T12:00:00Z") - i * DAY).toISOString());
    const stats = await getLearnerStats(keen, new Date("2030-11-10T13:00:00Z"));
    expect(stats.streak).toEqual({ current: HEATMAP_DAYS, longest: HEATMAP_DAYS, currentAtLeast: true });
  });
});
