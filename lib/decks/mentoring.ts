// The mentor dashboard: how the mentees who joined a deck through the viewer's invites are doing on
// it, and which of its cards they find hardest. Only the deck's owner sees it (lib/decks/access.ts:
// "viewMentees"); to anyone else the dashboard does not exist, exactly like a missing deck.
//
// What a mentor sees of a mentee is their progress on this deck and their display name: never their
// email, never their other decks. Only the listed mentees' own states and ratings count: not the
// mentor's, not co-editors', not other learners of a public deck.
//
// Every number comes from a handful of grouped queries, whatever the number of mentees and cards.
import "server-only";
import { ownedDecks, type Viewer, liveCard } from "./access";
import { db } from "../server/db";
import { tallyMissedPoints } from "../stats/key-points";
import { sharedInterviews, type SharedInterview } from "../interviews/readiness";

const DAY_MS = 24 * 60 * 60_000;
/** Window for "reviews this week". */
export const RECENT_DAYS = 7;
/** Window for retention and for the hardest cards. */
export const RETENTION_DAYS = 30;
/** ts-fsrs Rating.Again. */
const AGAIN = 1;
/** ts-fsrs State.New. */
const NEW = 0;

export interface MenteeProgress {
  userId: string;
  /** The mentee's display name, or "Mentee <n>" when they have none. Never their email. */
  name: string;
  joinedAt: Date;
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
  /** Started live cards past due, not suspended. */
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
}

/** How many of a card's most-missed points the dashboard lists. */
const MISSED_POINTS_PER_CARD = 3;
/** Checklist ratings read for the dashboard: enough for a group's month. */
const CHECKLIST_SAMPLE = 20_000;

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
  /** Whether any listed mentee ever rated a card of this deck. */
  hasReviews: boolean;
}

function countBy<T>(rows: T[], key: (row: T) => string, count: (row: T) => number): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) map.set(key(row), (map.get(key(row)) ?? 0) + count(row));
  return map;
}

/** The dashboard of one of the viewer's own decks; null when the viewer does not own it. */
export async function getMentorDashboard(viewer: Viewer, deckId: string, now = new Date()): Promise<MentorDashboard | null> {
  const deck = await db.deck.findFirst({
    where: { AND: [{ id: deckId }, ownedDecks(viewer)] },
    select: { id: true, slug: true, title: true },
  });
  if (!deck) return null;

  const [members, liveCards] = await Promise.all([
    db.deckMember.findMany({
      where: { deckId: deck.id, role: "mentee", invitedById: viewer.id, userId: { not: viewer.id } },
      orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      select: { userId: true, joinedAt: true, user: { select: { name: true } } },
    }),
    db.card.findMany({
      where: { deckId: deck.id, ...liveCard },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, front: true, resetAt: true },
    }),
  ]);
  const totalCards = liveCards.length;
  if (members.length === 0) return { deck, totalCards, mentees: [], cards: [], hasReviews: false };

  const menteeIds = members.map((m) => m.userId);
  const mentee = { in: menteeIds };
  const recentSince = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const retentionSince = new Date(now.getTime() - RETENTION_DAYS * DAY_MS);
  // A card reset as a new question inside the window: its earlier ratings were about another question.
  const resetInWindow = liveCards.flatMap((c) => (c.resetAt && c.resetAt > retentionSince ? [{ id: c.id, resetAt: c.resetAt }] : []));

  const [started, overdue, recent, monthly, lastActive, perCard, checklists, interviews] = await Promise.all([
    db.cardState.groupBy({
      by: ["userId"],
      where: { deckId: deck.id, userId: mentee, card: { deckId: deck.id, ...liveCard } },
      _count: { _all: true },
    }),
    db.cardState.groupBy({
      by: ["userId"],
      where: {
        deckId: deck.id,
        userId: mentee,
        state: { not: NEW },
        suspended: false,
        due: { lt: now },
        card: { deckId: deck.id, ...liveCard },
      },
      _count: { _all: true },
    }),
    db.reviewLog.groupBy({
      by: ["userId"],
      where: { userId: mentee, reviewedAt: { gte: recentSince }, card: { deckId: deck.id } },
      _count: { _all: true },
    }),
    db.reviewLog.groupBy({
      by: ["userId", "rating"],
      where: { userId: mentee, reviewedAt: { gte: retentionSince }, card: { deckId: deck.id } },
      _count: { _all: true },
    }),
    db.reviewLog.groupBy({
      by: ["userId"],
      where: { userId: mentee, card: { deckId: deck.id } },
      _max: { reviewedAt: true },
    }),
    db.reviewLog.groupBy({
      by: ["cardId", "userId", "rating"],
      where: {
        userId: mentee,
        reviewedAt: { gte: retentionSince },
        card: { deckId: deck.id, ...liveCard },
        ...(resetInWindow.length > 0 && {
          OR: [
            { cardId: { notIn: resetInWindow.map((c) => c.id) } },
            ...resetInWindow.map((c) => ({ cardId: c.id, reviewedAt: { gte: c.resetAt } })),
          ],
        }),
      },
      _count: { _all: true },
    }),
    db.reviewLog.findMany({
      where: { userId: mentee, reviewedAt: { gte: retentionSince }, pointsShown: { not: null }, card: { deckId: deck.id, ...liveCard } },
      orderBy: { reviewedAt: "desc" },
      take: CHECKLIST_SAMPLE,
      select: { cardId: true, pointsShown: true, pointsMissed: true },
    }),
    sharedInterviews(menteeIds, deck.id, now),
  ]);
  const missedByCard = new Map<string, CardDifficulty["missedPoints"]>();
  for (const { cardId, point, missed, shown } of tallyMissedPoints(checklists)) {
    const list = missedByCard.get(cardId) ?? [];
    if (list.length < MISSED_POINTS_PER_CARD) list.push({ point, missed, shown });
    missedByCard.set(cardId, list);
  }

  const startedBy = countBy(
    started,
    (r) => r.userId,
    (r) => r._count._all,
  );
  const overdueBy = countBy(
    overdue,
    (r) => r.userId,
    (r) => r._count._all,
  );
  const recentBy = countBy(
    recent,
    (r) => r.userId,
    (r) => r._count._all,
  );
  const windowBy = countBy(
    monthly,
    (r) => r.userId,
    (r) => r._count._all,
  );
  const againBy = countBy(
    monthly.filter((r) => r.rating === AGAIN),
    (r) => r.userId,
    (r) => r._count._all,
  );
  const lastActiveBy = new Map(lastActive.map((r) => [r.userId, r._max.reviewedAt]));

  const mentees: MenteeProgress[] = members.map((m, index) => {
    const reviews30d = windowBy.get(m.userId) ?? 0;
    const again30d = againBy.get(m.userId) ?? 0;
    return {
      userId: m.userId,
      name: m.user.name?.trim() || `Mentee ${index + 1}`,
      joinedAt: m.joinedAt,
      started: startedBy.get(m.userId) ?? 0,
      totalCards,
      reviews7d: recentBy.get(m.userId) ?? 0,
      reviews30d,
      retention30d: reviews30d === 0 ? null : (reviews30d - again30d) / reviews30d,
      overdue: overdueBy.get(m.userId) ?? 0,
      lastActive: lastActiveBy.get(m.userId) ?? null,
      interviews: interviews.filter((i) => i.userId === m.userId),
    };
  });

  const stats = new Map<string, { failed: Set<string>; reviewed: Set<string>; again: number; reviews: number }>();
  for (const row of perCard) {
    const s = stats.get(row.cardId) ?? { failed: new Set(), reviewed: new Set(), again: 0, reviews: 0 };
    s.reviewed.add(row.userId);
    s.reviews += row._count._all;
    if (row.rating === AGAIN) {
      s.failed.add(row.userId);
      s.again += row._count._all;
    }
    stats.set(row.cardId, s);
  }
  // liveCards is in deck order and sort is stable, so ties keep deck order.
  const cards: CardDifficulty[] = liveCards
    .flatMap((card) => {
      const s = stats.get(card.id);
      if (!s) return [];
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
        },
      ];
    })
    .sort((a, b) => b.menteesFailed - a.menteesFailed || b.againCount - a.againCount);

  return { deck, totalCards, mentees, cards, hasReviews: mentees.some((m) => m.lastActive !== null) };
}
