// A learner's own stats: what they did (a heatmap of reviews, streaks, today), how well they remember
// (retention, overall and by tag), what is coming (cards due in the next two weeks) and where their
// cards stand. Only the viewer's own states and ratings are read, never anyone else's.
//
// Days are study days (lib/scheduling/study-day.ts): in the learner's time zone, starting at their day-start hour,
// so a review at 02:00 counts for the day before. The database only stores instants, and where a day
// begins depends on the zone, so reviews are fetched for the window (bounded: 84 days) and bucketed
// here by the days' start instants; everything else comes from counts and grouped queries.
import "server-only";
import { studiedDecks, type Viewer, liveCard } from "../decks/access";
import { db } from "../server/db";
import { Rating, State } from "../scheduling/fsrs";
import { getStudySettings } from "../review/settings";
import { studyDay, type StudyDay } from "../scheduling/study-day";

/** Twelve weeks of study days in the heatmap, today included. */
export const HEATMAP_DAYS = 84;
/** Retention, overall and by tag, is measured over the last 30 study days, today included. */
export const RETENTION_DAYS = 30;
/** The forecast covers today (with everything overdue) and the 13 study days after it. */
export const FORECAST_DAYS = 14;
/** Like Anki: a review card whose interval was 21 days or more is "mature", shorter ones "young". */
export const MATURE_DAYS = 21;

export interface Retention {
  /** Ratings counted. */
  reviews: number;
  /** Ratings that were not Again. */
  passed: number;
  /** passed / reviews, from 0 to 1; null without ratings. */
  rate: number | null;
}

export interface TagRetention extends Retention {
  tag: string;
  rate: number;
}

export interface DayCount {
  /** The study day's calendar date, "2030-11-10". */
  date: string;
  count: number;
}

export interface LearnerStats {
  timeZone: string;
  dayStartHour: number;
  /** Whether the learner ever rated a card (the page shows an empty state until they did). */
  hasReviews: boolean;
  /**
   * Reviews per study day, oldest first, the last one today: sized to the learner's history (whole
   * weeks back to their first review, at least two, at most HEATMAP_DAYS days).
   */
  heatmap: DayCount[];
  streak: {
    /** Consecutive study days with a review, ending today or, when today has none yet, yesterday. */
    current: number;
    /** The longest run inside the heatmap's window. */
    longest: number;
    /** The current run reaches back to the window's first day: it may be longer than counted. */
    currentAtLeast: boolean;
  };
  today: { date: string; reviews: number; timeMs: number; retention: Retention };
  /** The last RETENTION_DAYS study days: every rating, and review-card ratings split by interval. */
  retention: { overall: Retention; young: Retention; mature: Retention };
  /** Tags of the cards rated in the last RETENTION_DAYS study days, weakest first. */
  tags: TagRetention[];
  forecast: {
    /** Started, not suspended cards of studied decks due per study day, today first (overdue included). */
    days: { date: string; due: number }[];
    /** Of today's count, the cards due before today began. */
    overdue: number;
  };
  /** Per studied deck: its live cards, how many the learner has met, and how many they know well. */
  coverage: { deckId: string; title: string; cards: number; seen: number; wellKnown: number }[];
  /** The learner's cards in the decks they study (live cards only), by where they stand. */
  states: { newStarted: number; learning: number; review: number; relearning: number; suspended: number; total: number };
}

function retention(reviews: number, passed: number): Retention {
  return { reviews, passed, rate: reviews === 0 ? null : passed / reviews };
}

// Study days only depend on the zone's rules, so the days next to one are remembered: computing one
// takes about a millisecond (time zone formatting), and a page shows 98 of them.
const neighbours = new Map<string, StudyDay>();
const NEIGHBOURS_KEPT = 20_000;

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The study day just before or after `day`. */
function nextTo(day: StudyDay, direction: -1 | 1, timeZone: string, dayStartHour: number): StudyDay {
  const key = `${timeZone} ${dayStartHour} ${shiftDate(day.date, direction)}`;
  let found = neighbours.get(key);
  if (!found) {
    found = studyDay(direction < 0 ? new Date(day.start.getTime() - 1) : day.end, timeZone, dayStartHour);
    if (neighbours.size >= NEIGHBOURS_KEPT) neighbours.clear();
    neighbours.set(key, found);
  }
  return found;
}

/** `count` consecutive study days ending with `last`, oldest first. */
function daysEndingWith(last: StudyDay, count: number, timeZone: string, dayStartHour: number): StudyDay[] {
  const days = [last];
  while (days.length < count) days.unshift(nextTo(days[0]!, -1, timeZone, dayStartHour));
  return days;
}

/** `count` consecutive study days starting with `first`. */
function daysStartingWith(first: StudyDay, count: number, timeZone: string, dayStartHour: number): StudyDay[] {
  const days = [first];
  while (days.length < count) days.push(nextTo(days.at(-1)!, 1, timeZone, dayStartHour));
  return days;
}

/** The index of the day containing `instant`, or -1 outside the days. */
function dayIndex(days: StudyDay[], instant: Date): number {
  const t = instant.getTime();
  if (t < days[0]!.start.getTime() || t >= days.at(-1)!.end.getTime()) return -1;
  let [lo, hi] = [0, days.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]!.start.getTime() <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function streaks(counts: number[]): LearnerStats["streak"] {
  let longest = 0;
  let run = 0;
  for (const count of counts) {
    run = count > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  // today may have no review yet: a run that ended yesterday is still current
  let end = counts.length - 1;
  if (counts[end] === 0) end--;
  let current = 0;
  while (end - current >= 0 && counts[end - current]! > 0) current++;
  return { current, longest, currentAtLeast: current > 0 && current === end + 1 };
}

/** The streak alone (the Today page's line): one read of the window's review times, nothing else. */
export async function getStreak(viewer: Viewer, now = new Date()): Promise<LearnerStats["streak"]> {
  const { timeZone, dayStartHour } = await getStudySettings(viewer.id);
  const past = daysEndingWith(studyDay(now, timeZone, dayStartHour), HEATMAP_DAYS, timeZone, dayStartHour);
  const logs = await db.reviewLog.findMany({
    where: { userId: viewer.id, reviewedAt: { gte: past[0]!.start, lt: past.at(-1)!.end } },
    select: { reviewedAt: true },
  });
  const counts = past.map(() => 0);
  for (const { reviewedAt } of logs) {
    const index = dayIndex(past, reviewedAt);
    if (index >= 0) counts[index]!++;
  }
  return streaks(counts);
}

export async function getLearnerStats(viewer: Viewer, now = new Date()): Promise<LearnerStats> {
  const userId = viewer.id;
  const { timeZone, dayStartHour } = await getStudySettings(userId);
  const today = studyDay(now, timeZone, dayStartHour);
  const past = daysEndingWith(today, HEATMAP_DAYS, timeZone, dayStartHour);
  const ahead = daysStartingWith(today, FORECAST_DAYS, timeZone, dayStartHour);
  const retentionDays = past.slice(-RETENTION_DAYS);
  const inRetentionWindow = { gte: retentionDays[0]!.start, lt: today.end };

  const [logs, anyReview, perCard, cardTags, decks] = await Promise.all([
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

  // ---------- activity and retention, from the window's ratings ----------
  const counts = past.map(() => 0);
  const firstRetentionDay = HEATMAP_DAYS - RETENTION_DAYS;
  const tally = () => ({ reviews: 0, passed: 0 });
  const [overall, young, mature, todayTally] = [tally(), tally(), tally(), tally()];
  let todayMs = 0;
  for (const log of logs) {
    const index = dayIndex(past, log.reviewedAt);
    if (index < 0) continue;
    counts[index]!++;
    const passed = log.rating === Rating.Again ? 0 : 1;
    if (index === HEATMAP_DAYS - 1) {
      todayTally.reviews++;
      todayTally.passed += passed;
      todayMs += log.durationMs;
    }
    if (index < firstRetentionDay) continue;
    const groups = [overall];
    if (log.state === State.Review) groups.push(log.scheduledDays >= MATURE_DAYS ? mature : young);
    for (const group of groups) {
      group.reviews++;
      group.passed += passed;
    }
  }

  // ---------- retention by tag ----------
  const byCard = new Map<string, { reviews: number; passed: number }>();
  for (const row of perCard) {
    const card = byCard.get(row.cardId) ?? tally();
    card.reviews += row._count._all;
    if (row.rating !== Rating.Again) card.passed += row._count._all;
    byCard.set(row.cardId, card);
  }
  const byTag = new Map<string, { reviews: number; passed: number }>();
  for (const { cardId, tag } of cardTags) {
    const card = byCard.get(cardId);
    if (!card) continue;
    const t = byTag.get(tag) ?? tally();
    t.reviews += card.reviews;
    t.passed += card.passed;
    byTag.set(tag, t);
  }
  const tags: TagRetention[] = [...byTag]
    .filter(([, t]) => t.reviews > 0)
    .map(([tag, t]) => ({ tag, reviews: t.reviews, passed: t.passed, rate: t.passed / t.reviews }))
    // weakest first; among equals, the one with more evidence first, then by name
    .sort((a, b) => a.rate - b.rate || b.reviews - a.reviews || a.tag.localeCompare(b.tag));

  // ---------- the studied decks' cards: forecast and states ----------
  const deckIds = decks.map((d) => d.id);
  const mine = { userId, deckId: { in: deckIds }, card: liveCard };
  const scheduled = { ...mine, suspended: false, state: { not: State.New } };
  const [overdue, dueToday, upcoming, byState, seenByDeck, wellKnownByDeck] =
    deckIds.length === 0
      ? [0, 0, [], [], [], []]
      : await Promise.all([
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
  const due = ahead.map(() => 0);
  due[0] = dueToday;
  for (const { due: at } of upcoming) {
    const index = dayIndex(ahead, at);
    if (index > 0) due[index]!++;
  }
  const states = { newStarted: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 };
  for (const row of byState) {
    const n = row._count._all;
    states.total += n;
    if (row.suspended) states.suspended += n;
    else if (row.state === State.New) states.newStarted += n;
    else if (row.state === State.Learning) states.learning += n;
    else if (row.state === State.Review) states.review += n;
    else if (row.state === State.Relearning) states.relearning += n;
  }

  const countOf = (rows: { deckId: string; _count: { _all: number } }[], deckId: string) =>
    rows.find((r) => r.deckId === deckId)?._count._all ?? 0;
  const coverage = decks.map((d) => ({
    deckId: d.id,
    title: d.title,
    cards: d._count.cards,
    seen: countOf(seenByDeck, d.id),
    wellKnown: countOf(wellKnownByDeck, d.id),
  }));
  // The heatmap covers the learner's history in whole weeks: a two-week learner sees two weeks.
  const firstIndex = anyReview ? Math.max(0, dayIndex(past, anyReview.reviewedAt)) : HEATMAP_DAYS - 14;
  const shown = Math.min(HEATMAP_DAYS, Math.max(14, Math.ceil((HEATMAP_DAYS - firstIndex) / 7) * 7));

  return {
    timeZone,
    dayStartHour,
    hasReviews: anyReview !== null,
    heatmap: past.map((day, i) => ({ date: day.date, count: counts[i]! })).slice(-shown),
    coverage,
    streak: streaks(counts),
    today: { date: today.date, reviews: todayTally.reviews, timeMs: todayMs, retention: retention(todayTally.reviews, todayTally.passed) },
    retention: {
      overall: retention(overall.reviews, overall.passed),
      young: retention(young.reviews, young.passed),
      mature: retention(mature.reviews, mature.passed),
    },
    tags,
    forecast: { days: ahead.map((day, i) => ({ date: day.date, due: due[i]! })), overdue },
    states,
  };
}
