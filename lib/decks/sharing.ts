// Sharing a deck: who sees it (private, invite link, public), invite links for mentees, co-editors,
// and mentees joining and leaving. Only the owner manages sharing (see lib/decks/access.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { browsableDecks, ownedDecks, type Viewer, liveCardCount, decksWhere } from "./access";
import { db } from "../server/db";
import { VISIBILITIES } from "./schema";
import { AppError, notFound } from "../server/errors";
import { optionalFormNumber } from "../form-fields";

export const visibilitySchema = z.object({ visibility: z.enum(VISIBILITIES, { error: "Choose private, invite link or public." }) });

export const inviteSchema = z.object({
  label: z.string().trim().max(80, "Keep the note under 80 characters.").default(""),
  expiresInDays: optionalFormNumber("Enter a number of days.", (n) =>
    n.int("Enter a whole number of days.").min(1, "At least 1 day.").max(365, "At most 365 days."),
  ),
});
export type InviteInput = z.infer<typeof inviteSchema>;

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

export async function createInvite(viewer: Viewer, deckId: string, input: InviteInput, now = new Date()): Promise<{ token: string }> {
  const deck = await requireOwned(viewer, deckId);
  if (deck.visibility === "private") {
    throw new AppError("invalid", 'This deck is private. Choose "Anyone with an invite link" or "Public" first, then create invite links.');
  }
  if (input.label) {
    const same = await db.deckInvite.count({
      where: { deckId, label: input.label, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    if (same)
      throw new AppError("conflict", `There is already an active invite link named "${input.label}".`, {
        label: ["Use another name, or reuse that link."],
      });
  }
  const token = randomBytes(18).toString("base64url");
  await db.deckInvite.create({
    data: {
      token,
      deckId,
      createdById: viewer.id,
      label: input.label,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    },
  });
  return { token };
}

export async function revokeInvite(viewer: Viewer, inviteId: string, now = new Date()): Promise<void> {
  const { count } = await db.deckInvite.updateMany({
    where: { id: inviteId, revokedAt: null, deck: ownedDecks(viewer) },
    data: { revokedAt: now },
  });
  if (count === 0) throw notFound("That invite");
}

export interface SharingOverview {
  visibility: string;
  invites: InviteSummary[];
  editors: { userId: string; name: string | null; email: string }[];
  mentees: { userId: string; name: string | null; joinedAt: Date }[];
}

/** Everything on the sharing page. Owner only (co-editors' emails are shown to the owner who added them). */
export async function getSharing(viewer: Viewer, deckId: string): Promise<SharingOverview | null> {
  const deck = await db.deck.findFirst({
    where: { id: deckId, ...ownedDecks(viewer) },
    select: {
      visibility: true,
      invites: {
        orderBy: { createdAt: "desc" },
        select: { id: true, token: true, label: true, expiresAt: true, revokedAt: true, createdAt: true },
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
    invites: deck.invites,
    editors: deck.members.filter((m) => m.role === "editor").map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email })),
    mentees: deck.members
      .filter((m) => m.role === "mentee" && m.invitedById === viewer.id)
      .map((m) => ({ userId: m.user.id, name: m.user.name, joinedAt: m.joinedAt })),
  };
}

export interface InvitePreview {
  deck: { id: string; slug: string | null; title: string; description: string; cardCount: number };
  mentorName: string;
  /** The viewer's current relation to the deck, so the page can say "you already joined". */
  already: "owner" | "editor" | "mentee" | null;
}

/** An invite that can still be used: not revoked, not expired, on a deck that isn't private or deleted. */
async function usableInvite(token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return null;
  return db.deckInvite.findFirst({
    where: {
      token,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      deck: { deletedAt: null, visibility: { not: "private" } },
    },
    select: {
      createdById: true,
      createdBy: { select: { name: true } },
      deck: { select: { id: true, slug: true, title: true, description: true, ownerId: true, ...liveCardCount } },
    },
  });
}

export async function previewInvite(token: string, viewer: Viewer | null, now = new Date()): Promise<InvitePreview | null> {
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
    mentorName: invite.createdBy.name || "Your mentor",
    already,
  };
}

/** Joins the deck as the inviting mentor's mentee and adds it to the learner's study. */
export async function joinDeck(viewer: Viewer, token: string, now = new Date()): Promise<{ deckId: string }> {
  const invite = await usableInvite(token, now);
  if (!invite) throw new AppError("not_found", "This invite link is no longer valid. Ask your mentor for a new one.");
  const deckId = invite.deck.id;
  if (invite.deck.ownerId !== viewer.id) {
    const member = await db.deckMember.findUnique({ where: { deckId_userId: { deckId, userId: viewer.id } }, select: { role: true } });
    // A co-editor stays a co-editor; joining again changes nothing.
    if (!member) await db.deckMember.create({ data: { deckId, userId: viewer.id, role: "mentee", invitedById: invite.createdById } });
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

export async function removeMentee(viewer: Viewer, deckId: string, userId: string): Promise<void> {
  await requireOwned(viewer, deckId);
  const { count } = await db.deckMember.deleteMany({ where: { deckId, userId, role: "mentee" } });
  if (count === 0) throw notFound("That mentee");
  await db.deckStudy.deleteMany({ where: { userId, deckId } });
}

export async function addEditor(viewer: Viewer, deckId: string, email: string): Promise<void> {
  await requireOwned(viewer, deckId);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user)
    throw new AppError("not_found", "No Drill account uses that email. Ask them to sign up first.", {
      email: ["No Drill account uses that email."],
    });
  if (user.id === viewer.id) throw new AppError("invalid", "You own this deck already.", { email: ["That's you."] });
  const existing = await db.deckMember.findUnique({ where: { deckId_userId: { deckId, userId: user.id } }, select: { role: true } });
  if (existing?.role === "editor")
    throw new AppError("conflict", "They are already a co-editor of this deck.", { email: ["Already a co-editor."] });
  await db.deckMember.upsert({
    where: { deckId_userId: { deckId, userId: user.id } },
    create: { deckId, userId: user.id, role: "editor" },
    update: { role: "editor", invitedById: null },
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
