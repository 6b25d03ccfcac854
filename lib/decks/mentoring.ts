// A mentor's mentees on one of their decks: who joined through the mentor's invites, the mentor's
// private nicknames for them, and one mentee's recent activity. Only the deck's owner sees any of it
// (lib/decks/access.ts: "viewMentees"); to anyone else a mentee does not exist. The dashboard that
// sums up every mentee's progress is lib/views/mentor-dashboard.ts.
//
// What a mentor sees of a mentee is their progress on this deck and their display name: never their
// email, never their other decks.
import "server-only";
import { Rating } from "../scheduling/fsrs";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import { DAY_MS } from "../time";
import { liveCard, ownedDecks, type Viewer } from "./access";

/** Window for retention and for the hardest cards (the dashboard), and for a mentee's missed cards. */
export const RETENTION_DAYS = 30;

export interface Mentee {
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
}

type MemberRow = { nickname: string | null; invite: { label: string } | null; user: { name: string | null } };

/** The name the mentor's pages use for a mentee (their email never shows). */
function menteeName(member: MemberRow, index: number): string {
  return member.nickname?.trim() || member.user.name?.trim() || member.invite?.label.trim() || `Mentee ${index + 1}`;
}

/**
 * The mentees who joined one of the viewer's own decks through the viewer's invites, in the order they
 * joined (which numbers "Mentee <n>"). Empty for a deck the viewer does not own.
 */
export async function listMentees(viewer: Viewer, deckId: string): Promise<Mentee[]> {
  const members = await db.deckMember.findMany({
    where: { deckId, role: "mentee", invitedById: viewer.id, deck: ownedDecks(viewer), userId: { not: viewer.id } },
    orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
    select: { userId: true, joinedAt: true, nickname: true, invite: { select: { label: true } }, user: { select: { name: true } } },
  });
  return members.map((m, index) => ({
    userId: m.userId,
    name: menteeName(m, index),
    nickname: m.nickname ?? "",
    inviteLabel: m.invite?.label.trim() || null,
    joinedAt: m.joinedAt,
  }));
}

/** A mentee of the viewer's on one of their decks; null for anyone else. */
async function viewersMentee(viewer: Viewer, deckId: string, userId: string): Promise<Mentee | null> {
  return (await listMentees(viewer, deckId)).find((m) => m.userId === userId) ?? null;
}

export const NICKNAME_MAX = 60;

/** The mentor's private name for a mentee of theirs on this deck ("" clears it). */
export async function setMenteeNickname(viewer: Viewer, deckId: string, userId: string, nickname: string): Promise<void> {
  if (!(await viewersMentee(viewer, deckId, userId))) throw notFound("That mentee");
  await db.deckMember.update({ where: { deckId_userId: { deckId, userId } }, data: { nickname: nickname.trim() || null } });
}

export interface MenteeDetail extends Mentee {
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
        rating: Rating.Again,
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
    ...member,
    recent: recent.map((r) => ({ cardSlug: r.card.slug, front: r.card.front, rating: r.rating, reviewedAt: r.reviewedAt })),
    missed: missed
      .flatMap((m) => {
        const card = byId.get(m.cardId);
        return card ? [{ cardSlug: card.slug, front: card.front, again: m._count._all }] : [];
      })
      .sort((a, b) => b.again - a.again),
  };
}

export interface RemovedMentee {
  userId: string;
  /** Their display name, else the note of the invite they had joined through (never their email). */
  name: string;
}

/** Mentees the viewer removed from one of their decks, barred from the invite they came by. */
export async function listRemovedMentees(viewer: Viewer, deckId: string): Promise<RemovedMentee[]> {
  const bars = await db.inviteBar.findMany({
    where: { invite: { deckId, deck: ownedDecks(viewer) } },
    orderBy: { createdAt: "asc" },
    select: { userId: true, user: { select: { name: true } }, invite: { select: { label: true } } },
  });
  const seen = new Set<string>();
  return bars
    .filter((bar) => !seen.has(bar.userId) && seen.add(bar.userId))
    .map((bar, index) => ({ userId: bar.userId, name: bar.user.name?.trim() || bar.invite.label.trim() || `Removed mentee ${index + 1}` }));
}

/** The mentor invites a removed mentee again: their old invite link lets them join once more. */
export async function reinviteMentee(viewer: Viewer, deckId: string, userId: string): Promise<void> {
  const { count } = await db.inviteBar.deleteMany({ where: { userId, invite: { deckId, deck: ownedDecks(viewer) } } });
  if (count === 0) throw notFound("That mentee");
}
