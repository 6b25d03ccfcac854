// A learner's review history, newest first, a page at a time.
import "server-only";
import type { Viewer } from "../decks/access";
import type { RatingValue } from "../scheduling/fsrs";
import { db } from "../server/db";

export const HISTORY_PAGE_SIZE = 50;

export interface HistoryEntry {
  id: string;
  reviewedAt: Date;
  rating: RatingValue;
  intervalMs: number;
  durationMs: number;
  card: { slug: string; front: string; deck: { id: string; slug: string | null } };
}

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
        reviewedAt: true,
        rating: true,
        nextDue: true,
        durationMs: true,
        card: { select: { slug: true, front: true, deck: { select: { id: true, slug: true } } } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    entries: rows.map((r) => ({
      id: r.id,
      reviewedAt: r.reviewedAt,
      rating: r.rating as RatingValue,
      intervalMs: r.nextDue.getTime() - r.reviewedAt.getTime(),
      durationMs: r.durationMs,
      card: r.card,
    })),
  };
}
