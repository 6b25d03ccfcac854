// A learner's ratings as the FSRS optimizer reads them: per card, the grades in order with the days
// between them (counted in the learner's own study days), one training item per review after the
// first. Pure.
import type { RatingValue } from "../scheduling/fsrs";

export interface RatingRow {
  cardId: string;
  rating: number;
  reviewedAt: Date;
}

export interface TrainingReview {
  rating: RatingValue;
  /** Study days since the card's previous review (0: the same day). */
  deltaT: number;
}

export interface TrainingItem {
  reviews: TrainingReview[];
  /** When the item's last review happened: items are split into earlier and later by it. */
  at: number;
}

/**
 * Training items: for each card, every prefix of its history that ends in a review on a later day
 * than the one before (same-day steps stay inside items, as FSRS's short-term memory sees them).
 * `dayOf` numbers study days (the learner's zone and day start).
 */
export function trainingItems(ratings: RatingRow[], dayOf: (instant: Date) => number): TrainingItem[] {
  const byCard = new Map<string, RatingRow[]>();
  for (const r of ratings) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  const items: TrainingItem[] = [];
  for (const history of byCard.values()) {
    history.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const reviews: TrainingReview[] = [];
    let previousDay = 0;
    for (const [i, r] of history.entries()) {
      const day = dayOf(r.reviewedAt);
      reviews.push({ rating: r.rating as RatingValue, deltaT: i === 0 ? 0 : day - previousDay });
      previousDay = day;
      if (i > 0 && reviews[i]!.deltaT > 0) items.push({ reviews: reviews.slice(), at: r.reviewedAt.getTime() });
    }
  }
  return items.sort((a, b) => a.at - b.at);
}

/** Earlier and later items by time: fit on the first, score on the second (as the FSRS benchmark does). */
export function splitByTime(items: TrainingItem[], trainShare = 0.8): { train: TrainingItem[]; test: TrainingItem[] } {
  const cut = Math.floor(items.length * trainShare);
  return { train: items.slice(0, cut), test: items.slice(cut) };
}

/** Fitting needs this many reviews made on a later day than the card's previous one. */
export const MIN_LONG_TERM_REVIEWS = 150;
