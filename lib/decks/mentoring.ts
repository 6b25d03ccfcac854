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
import { notFound } from "../server/errors";
import { tallyMissedPoints } from "../stats/key-points";
import { hasAnswer } from "./card-rows";
import { sharedInterviews, type SharedInterview } from "../interviews/readiness";
import { DAY_MS } from "../time";

/** Window for "reviews this week". */
export const RECENT_DAYS = 7;
/** Window for retention and for the hardest cards. */
export const RETENTION_DAYS = 30;
/** ts-fsrs Rating.Again. */
const AGAIN = 1;
/** ts-fsrs State.Review. */
const REVIEW = 2;

export interface MenteeProgress {
  userId: string;
  /**
   * What the mentor calls them: the mentor's private nickname, else their display name, else the
   * note of the invite they joined through, else "Mentee <n>". Never their email.
   */
  name: string;
  /** The mentor's private nickname for them ("" when none). */
  nickname: string;
  /** The note on the invite link they joined through (null: no note, or the link was deleted). */
  inviteLabel: string | null;
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
  /** Live cards with no answer at all (no answer, no key points): a gap to fill, not a hard card. */
  blankCards: { slug: string; front: string }[];
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
      select: { userId: true, joinedAt: true, nickname: true, invite: { select: { label: true } }, user: { select: { name: true } } },
    }),
    db.card.findMany({
      where: { deckId: deck.id, ...liveCard },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, front: true, resetAt: true, back: true, keyPoints: true },
    }),
  ]);
  const totalCards = liveCards.length;
  const blankCards = liveCards.filter((c) => !hasAnswer(c)).map((c) => ({ slug: c.slug, front: c.front }));
  if (members.length === 0) return { deck, totalCards, mentees: [], cards: [], blankCards, hasReviews: false };

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
        // A learning step due minutes ago isn't late: overdue means a review card a day behind.
        state: REVIEW,
        suspended: false,
        due: { lte: new Date(now.getTime() - DAY_MS) },
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
      name: menteeName(m, index),
      nickname: m.nickname ?? "",
      inviteLabel: m.invite?.label.trim() || null,
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
  // liveCards is in deck order and sort is stable, so ties keep deck order. Blank cards are listed
  // apart: "hard" only says something about a card with an answer.
  const cards: CardDifficulty[] = liveCards
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

  return { deck, totalCards, mentees, cards, blankCards, hasReviews: mentees.some((m) => m.lastActive !== null) };
}

type MemberRow = { nickname: string | null; invite: { label: string } | null; user: { name: string | null } };

/** The name the mentor's pages use for a mentee (their email never shows). */
function menteeName(member: MemberRow, index: number): string {
  return member.nickname?.trim() || member.user.name?.trim() || member.invite?.label.trim() || `Mentee ${index + 1}`;
}

/** A mentee of the viewer's on one of their decks; null for anyone else. */
async function viewersMentee(viewer: Viewer, deckId: string, userId: string) {
  const members = await db.deckMember.findMany({
    where: { deckId, role: "mentee", invitedById: viewer.id, deck: ownedDecks(viewer), userId: { not: viewer.id } },
    orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
    select: { userId: true, joinedAt: true, nickname: true, invite: { select: { label: true } }, user: { select: { name: true } } },
  });
  const index = members.findIndex((m) => m.userId === userId);
  return index < 0 ? null : { ...members[index]!, name: menteeName(members[index]!, index) };
}

export const NICKNAME_MAX = 60;

/** The mentor's private name for a mentee of theirs on this deck ("" clears it). */
export async function setMenteeNickname(viewer: Viewer, deckId: string, userId: string, nickname: string): Promise<void> {
  if (!(await viewersMentee(viewer, deckId, userId))) throw notFound("That mentee");
  await db.deckMember.update({ where: { deckId_userId: { deckId, userId } }, data: { nickname: nickname.trim() || null } });
}

export interface MenteeDetail {
  userId: string;
  name: string;
  nickname: string;
  inviteLabel: string | null;
  joinedAt: Date;
  /** Their latest ratings on this deck's cards, newest first. */
  recent: { cardSlug: string; front: string; rating: number; reviewedAt: Date }[];
  /** Cards they graded Again in the last 30 days, most misses first. */
  missed: { cardSlug: string; front: string; again: number }[];
}

/** One mentee's activity on one of the viewer's decks: recent ratings, cards missed. Null for anyone else. */
export async function getMenteeDetail(viewer: Viewer, deckId: string, userId: string, now = new Date()): Promise<MenteeDetail | null> {
  const member = await viewersMentee(viewer, deckId, userId);
  if (!member) return null;
  const [recent, missed] = await Promise.all([
    db.reviewLog.findMany({
      where: { userId, card: { deckId } },
      orderBy: { reviewedAt: "desc" },
      take: 20,
      select: { rating: true, reviewedAt: true, card: { select: { slug: true, front: true } } },
    }),
    db.reviewLog.groupBy({
      by: ["cardId"],
      where: {
        userId,
        rating: AGAIN,
        reviewedAt: { gte: new Date(now.getTime() - RETENTION_DAYS * DAY_MS) },
        card: { deckId, ...liveCard },
      },
      _count: { _all: true },
    }),
  ]);
  const cards = await db.card.findMany({
    where: { id: { in: missed.map((m) => m.cardId) } },
    select: { id: true, slug: true, front: true },
  });
  const byId = new Map(cards.map((c) => [c.id, c]));
  return {
    userId,
    name: member.name,
    nickname: member.nickname ?? "",
    inviteLabel: member.invite?.label.trim() || null,
    joinedAt: member.joinedAt,
    recent: recent.map((r) => ({ cardSlug: r.card.slug, front: r.card.front, rating: r.rating, reviewedAt: r.reviewedAt })),
    missed: missed
      .flatMap((m) => {
        const card = byId.get(m.cardId);
        return card ? [{ cardSlug: card.slug, front: card.front, again: m._count._all }] : [];
      })
      .sort((a, b) => b.again - a.again),
  };
}
