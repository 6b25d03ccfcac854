// What the key-point checklists say about a learner: the points they miss most (with their cards),
// and calibration: for each grade they give (and each grade Drill suggested), how often they recalled
// the card at its next review.
// Only the viewer's own ratings are read. The tally is shared with the mentor dashboard.
import "server-only";
import { browsableDecks, type Viewer } from "../decks/access";
import { splitKeyPoints } from "../decks/schema";
import { RATINGS, type RatingValue, State } from "../scheduling/fsrs";
import { db } from "../server/db";

/** How many recent checklist ratings the "missed most" list is drawn from. */
const CHECKLIST_SAMPLE = 5_000;
/** How many points the learner's list shows. */
export const MISSED_POINTS_SHOWN = 10;

export interface PointTally {
  cardId: string;
  point: string;
  /** Ratings where the point was shown in the checklist. */
  shown: number;
  /** Of those, how many times it wasn't ticked. */
  missed: number;
}

/** Per card and point (as worded when shown): times shown and times missed. Points never missed are left out. */
export function tallyMissedPoints(logs: { cardId: string; pointsShown: string | null; pointsMissed: string | null }[]): PointTally[] {
  const tallies = new Map<string, PointTally>();
  for (const log of logs) {
    if (log.pointsShown === null) continue;
    const missed = new Set(splitKeyPoints(log.pointsMissed ?? ""));
    for (const point of splitKeyPoints(log.pointsShown)) {
      const key = `${log.cardId}\n${point}`;
      const tally = tallies.get(key) ?? { cardId: log.cardId, point, shown: 0, missed: 0 };
      tally.shown++;
      if (missed.has(point)) tally.missed++;
      tallies.set(key, tally);
    }
  }
  return [...tallies.values()]
    .filter((t) => t.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.shown - a.missed / a.shown || a.point.localeCompare(b.point));
}

export interface MissedPoint extends PointTally {
  /** The card's question and where it lives, when the learner can still open it. */
  card: { front: string; slug: string; deck: { id: string; slug: string | null } } | null;
}

/** The key points the learner misses most, most missed first. */
export async function getMissedKeyPoints(viewer: Viewer): Promise<MissedPoint[]> {
  const logs = await db.reviewLog.findMany({
    where: { userId: viewer.id, pointsShown: { not: null } },
    orderBy: { reviewedAt: "desc" },
    take: CHECKLIST_SAMPLE,
    select: { cardId: true, pointsShown: true, pointsMissed: true },
  });
  const top = tallyMissedPoints(logs).slice(0, MISSED_POINTS_SHOWN);
  if (top.length === 0) return [];
  const cards = await db.card.findMany({
    where: { id: { in: [...new Set(top.map((t) => t.cardId))] }, deck: browsableDecks(viewer) },
    select: { id: true, front: true, slug: true, deck: { select: { id: true, slug: true } } },
  });
  const byId = new Map(cards.map(({ id, ...card }) => [id, card]));
  return top.map((t) => ({ ...t, card: byId.get(t.cardId) ?? null }));
}

export interface Calibration {
  rating: RatingValue;
  /** Ratings with this grade followed by a review after a full interval. */
  followed: number;
  /** Of those, how many times the card was recalled then (not Again). */
  recalled: number;
}

/**
 * For each grade the learner gives: how often they recalled the card at its next review. Only next
 * reviews made as reviews count (the card was in the Review state then): a learning step minutes
 * later says little about memory.
 */
export async function getCalibration(viewer: Viewer): Promise<Calibration[]> {
  const rows = await db.$queryRaw<{ rating: number; followed: bigint | number; recalled: bigint | number | null }[]>`
    SELECT "rating", COUNT(*) AS "followed", SUM(CASE WHEN "nextRating" > 1 THEN 1 ELSE 0 END) AS "recalled"
    FROM (
      SELECT "rating",
        LEAD("rating") OVER (PARTITION BY "cardId" ORDER BY "reviewedAt", "reps") AS "nextRating",
        LEAD("state") OVER (PARTITION BY "cardId" ORDER BY "reviewedAt", "reps") AS "nextState"
      FROM "ReviewLog" WHERE "userId" = ${viewer.id}
    ) AS "pairs"
    WHERE "nextState" = ${State.Review}
    GROUP BY "rating"`;
  return RATINGS.map((rating) => {
    const row = rows.find((r) => Number(r.rating) === rating);
    return { rating, followed: Number(row?.followed ?? 0), recalled: Number(row?.recalled ?? 0) };
  });
}

export interface SuggestionCalibration {
  /** The grade Drill suggested from the checklist. */
  suggested: RatingValue;
  /** Ratings made with this suggestion and followed by a review after a full interval. */
  followed: number;
  /** Of those, how many times the learner took the suggestion (graded as suggested). */
  taken: number;
  /** Of those followed, how many times the card was recalled at that next review (not Again). */
  recalled: number;
}

/**
 * For each grade Drill suggested: how often the learner took it, and how often they recalled the
 * card at its next review (as a review, as in getCalibration). If the suggestions work, recall rises
 * from a suggested Again to a suggested Easy. Only ratings stored with a suggestion count: those
 * graded without using the checklist say nothing about it.
 */
export async function getSuggestionCalibration(viewer: Viewer): Promise<SuggestionCalibration[]> {
  const rows = await db.$queryRaw<
    { suggested: number; followed: bigint | number; taken: bigint | number | null; recalled: bigint | number | null }[]
  >`
    SELECT "suggestedRating" AS "suggested", COUNT(*) AS "followed",
      SUM(CASE WHEN "rating" = "suggestedRating" THEN 1 ELSE 0 END) AS "taken",
      SUM(CASE WHEN "nextRating" > 1 THEN 1 ELSE 0 END) AS "recalled"
    FROM (
      SELECT "rating", "suggestedRating",
        LEAD("rating") OVER (PARTITION BY "cardId" ORDER BY "reviewedAt", "reps") AS "nextRating",
        LEAD("state") OVER (PARTITION BY "cardId" ORDER BY "reviewedAt", "reps") AS "nextState"
      FROM "ReviewLog" WHERE "userId" = ${viewer.id}
    ) AS "pairs"
    WHERE "nextState" = ${State.Review} AND "suggestedRating" IS NOT NULL
    GROUP BY "suggestedRating"`;
  return RATINGS.map((suggested) => {
    const row = rows.find((r) => Number(r.suggested) === suggested);
    return { suggested, followed: Number(row?.followed ?? 0), taken: Number(row?.taken ?? 0), recalled: Number(row?.recalled ?? 0) };
  });
}
