// Sharing a deck: who sees it (private, invite link, public), invite links for mentees, co-editors,
// and mentees joining and leaving. Only the owner manages sharing (see lib/decks/access.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { browsableDecks, ownedDecks, type Viewer, liveCard, liveCardCount, decksWhere } from "./access";
import { sendMail } from "../accounts/mail";
import { takeMailAllowance } from "../accounts/mail-limit";
import { hasAnswer } from "./card-rows";
import { paths } from "../routes";
import { db } from "../server/db";
import { VISIBILITIES } from "./schema";
import { AppError, notFound } from "../server/errors";
import { optionalFormNumber } from "../form-fields";
import { isInviteToken } from "../query-params";

export const visibilitySchema = z.object({ visibility: z.enum(VISIBILITIES, { error: "Choose private, invite link or public." }) });

export const inviteSchema = z.object({
  label: z.string().trim().max(80, "Keep the note under 80 characters.").default(""),
  expiresInDays: optionalFormNumber("Enter a number of days.", (n) =>
    n.int("Enter a whole number of days.").min(1, "At least 1 day.").max(365, "At most 365 days."),
  ),
});
export type InviteInput = z.infer<typeof inviteSchema>;

/** How long a co-editor invitation works. */
export const EDITOR_INVITE_DAYS = 14;

export const editorSchema = z.object({ email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")) });

async function requireOwned(viewer: Viewer, deckId: string) {
  const deck = await db.deck.findFirst({ where: { id: deckId, ...ownedDecks(viewer) }, select: { id: true, visibility: true } });
  if (!deck) throw notFound("That deck");
  return deck;
}

export async function setVisibility(viewer: Viewer, deckId: string, visibility: (typeof VISIBILITIES)[number]): Promise<void> {
  await requireOwned(viewer, deckId);
  await db.deck.update({ where: { id: deckId }, data: { visibility } });
}

// ---------- invite links ----------

export interface InviteSummary {
  id: string;
  token: string;
  label: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/**
 * A new invite link. On a private deck it also opens the deck to invite links, in the same step
 * (`openedToLinks` says so, for the page to tell the owner).
 */
export async function createInvite(
  viewer: Viewer,
  deckId: string,
  input: InviteInput,
  now = new Date(),
): Promise<{ token: string; openedToLinks: boolean }> {
  const deck = await requireOwned(viewer, deckId);
  const openedToLinks = deck.visibility === "private";
  if (input.label) {
    const same = await db.deckInvite.count({
      where: { deckId, role: "mentee", label: input.label, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    if (same)
      throw new AppError("conflict", `There is already an active invite link named "${input.label}".`, {
        label: ["Use another name, or reuse that link."],
      });
  }
  const token = randomBytes(18).toString("base64url");
  const invite = db.deckInvite.create({
    data: {
      token,
      deckId,
      createdById: viewer.id,
      label: input.label,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    },
  });
  if (openedToLinks) await db.$transaction([db.deck.update({ where: { id: deckId }, data: { visibility: "link" } }), invite]);
  else await invite;
  return { token, openedToLinks };
}

/** What to check before sharing a deck: cards without an answer (learners don't get them) and untagged ones. */
export async function sharingChecklist(viewer: Viewer, deckId: string) {
  await requireOwned(viewer, deckId);
  const cards = await db.card.findMany({
    where: { deckId, ...liveCard },
    orderBy: { position: "asc" },
    select: { slug: true, front: true, back: true, keyPoints: true, _count: { select: { tags: true } } },
  });
  const unanswered = cards.filter((c) => !hasAnswer(c)).map((c) => ({ slug: c.slug, front: c.front }));
  return { cards: cards.length, unanswered, untagged: cards.filter((c) => c._count.tags === 0).length };
}

export async function revokeInvite(viewer: Viewer, inviteId: string, now = new Date()): Promise<void> {
  const { count } = await db.deckInvite.updateMany({
    where: { id: inviteId, revokedAt: null, deck: ownedDecks(viewer) },
    data: { revokedAt: now },
  });
  if (count === 0) throw notFound("That invite");
}

export interface EditorInvitation {
  id: string;
  email: string;
  expiresAt: Date | null;
  createdAt: Date;
}

export interface SharingOverview {
  visibility: string;
  invites: InviteSummary[];
  /** Co-editor invitations sent and not yet accepted (nor revoked or expired). */
  editorInvitations: EditorInvitation[];
  editors: { userId: string; name: string | null; email: string }[];
  mentees: { userId: string; name: string | null; joinedAt: Date }[];
}

/** Everything on the sharing page. Owner only (co-editors' emails are shown to the owner who added them). */
export async function getSharing(viewer: Viewer, deckId: string, now = new Date()): Promise<SharingOverview | null> {
  const deck = await db.deck.findFirst({
    where: { id: deckId, ...ownedDecks(viewer) },
    select: {
      visibility: true,
      invites: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          token: true,
          label: true,
          expiresAt: true,
          revokedAt: true,
          acceptedAt: true,
          createdAt: true,
          role: true,
          email: true,
        },
      },
      members: {
        orderBy: { joinedAt: "asc" },
        select: { role: true, joinedAt: true, invitedById: true, user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  if (!deck) return null;
  return {
    visibility: deck.visibility,
    invites: deck.invites
      .filter((i) => i.role === "mentee")
      .map(({ id, token, label, expiresAt, revokedAt, createdAt }) => ({ id, token, label, expiresAt, revokedAt, createdAt })),
    editorInvitations: deck.invites
      .filter((i) => i.role === "editor" && !i.acceptedAt && !i.revokedAt && (!i.expiresAt || i.expiresAt > now))
      .map((i) => ({ id: i.id, email: i.email ?? "", expiresAt: i.expiresAt, createdAt: i.createdAt })),
    editors: deck.members.filter((m) => m.role === "editor").map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email })),
    mentees: deck.members
      .filter((m) => m.role === "mentee" && m.invitedById === viewer.id)
      .map((m) => ({ userId: m.user.id, name: m.user.name, joinedAt: m.joinedAt })),
  };
}

export interface InvitePreview {
  deck: { id: string; slug: string | null; title: string; description: string; cardCount: number };
  /** "mentee": a link to study the deck; "editor": an invitation to co-edit it. */
  role: "mentee" | "editor";
  /** For a co-editor invitation: whether the signed-in viewer is the person it was sent to. */
  forViewer: boolean;
  mentorName: string;
  /** The viewer's current relation to the deck, so the page can say "you already joined". */
  already: "owner" | "editor" | "mentee" | null;
}

/**
 * An invite that can still be used: not revoked, not expired, on a deck that isn't deleted. A mentee
 * link works while the deck is shared; a co-editor invitation works once, private deck or not.
 */
async function usableInvite(token: string, now: Date) {
  if (!isInviteToken(token)) return null;
  return db.deckInvite.findFirst({
    where: {
      token,
      revokedAt: null,
      AND: [
        { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        {
          OR: [
            { role: "mentee", deck: { visibility: { not: "private" } } },
            { role: "editor", acceptedAt: null },
          ],
        },
      ],
      deck: { deletedAt: null },
    },
    select: {
      id: true,
      role: true,
      email: true,
      createdById: true,
      createdBy: { select: { name: true } },
      deck: { select: { id: true, slug: true, title: true, description: true, ownerId: true, ...liveCardCount } },
    },
  });
}

export async function previewInvite(
  token: string,
  viewer: (Viewer & { email: string }) | null,
  now = new Date(),
): Promise<InvitePreview | null> {
  const invite = await usableInvite(token, now);
  if (!invite) return null;
  const { deck } = invite;
  let already: InvitePreview["already"] = null;
  if (viewer) {
    if (deck.ownerId === viewer.id) already = "owner";
    else {
      const member = await db.deckMember.findUnique({
        where: { deckId_userId: { deckId: deck.id, userId: viewer.id } },
        select: { role: true },
      });
      already = (member?.role as "editor" | "mentee" | undefined) ?? null;
    }
  }
  return {
    deck: { id: deck.id, slug: deck.slug, title: deck.title, description: deck.description, cardCount: deck._count.cards },
    role: invite.role === "editor" ? "editor" : "mentee",
    forViewer: invite.role !== "editor" || viewer?.email === invite.email,
    mentorName: invite.createdBy.name || (invite.role === "editor" ? "The deck's owner" : "Your mentor"),
    already,
  };
}

/**
 * Accepts an invite: a mentee link makes the viewer the inviting mentor's mentee; a co-editor
 * invitation (only for the address it was sent to, and only once) makes them a co-editor. Either
 * way the deck joins their study.
 */
export async function joinDeck(viewer: Viewer & { email: string }, token: string, now = new Date()): Promise<{ deckId: string }> {
  const invite = await usableInvite(token, now);
  if (!invite) throw new AppError("not_found", "This invite link is no longer valid. Ask your mentor for a new one.");
  const deckId = invite.deck.id;
  if (invite.role === "editor") {
    if (invite.email !== viewer.email) {
      throw new AppError("invalid", "This invitation was sent to another email address. Sign in with that address to accept it.");
    }
    // Used once: of two accepts at once, one takes it.
    const { count } = await db.deckInvite.updateMany({ where: { id: invite.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (count === 0) throw new AppError("not_found", "This invitation has been used already.");
    if (invite.deck.ownerId !== viewer.id) {
      await db.deckMember.upsert({
        where: { deckId_userId: { deckId, userId: viewer.id } },
        create: { deckId, userId: viewer.id, role: "editor" },
        update: { role: "editor", invitedById: null },
      });
    }
    await db.deckStudy.upsert({
      where: { userId_deckId: { userId: viewer.id, deckId } },
      create: { userId: viewer.id, deckId },
      update: {},
    });
    return { deckId };
  }
  if (invite.deck.ownerId !== viewer.id) {
    const member = await db.deckMember.findUnique({ where: { deckId_userId: { deckId, userId: viewer.id } }, select: { role: true } });
    if (!member && (await db.inviteBar.count({ where: { inviteId: invite.id, userId: viewer.id } }))) {
      throw new AppError(
        "invalid",
        "Your mentor removed you from this deck, so this link no longer adds you. Ask them to invite you again.",
      );
    }
    // A co-editor stays a co-editor; joining again changes nothing.
    if (!member)
      await db.deckMember.create({
        data: { deckId, userId: viewer.id, role: "mentee", invitedById: invite.createdById, inviteId: invite.id },
      });
  }
  await db.deckStudy.upsert({ where: { userId_deckId: { userId: viewer.id, deckId } }, create: { userId: viewer.id, deckId }, update: {} });
  return { deckId };
}

/** A mentee leaves: the mentor no longer sees their progress; the learner keeps their history. */
export async function leaveDeck(viewer: Viewer, deckId: string): Promise<void> {
  const { count } = await db.deckMember.deleteMany({
    where: { deckId, userId: viewer.id, role: "mentee", deck: decksWhere(viewer, "leave") },
  });
  if (count === 0) throw notFound("That deck");
  await db.deckStudy.deleteMany({ where: { userId: viewer.id, deckId } });
}

/**
 * Removes a mentee: the deck leaves their study, and the invite link they joined through no longer
 * lets them back in (an InviteBar) until the mentor invites them again (lib/decks/mentoring.ts).
 */
export async function removeMentee(viewer: Viewer, deckId: string, userId: string): Promise<void> {
  await requireOwned(viewer, deckId);
  await db.$transaction(async (tx) => {
    const member = await tx.deckMember.findUnique({ where: { deckId_userId: { deckId, userId } }, select: { role: true, inviteId: true } });
    if (member?.role !== "mentee") throw notFound("That mentee");
    await tx.deckMember.delete({ where: { deckId_userId: { deckId, userId } } });
    await tx.deckStudy.deleteMany({ where: { userId, deckId } });
    if (member.inviteId) {
      const bar = { inviteId: member.inviteId, userId };
      await tx.inviteBar.upsert({ where: { inviteId_userId: bar }, create: bar, update: {} });
    }
  });
}

/**
 * Invites someone to co-edit by email. They become a co-editor when they accept (the link is for
 * their address only, once, for 14 days). The answer is the same whether or not the address has a
 * Drill account, so the form can't be used to find out who does.
 */
export async function inviteEditor(
  viewer: Viewer & { email: string },
  deckId: string,
  email: string,
  origin: string,
  now = new Date(),
): Promise<void> {
  await requireOwned(viewer, deckId);
  if (email === viewer.email) throw new AppError("invalid", "You own this deck already.", { email: ["That's you."] });
  const pending = await db.deckInvite.count({
    where: { deckId, role: "editor", email, acceptedAt: null, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (pending) throw new AppError("conflict", "An invitation to that address is waiting already.", { email: ["Already invited."] });
  await takeMailAllowance(email, `user:${viewer.id}`, now);
  const token = randomBytes(18).toString("base64url");
  const deck = await db.deck.findUniqueOrThrow({ where: { id: deckId }, select: { title: true } });
  await db.deckInvite.create({
    data: {
      token,
      deckId,
      createdById: viewer.id,
      role: "editor",
      email,
      expiresAt: new Date(now.getTime() + EDITOR_INVITE_DAYS * 86_400_000),
    },
  });
  const inviter = (await db.user.findUnique({ where: { id: viewer.id }, select: { name: true } }))?.name || viewer.email;
  await sendMail({
    to: email,
    subject: `${inviter} invites you to co-edit "${deck.title}" on Drill`,
    text:
      `${inviter} invites you to co-edit the deck "${deck.title}" on Drill: add and edit its cards.\n\n` +
      `Accept here (sign in or create an account with this address): ${origin}${paths.join(token)}\n\n` +
      `The invitation works for ${EDITOR_INVITE_DAYS} days. If you don't know ${inviter}, you can ignore this email.`,
  });
}

export async function removeEditor(viewer: Viewer, deckId: string, userId: string): Promise<void> {
  await requireOwned(viewer, deckId);
  const { count } = await db.deckMember.deleteMany({ where: { deckId, userId, role: "editor" } });
  if (count === 0) throw notFound("That co-editor");
}

/** The viewer's membership of a deck they can see (for "Leave deck" and role-aware controls). */
export async function membershipOf(viewer: Viewer, deckId: string): Promise<{ role: string } | null> {
  const deck = await db.deck.findFirst({ where: { id: deckId, ...browsableDecks(viewer) }, select: { id: true } });
  if (!deck) return null;
  return db.deckMember.findUnique({ where: { deckId_userId: { deckId, userId: viewer.id } }, select: { role: true } });
}
