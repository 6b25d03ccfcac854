// A learner shares their own answers with the mentors of the deck, and stops sharing: an answer is
// shared while its sharedAt is set. "The mentors of the deck" are the ones the mentor dashboard
// shows the learner to (lib/decks/mentoring.ts listMentees: the deck's owner, when the learner joined
// through their invite); every mentor-side query here asks that same list, so a mentor never sees an
// answer of someone they couldn't see on their dashboard, and unsharing, removing the mentee or the
// mentee leaving hides the answer at once (nothing is cached).
import "server-only";
import { decksWhere, type Viewer } from "../decks/access";
import { listMentees, type Mentee } from "../decks/mentoring";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import type { Prisma } from "../generated/sqlite/client";

/** Shares or stops sharing the viewer's own answer to one card. */
export async function setAnswerShared(viewer: Viewer, cardId: string, shared: boolean, now = new Date()): Promise<void> {
  const { count } = await db.ownAnswer.updateMany({
    where: { userId: viewer.id, cardId },
    data: { sharedAt: shared ? now : null },
  });
  if (count === 0) throw notFound("That answer");
}

/**
 * Shares every answer the viewer wrote on one deck (those shared since they joined keep their date;
 * older shares, from before a removal, are made again); how many are shared now.
 */
export async function shareAllAnswers(viewer: Viewer, deckId: string, now = new Date()): Promise<number> {
  const joinedAt = (await membership(viewer, deckId))?.joinedAt ?? now;
  await db.ownAnswer.updateMany({
    where: { userId: viewer.id, deckId, OR: [{ sharedAt: null }, { sharedAt: { lt: joinedAt } }] },
    data: { sharedAt: now },
  });
  return db.ownAnswer.count({ where: { userId: viewer.id, deckId } });
}

const membership = (viewer: Viewer, deckId: string) =>
  db.deckMember.findUnique({ where: { deckId_userId: { deckId, userId: viewer.id } }, select: { joinedAt: true } });

/**
 * Whether the viewer has a mentor on this deck to share with: they joined it through a mentor's
 * invite and are still its mentee (a private deck has no mentees: lib/decks/access.ts).
 */
export async function hasMentorOnDeck(viewer: Viewer, deckId: string): Promise<boolean> {
  const member = await db.deckMember.findFirst({
    where: { deckId, userId: viewer.id, role: "mentee", invitedById: { not: null }, deck: decksWhere(viewer, "leave") },
    select: { userId: true },
  });
  return member !== null;
}

/** The viewer's mentees on one of their decks, by id: exactly the dashboard's list. */
export async function menteesById(viewer: Viewer, deckId: string): Promise<Map<string, Mentee>> {
  return new Map((await listMentees(viewer, deckId)).map((m) => [m.userId, m]));
}

/**
 * The answers on a deck a mentor may see, as a `where`: by one of `mentees` (menteesById), shared
 * since that mentee joined (feedback-state.ts mentorMaySee says the same).
 */
export function sharedWithMentor(deckId: string, mentees: Map<string, Mentee>): Prisma.OwnAnswerWhereInput {
  return { deckId, OR: [...mentees.values()].map((m) => ({ userId: m.userId, sharedAt: { gte: m.joinedAt } })) };
}

/** Whether the viewer has written an answer to this card and shares it (null: no answer). */
export async function getAnswerSharing(viewer: Viewer, cardId: string): Promise<{ shared: boolean } | null> {
  const answer = await db.ownAnswer.findUnique({
    where: { userId_cardId: { userId: viewer.id, cardId } },
    select: { sharedAt: true, deckId: true },
  });
  if (!answer) return null;
  if (!answer.sharedAt) return { shared: false };
  // A share from before the learner was removed and invited back no longer counts (mentorMaySee).
  const member = await membership(viewer, answer.deckId);
  return { shared: member !== null && answer.sharedAt >= member.joinedAt };
}
