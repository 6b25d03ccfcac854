// The mentor dashboard's numbers, summed up from the rows lib/views/mentor-dashboard.ts reads: each
// mentee's progress and the deck's hardest cards. Pure (no database), so tests call it with rows.
import { hasAnswer } from "../decks/card-rows";
import type { Mentee } from "../decks/mentoring";
import type { SharedInterview } from "../interviews/readiness";
import { Rating } from "../scheduling/fsrs";
import type { PointTally } from "../stats/key-points";

export interface MenteeProgress extends Mentee {
  /** Live cards of the deck the mentee has a schedule for. */
  started: number;
  /** Live cards of the deck. */
  totalCards: number;
  /** Ratings on this deck's cards (live or retired) in the last 7 days. */
  reviews7d: number;
  /** Ratings on this deck's cards in the last 30 days. */
  reviews30d: number;
  /** Share of the last 30 days' ratings that were not Again, from 0 to 1; null without ratings. */
  retention30d: number | null;
  /** Review cards (not learning steps) a day or more past due, not suspended. */
  overdue: number;
  /** The mentee's latest rating on this deck, or null when they never rated one of its cards. */
  lastActive: Date | null;
  /** Upcoming interviews covering this deck that the mentee chose to share, soonest first. */
  interviews: SharedInterview[];
}

export interface CardDifficulty {
  cardId: string;
  slug: string;
  front: string;
  /** Mentees who graded the card Again at least once in the last 30 days. */
  menteesFailed: number;
  /** Mentees who rated the card in the last 30 days. */
  menteesReviewed: number;
  /** Again ratings among the mentees in the last 30 days. */
  againCount: number;
  /** All ratings among the mentees in the last 30 days. */
  reviews: number;
  /** The key points the mentees left unticked most on this card in the last 30 days (at most 3). */
  missedPoints: { point: string; missed: number; shown: number }[];
  /** Who graded it Again in the window, by the names the dashboard uses. */
  missedBy: string[];
}

export interface MentorDashboard {
  deck: { id: string; slug: string | null; title: string };
  totalCards: number;
  mentees: MenteeProgress[];
  /**
   * The live cards the mentees rated in the last 30 days, hardest first: most mentees failing, then
   * most Again ratings, then deck order. Cards no mentee rated in the window are left out (nothing
   * is known about them). A card reset as a new question counts only ratings since the reset.
   */
  cards: CardDifficulty[];
  /** Live cards with no answer at all (no answer, no key points): a gap to fill, not a hard card. */
  blankCards: { slug: string; front: string }[];
  /** Whether any listed mentee ever rated a card of this deck. */
  hasReviews: boolean;
}

/** How many of a card's most-missed points the dashboard lists. */
const MISSED_POINTS_PER_CARD = 3;

/** A grouped count, as the queries return it. */
type Counted<Row> = Row & { count: number };

/** What the dashboard reads, each list already limited to the listed mentees and the deck's windows. */
export interface DashboardRows {
  deck: MentorDashboard["deck"];
  /** The deck's live cards, in deck order. */
  liveCards: { id: string; slug: string; front: string; back: string; keyPoints: string }[];
  mentees: Mentee[];
  /** Live cards each mentee has a schedule for. */
  started: Counted<{ userId: string }>[];
  /** Each mentee's review cards a day or more past due. */
  overdue: Counted<{ userId: string }>[];
  /** Each mentee's ratings in the last 7 days. */
  recent: Counted<{ userId: string }>[];
  /** Each mentee's ratings in the last 30 days, by rating. */
  monthly: Counted<{ userId: string; rating: number }>[];
  /** Each mentee's latest rating on the deck (mentees who never rated one are missing). */
  lastActive: { userId: string; at: Date | null }[];
  /** Ratings of live cards in the last 30 days (since a reset, for a card reset in the window), by card, mentee and rating. */
  perCard: Counted<{ cardId: string; userId: string; rating: number }>[];
  /** Key points left unticked on live cards in the last 30 days, most missed first (tallyMissedPoints). */
  missedPoints: PointTally[];
  interviews: SharedInterview[];
}

function countBy<T extends { count: number }>(rows: T[], key: (row: T) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) map.set(key(row), (map.get(key(row)) ?? 0) + row.count);
  return map;
}

/** The live cards without an answer: listed apart, since "hard" only says something about a card with one. */
function blankCardsOf(liveCards: DashboardRows["liveCards"]): MentorDashboard["blankCards"] {
  return liveCards.filter((c) => !hasAnswer(c)).map((c) => ({ slug: c.slug, front: c.front }));
}

/** A deck without mentees: its cards, nothing learned yet. */
export function emptyDashboard(deck: DashboardRows["deck"], liveCards: DashboardRows["liveCards"]): MentorDashboard {
  return { deck, totalCards: liveCards.length, mentees: [], cards: [], blankCards: blankCardsOf(liveCards), hasReviews: false };
}

function menteeProgress(rows: DashboardRows): MenteeProgress[] {
  const startedBy = countBy(rows.started, (r) => r.userId);
  const overdueBy = countBy(rows.overdue, (r) => r.userId);
  const recentBy = countBy(rows.recent, (r) => r.userId);
  const windowBy = countBy(rows.monthly, (r) => r.userId);
  const againBy = countBy(
    rows.monthly.filter((r) => r.rating === Rating.Again),
    (r) => r.userId,
  );
  const lastActiveBy = new Map(rows.lastActive.map((r) => [r.userId, r.at]));
  return rows.mentees.map((mentee) => {
    const reviews30d = windowBy.get(mentee.userId) ?? 0;
    const again30d = againBy.get(mentee.userId) ?? 0;
    return {
      ...mentee,
      started: startedBy.get(mentee.userId) ?? 0,
      totalCards: rows.liveCards.length,
      reviews7d: recentBy.get(mentee.userId) ?? 0,
      reviews30d,
      retention30d: reviews30d === 0 ? null : (reviews30d - again30d) / reviews30d,
      overdue: overdueBy.get(mentee.userId) ?? 0,
      lastActive: lastActiveBy.get(mentee.userId) ?? null,
      interviews: rows.interviews.filter((i) => i.userId === mentee.userId),
    };
  });
}

function hardestCards(rows: DashboardRows, mentees: MenteeProgress[]): CardDifficulty[] {
  const missedByCard = new Map<string, CardDifficulty["missedPoints"]>();
  for (const { cardId, point, missed, shown } of rows.missedPoints) {
    const list = missedByCard.get(cardId) ?? [];
    if (list.length < MISSED_POINTS_PER_CARD) list.push({ point, missed, shown });
    missedByCard.set(cardId, list);
  }
  const stats = new Map<string, { failed: Set<string>; reviewed: Set<string>; again: number; reviews: number }>();
  for (const row of rows.perCard) {
    const s = stats.get(row.cardId) ?? { failed: new Set(), reviewed: new Set(), again: 0, reviews: 0 };
    s.reviewed.add(row.userId);
    s.reviews += row.count;
    if (row.rating === Rating.Again) {
      s.failed.add(row.userId);
      s.again += row.count;
    }
    stats.set(row.cardId, s);
  }
  // liveCards is in deck order and sort is stable, so ties keep deck order. Blank cards are listed
  // apart: "hard" only says something about a card with an answer.
  return rows.liveCards
    .flatMap((card) => {
      const s = stats.get(card.id);
      if (!s || !hasAnswer(card)) return [];
      return [
        {
          cardId: card.id,
          slug: card.slug,
          front: card.front,
          menteesFailed: s.failed.size,
          menteesReviewed: s.reviewed.size,
          againCount: s.again,
          reviews: s.reviews,
          missedPoints: missedByCard.get(card.id) ?? [],
          missedBy: mentees.filter((m) => s.failed.has(m.userId)).map((m) => m.name),
        },
      ];
    })
    .sort((a, b) => b.menteesFailed - a.menteesFailed || b.againCount - a.againCount);
}

/** The dashboard the rows add up to. */
export function summariseDashboard(rows: DashboardRows): MentorDashboard {
  const mentees = menteeProgress(rows);
  return {
    deck: rows.deck,
    totalCards: rows.liveCards.length,
    mentees,
    cards: hardestCards(rows, mentees),
    blankCards: blankCardsOf(rows.liveCards),
    hasReviews: mentees.some((m) => m.lastActive !== null),
  };
}
