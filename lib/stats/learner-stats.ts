// A learner's own stats: what they did (a heatmap of reviews, streaks, today), how well they remember
// (retention, overall and by tag), what is coming (cards due in the next two weeks) and where their
// cards stand. Only the viewer's own states and ratings are read, never anyone else's.
//
// Days are study days (lib/scheduling/study-day.ts): in the learner's time zone, starting at their day-start hour,
// so a review at 02:00 counts for the day before. The database only stores instants, and where a day
// begins depends on the zone, so reviews are fetched for the window (bounded: 84 days) and bucketed
// by the days' start instants; everything else comes from counts and grouped queries. This file reads;
// lib/stats/learner-summary.ts (pure) makes the stats from what it read.
import "server-only";
import { studiedDecks, type Viewer, liveCard } from "../decks/access";
import { db } from "../server/db";
import { State } from "../scheduling/fsrs";
import { getStudySettings } from "../review/settings";
import { studyDay } from "../scheduling/study-day";
import {
  daysEndingWith,
  HEATMAP_DAYS,
  learnerStatsFrom,
  MATURE_DAYS,
  reviewsPerDay,
  RETENTION_DAYS,
  statsWindow,
  streaks,
  type LearnerStats,
  type LearnerStatsRows,
  type StatsWindow,
} from "./learner-summary";

export { FORECAST_DAYS, HEATMAP_DAYS, MATURE_DAYS, RETENTION_DAYS } from "./learner-summary";
export type { DayCount, LearnerStats, Retention, TagRetention } from "./learner-summary";

/** The streak alone (the Today page's line): one read of the window's review times, nothing else. */
export async function getStreak(viewer: Viewer, now = new Date()): Promise<LearnerStats["streak"]> {
  const { timeZone, dayStartHour } = await getStudySettings(viewer.id);
  const past = daysEndingWith(studyDay(now, timeZone, dayStartHour), HEATMAP_DAYS, timeZone, dayStartHour);
  const logs = await db.reviewLog.findMany({
    where: { userId: viewer.id, reviewedAt: { gte: past[0]!.start, lt: past.at(-1)!.end } },
    select: { reviewedAt: true },
  });
  const times = logs.map((l) => l.reviewedAt);
  return streaks(reviewsPerDay(past, times));
}

export async function getLearnerStats(viewer: Viewer, now = new Date()): Promise<LearnerStats> {
  const settings = await getStudySettings(viewer.id);
  const window = statsWindow(now, settings.timeZone, settings.dayStartHour);
  const ratings = await readRatings(viewer, window);
  const deckIds = ratings.decks.map((d) => d.id);
  const cards = await readCardStates(viewer, window, deckIds);
  return learnerStatsFrom(settings, window, { ...ratings, ...cards });
}

/** The learner's ratings of the window, and the decks they study. */
async function readRatings(viewer: Viewer, { today, past }: StatsWindow) {
  const userId = viewer.id;
  const inRetentionWindow = { gte: past.at(-RETENTION_DAYS)!.start, lt: today.end };
  const [ratings, anyReview, ratingsPerCard, cardTags, decks] = await Promise.all([
    db.reviewLog.findMany({
      where: { userId, reviewedAt: { gte: past[0]!.start, lt: today.end } },
      select: { reviewedAt: true, rating: true, durationMs: true, state: true, scheduledDays: true },
    }),
    db.reviewLog.findFirst({ where: { userId }, orderBy: { reviewedAt: "asc" }, select: { reviewedAt: true } }),
    db.reviewLog.groupBy({
      by: ["cardId", "rating"],
      where: { userId, reviewedAt: inRetentionWindow },
      _count: { _all: true },
    }),
    db.cardTag.findMany({
      where: { card: { reviewLogs: { some: { userId, reviewedAt: inRetentionWindow } } } },
      select: { cardId: true, tag: true },
    }),
    db.deck.findMany({
      where: studiedDecks(viewer),
      orderBy: { title: "asc" },
      select: { id: true, title: true, _count: { select: { cards: { where: liveCard } } } },
    }),
  ]);
  return { ratings, firstReview: anyReview?.reviewedAt ?? null, ratingsPerCard, cardTags, decks };
}

/** The learner's cards in the decks they study: the forecast's due counts, their states, and per deck how many are met and known well. */
async function readCardStates(
  viewer: Viewer,
  { today, ahead }: StatsWindow,
  deckIds: string[],
): Promise<Pick<LearnerStatsRows, "overdue" | "dueToday" | "dueLater" | "byState" | "seenByDeck" | "wellKnownByDeck">> {
  if (deckIds.length === 0) return { overdue: 0, dueToday: 0, dueLater: [], byState: [], seenByDeck: [], wellKnownByDeck: [] };
  const mine = { userId: viewer.id, deckId: { in: deckIds }, card: liveCard };
  const scheduled = { ...mine, suspended: false, state: { not: State.New } };
  const [overdue, dueToday, dueLater, byState, seenByDeck, wellKnownByDeck] = await Promise.all([
    db.cardState.count({ where: { ...scheduled, due: { lt: today.start } } }),
    db.cardState.count({ where: { ...scheduled, due: { lt: today.end } } }),
    db.cardState.findMany({
      where: { ...scheduled, due: { gte: today.end, lt: ahead.at(-1)!.end } },
      select: { due: true },
    }),
    db.cardState.groupBy({ by: ["state", "suspended"], where: mine, _count: { _all: true } }),
    db.cardState.groupBy({ by: ["deckId"], where: { ...mine, state: { not: State.New } }, _count: { _all: true } }),
    db.cardState.groupBy({
      by: ["deckId"],
      where: { ...mine, state: State.Review, scheduledDays: { gte: MATURE_DAYS } },
      _count: { _all: true },
    }),
  ]);
  return { overdue, dueToday, dueLater, byState, seenByDeck, wellKnownByDeck };
}
