// The mentor dashboard: how the mentees who joined a deck through the viewer's invites are doing on
// it, and which of its cards they find hardest. Only the deck's owner sees it (lib/decks/access.ts:
// "viewMentees"); to anyone else the dashboard does not exist, exactly like a missing deck.
//
// What a mentor sees of a mentee is their progress on this deck and their display name: never their
// email, never their other decks. Only the listed mentees' own states and ratings count: not the
// mentor's, not co-editors', not other learners of a public deck.
//
// Every number comes from a handful of grouped queries, whatever the number of mentees and cards;
// this file reads them, lib/views/mentor-dashboard-summary.ts adds them up.
import "server-only";
import { liveCard, ownedDecks, type Viewer } from "../decks/access";
import { listMentees, RETENTION_DAYS } from "../decks/mentoring";
import { sharedInterviews } from "../interviews/readiness";
import { State } from "../scheduling/fsrs";
import { db } from "../server/db";
import { tallyMissedPoints } from "../stats/key-points";
import { emptyDashboard, summariseDashboard, type DashboardRows, type MentorDashboard } from "./mentor-dashboard-summary";
import { DAY_MS } from "../time";

export type { CardDifficulty, MenteeProgress, MentorDashboard } from "./mentor-dashboard-summary";

/** Window for "reviews this week". */
export const RECENT_DAYS = 7;
/** Checklist ratings read for the dashboard: enough for a group's month. */
const CHECKLIST_SAMPLE = 20_000;

/** The dashboard of one of the viewer's own decks; null when the viewer does not own it. */
export async function getMentorDashboard(viewer: Viewer, deckId: string, now = new Date()): Promise<MentorDashboard | null> {
  const deck = await db.deck.findFirst({
    where: { AND: [{ id: deckId }, ownedDecks(viewer)] },
    select: { id: true, slug: true, title: true },
  });
  if (!deck) return null;
  const [mentees, liveCards] = await Promise.all([
    listMentees(viewer, deck.id),
    db.card.findMany({
      where: { deckId: deck.id, ...liveCard },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, front: true, resetAt: true, back: true, keyPoints: true },
    }),
  ]);
  if (mentees.length === 0) return emptyDashboard(deck, liveCards);
  return summariseDashboard({ deck, liveCards, mentees, ...(await readActivity(deck.id, mentees, liveCards, now)) });
}

/** The mentees' states and ratings on the deck, grouped: everything the dashboard counts. */
async function readActivity(
  deckId: string,
  mentees: DashboardRows["mentees"],
  liveCards: { id: string; resetAt: Date | null }[],
  now: Date,
): Promise<Omit<DashboardRows, "deck" | "liveCards" | "mentees">> {
  const menteeIds = mentees.map((m) => m.userId);
  const mentee = { in: menteeIds };
  const recentSince = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const retentionSince = new Date(now.getTime() - RETENTION_DAYS * DAY_MS);
  // A card reset as a new question inside the window: its earlier ratings were about another question.
  const resetInWindow = liveCards.flatMap((c) => (c.resetAt && c.resetAt > retentionSince ? [{ id: c.id, resetAt: c.resetAt }] : []));
  const count = { _count: { _all: true } } as const;
  const counted = <Row extends { _count: { _all: number } }>({ _count, ...row }: Row) => ({ ...row, count: _count._all });

  const [started, overdue, recent, monthly, lastActive, perCard, checklists, interviews] = await Promise.all([
    db.cardState.groupBy({ by: ["userId"], where: { deckId, userId: mentee, card: { deckId, ...liveCard } }, ...count }),
    db.cardState.groupBy({
      by: ["userId"],
      where: {
        deckId,
        userId: mentee,
        // A learning step due minutes ago isn't late: overdue means a review card a day behind.
        state: State.Review,
        suspended: false,
        due: { lte: new Date(now.getTime() - DAY_MS) },
        card: { deckId, ...liveCard },
      },
      ...count,
    }),
    db.reviewLog.groupBy({ by: ["userId"], where: { userId: mentee, reviewedAt: { gte: recentSince }, card: { deckId } }, ...count }),
    db.reviewLog.groupBy({
      by: ["userId", "rating"],
      where: { userId: mentee, reviewedAt: { gte: retentionSince }, card: { deckId } },
      ...count,
    }),
    db.reviewLog.groupBy({ by: ["userId"], where: { userId: mentee, card: { deckId } }, _max: { reviewedAt: true } }),
    db.reviewLog.groupBy({
      by: ["cardId", "userId", "rating"],
      where: {
        userId: mentee,
        reviewedAt: { gte: retentionSince },
        card: { deckId, ...liveCard },
        ...(resetInWindow.length > 0 && {
          OR: [
            { cardId: { notIn: resetInWindow.map((c) => c.id) } },
            ...resetInWindow.map((c) => ({ cardId: c.id, reviewedAt: { gte: c.resetAt } })),
          ],
        }),
      },
      ...count,
    }),
    db.reviewLog.findMany({
      where: { userId: mentee, reviewedAt: { gte: retentionSince }, pointsShown: { not: null }, card: { deckId, ...liveCard } },
      orderBy: { reviewedAt: "desc" },
      take: CHECKLIST_SAMPLE,
      select: { cardId: true, pointsShown: true, pointsMissed: true },
    }),
    sharedInterviews(menteeIds, deckId, now),
  ]);
  return {
    started: started.map(counted),
    overdue: overdue.map(counted),
    recent: recent.map(counted),
    monthly: monthly.map(counted),
    lastActive: lastActive.map((r) => ({ userId: r.userId, at: r._max.reviewedAt })),
    perCard: perCard.map(counted),
    missedPoints: tallyMissedPoints(checklists),
    interviews,
  };
}
