// The browser's outbox of ratings not yet saved: kept in localStorage so ratings survive a reload or
// a dropped connection, and sent in order to POST /api/reviews until the server has them all.
import type { RatingValue } from "@/lib/scheduling/fsrs";

export interface PendingRating {
  clientId: string;
  cardId: string;
  rating: RatingValue;
  expectedVersion: number;
  durationMs: number;
  reviewedAt: string;
  /** The key-point checklist, when used: how many points were shown, which (by position) weren't ticked, the grade suggested. */
  checklist?: { count: number; missed: number[]; suggested?: RatingValue };
  /** Set aside after the server failed on it again and again: not sent until the learner retries. */
  held?: boolean;
}

const key = (userId: string) => `drill:outbox:${userId}`;

export function readOutbox(userId: string): PendingRating[] {
  try {
    const raw = localStorage.getItem(key(userId));
    const items = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(items) ? (items as PendingRating[]) : [];
  } catch {
    return [];
  }
}

export function writeOutbox(userId: string, items: PendingRating[]): void {
  try {
    if (items.length) localStorage.setItem(key(userId), JSON.stringify(items));
    else localStorage.removeItem(key(userId));
  } catch {
    // Storage full or disabled: the ratings still go out from memory while this page is open.
  }
}

export function newClientId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
