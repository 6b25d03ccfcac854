// A learner's review history, newest first, a page at a time; and one card's history replayed.
import "server-only";
import { browsableDecks, liveCard, type Viewer } from "../decks/access";
import { replay, type MemoryState, type RatingValue, type SchedulerSettings } from "../scheduling/fsrs";
import { db } from "../server/db";
import { getStudySettings, storedWeights } from "./settings";

export const HISTORY_PAGE_SIZE = 50;

export interface HistoryEntry {
  id: string;
  reviewedAt: Date;
  rating: RatingValue;
  intervalMs: number;
  durationMs: number;
  /** The question as the learner saw it when rating. */
  question: string;
  /** Where the card is, while the learner may still open it; null once they can't. */
  card: { slug: string; deck: { id: string; slug: string | null } } | null;
}

/**
 * A learner's ratings, newest first. Each shows the question as it was when they rated (a removed
 * mentee sees what they answered, never what the mentor writes after), and links to the card only
 * while they may still open it.
 */
export async function listHistory(viewer: Viewer, page: number): Promise<{ entries: HistoryEntry[]; total: number; pages: number }> {
  const where = { userId: viewer.id };
  const [total, rows] = await Promise.all([
    db.reviewLog.count({ where }),
    db.reviewLog.findMany({
      where,
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: {
        id: true,
        cardId: true,
        reviewedAt: true,
        rating: true,
        nextDue: true,
        durationMs: true,
        question: true,
      },
    }),
  ]);
  const cardIds = [...new Set(rows.map((r) => r.cardId))];
  const open = await db.card.findMany({
    where: { id: { in: cardIds }, ...liveCard, deck: browsableDecks(viewer) },
    select: { id: true, slug: true, front: true, deck: { select: { id: true, slug: true } } },
  });
  const openById = new Map(open.map((c) => [c.id, c]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    entries: rows.map((r) => {
      const card = openById.get(r.cardId);
      return {
        id: r.id,
        reviewedAt: r.reviewedAt,
        rating: r.rating as RatingValue,
        intervalMs: r.nextDue.getTime() - r.reviewedAt.getTime(),
        durationMs: r.durationMs,
        // Ratings stored before questions were kept show today's wording, and only while the card is open to them.
        question: r.question ?? card?.front ?? UNAVAILABLE,
        card: card ? { slug: card.slug, deck: card.deck } : null,
      };
    }),
  };
}

/** What a rating from before questions were kept shows once its card is out of reach. */
export const UNAVAILABLE = "A card you no longer have access to";

/**
 * A card's memory rebuilt from the learner's own ratings alone, each scheduled as it was then (its
 * parameter set and settings, kept on the rating): equal to the stored state unless the learner
 * rescheduled their cards since.
 */
export async function replayCard(viewer: Viewer, cardId: string): Promise<MemoryState | null> {
  const logs = await db.reviewLog.findMany({
    where: { userId: viewer.id, cardId },
    orderBy: [{ reviewedAt: "asc" }, { reps: "asc" }],
    select: { rating: true, reviewedAt: true, scheduler: true, parameterSetId: true },
  });
  const setIds = [...new Set(logs.flatMap((l) => (l.parameterSetId ? [l.parameterSetId] : [])))];
  const sets = await db.fsrsParameterSet.findMany({
    where: { id: { in: setIds }, userId: viewer.id },
    select: { id: true, weights: true },
  });
  const weights = new Map(sets.map((s) => [s.id, storedWeights(s.weights)]));
  const current = (await getStudySettings(viewer.id)).scheduler;
  return replay(
    logs.map((l) => ({
      rating: l.rating as RatingValue,
      reviewedAt: l.reviewedAt,
      scheduler: l.scheduler
        ? {
            ...(JSON.parse(l.scheduler) as SchedulerSettings),
            ...(l.parameterSetId && { weights: weights.get(l.parameterSetId) ?? undefined }),
          }
        : null,
    })),
    current,
  );
}
