// The pure half of a learner's stats (lib/stats/learner-stats.ts reads the rows): the study days of
// the windows, and the heatmap, streaks, retention, forecast, card states and deck coverage made from
// those rows. No database here, so unit tests call it on hand-built rows.
import { Rating, State } from "../scheduling/fsrs";
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

/** A grouped query's row: its keys and how many rows have them. */
export type Counted<Row> = Row & { _count: { _all: number } };

/** A rating of the heatmap's window, with the card's state and interval before it. */
export interface WindowRating {
  reviewedAt: Date;
  rating: number;
  durationMs: number;
  state: number;
  scheduledDays: number;
}

/** What the queries read for a learner's stats (lib/stats/learner-stats.ts). */
export interface LearnerStatsRows {
  /** Their ratings inside the heatmap's window. */
  ratings: WindowRating[];
  /** When they first rated a card, ever; null if they never did. */
  firstReview: Date | null;
  /** Their ratings of the retention window, counted per card and rating. */
  ratingsPerCard: Counted<{ cardId: string; rating: number }>[];
  /** The tags of the cards rated in the retention window. */
  cardTags: { cardId: string; tag: string }[];
  /** The decks they study, by title, with their live cards counted. */
  decks: { id: string; title: string; _count: { cards: number } }[];
  /** Of their started, not suspended cards: due before today began, due before today ends, and the due times of the forecast's later days. */
  overdue: number;
  dueToday: number;
  dueLater: { due: Date }[];
  /** Their cards' states, counted by state and suspension. */
  byState: Counted<{ state: number; suspended: boolean }>[];
  /** Per deck, their cards met (not new) and known well (review cards with a mature interval). */
  seenByDeck: Counted<{ deckId: string }>[];
  wellKnownByDeck: Counted<{ deckId: string }>[];
}

/** The study days the stats cover: the heatmap's (the last one today) and the forecast's (the first one today). */
export interface StatsWindow {
  today: StudyDay;
  past: StudyDay[];
  ahead: StudyDay[];
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
export function daysEndingWith(last: StudyDay, count: number, timeZone: string, dayStartHour: number): StudyDay[] {
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

export function statsWindow(now: Date, timeZone: string, dayStartHour: number): StatsWindow {
  const today = studyDay(now, timeZone, dayStartHour);
  return {
    today,
    past: daysEndingWith(today, HEATMAP_DAYS, timeZone, dayStartHour),
    ahead: daysStartingWith(today, FORECAST_DAYS, timeZone, dayStartHour),
  };
}

/** The index of the day containing `instant`, or -1 outside the days. */
export function dayIndex(days: StudyDay[], instant: Date): number {
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

/** Reviews per day, for the days given: instants outside them are not counted. */
export function reviewsPerDay(days: StudyDay[], reviewedAt: Date[]): number[] {
  const counts = days.map(() => 0);
  for (const instant of reviewedAt) {
    const index = dayIndex(days, instant);
    if (index >= 0) counts[index]!++;
  }
  return counts;
}

export function streaks(counts: number[]): LearnerStats["streak"] {
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

const tally = () => ({ reviews: 0, passed: 0 });

/** Today's reviews and time, and retention over the last RETENTION_DAYS of `past` (the last day is today). */
export function ratingsSummary(past: StudyDay[], ratings: WindowRating[]) {
  const firstRetentionDay = past.length - RETENTION_DAYS;
  const [overall, young, mature, today] = [tally(), tally(), tally(), tally()];
  let todayMs = 0;
  for (const log of ratings) {
    const index = dayIndex(past, log.reviewedAt);
    if (index < 0) continue;
    const passed = log.rating === Rating.Again ? 0 : 1;
    if (index === past.length - 1) {
      today.reviews++;
      today.passed += passed;
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
  return {
    today: { reviews: today.reviews, timeMs: todayMs, retention: retention(today.reviews, today.passed) },
    retention: {
      overall: retention(overall.reviews, overall.passed),
      young: retention(young.reviews, young.passed),
      mature: retention(mature.reviews, mature.passed),
    },
  };
}

/** Retention per tag, weakest first: each card's ratings count for every tag it has. */
export function tagRetention(ratingsPerCard: LearnerStatsRows["ratingsPerCard"], cardTags: LearnerStatsRows["cardTags"]): TagRetention[] {
  const byCard = new Map<string, { reviews: number; passed: number }>();
  for (const row of ratingsPerCard) {
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
  return (
    [...byTag]
      .filter(([, t]) => t.reviews > 0)
      .map(([tag, t]) => ({ tag, reviews: t.reviews, passed: t.passed, rate: t.passed / t.reviews }))
      // weakest first; among equals, the one with more evidence first, then by name
      .sort((a, b) => a.rate - b.rate || b.reviews - a.reviews || a.tag.localeCompare(b.tag))
  );
}

/** Cards due per day of `ahead`: today's count as given (overdue included), later ones by their due times. */
export function forecast(ahead: StudyDay[], dueToday: number, dueLater: { due: Date }[], overdue: number): LearnerStats["forecast"] {
  const due = ahead.map(() => 0);
  due[0] = dueToday;
  for (const { due: at } of dueLater) {
    const index = dayIndex(ahead, at);
    if (index > 0) due[index]!++;
  }
  return { days: ahead.map((day, i) => ({ date: day.date, due: due[i]! })), overdue };
}

export function stateCounts(byState: LearnerStatsRows["byState"]): LearnerStats["states"] {
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
  return states;
}

export function deckCoverage(
  decks: LearnerStatsRows["decks"],
  seenByDeck: LearnerStatsRows["seenByDeck"],
  wellKnownByDeck: LearnerStatsRows["wellKnownByDeck"],
): LearnerStats["coverage"] {
  const countOf = (rows: Counted<{ deckId: string }>[], deckId: string) => rows.find((r) => r.deckId === deckId)?._count._all ?? 0;
  return decks.map((d) => ({
    deckId: d.id,
    title: d.title,
    cards: d._count.cards,
    seen: countOf(seenByDeck, d.id),
    wellKnown: countOf(wellKnownByDeck, d.id),
  }));
}

/** The heatmap covers the learner's history in whole weeks: a two-week learner sees two weeks. */
export function heatmap(past: StudyDay[], counts: number[], firstReview: Date | null): DayCount[] {
  const firstIndex = firstReview ? Math.max(0, dayIndex(past, firstReview)) : past.length - 14;
  const shown = Math.min(past.length, Math.max(14, Math.ceil((past.length - firstIndex) / 7) * 7));
  return past.map((day, i) => ({ date: day.date, count: counts[i]! })).slice(-shown);
}

/** A learner's stats from what the queries read, over the study days of `window`. */
export function learnerStatsFrom(
  settings: { timeZone: string; dayStartHour: number },
  window: StatsWindow,
  rows: LearnerStatsRows,
): LearnerStats {
  const times = rows.ratings.map((r) => r.reviewedAt);
  const counts = reviewsPerDay(window.past, times);
  const { today, retention } = ratingsSummary(window.past, rows.ratings);
  return {
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    hasReviews: rows.firstReview !== null,
    heatmap: heatmap(window.past, counts, rows.firstReview),
    coverage: deckCoverage(rows.decks, rows.seenByDeck, rows.wellKnownByDeck),
    streak: streaks(counts),
    today: { date: window.today.date, ...today },
    retention,
    tags: tagRetention(rows.ratingsPerCard, rows.cardTags),
    forecast: forecast(window.ahead, rows.dueToday, rows.dueLater, rows.overdue),
    states: stateCounts(rows.byState),
  };
}
