// Looking after an account: changing the password, ending every session, deleting the account.
import "server-only";
import { hash } from "@node-rs/argon2";
import { z } from "zod";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { checkPassword, newPasswordSchema } from "./passwords";
import { endSessionsOf } from "./sessions";
import type { Viewer } from "./viewer";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(128, "That isn't your current password."),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128).optional(),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** Checks the password someone gave to prove it's them, within the sign-in throttle. */
async function provePassword(user: Viewer & { email: string }, password: string, field: string, now: Date): Promise<void> {
  const check = await checkPassword({ email: user.email, password }, now);
  if (check.ok) return;
  const message =
    check.reason === "throttled" ? "Too many wrong passwords just now. Wait a minute and try again." : "That isn't your password.";
  throw new AppError(check.reason === "throttled" ? "rate_limited" : "invalid", message, { [field]: [message] });
}

/**
 * Sets a new password and raises the session version, which ends every session but the caller's
 * (the caller's action refreshes its own token to the new version).
 */
export async function changePassword(user: Viewer & { email: string }, input: ChangePasswordInput, now = new Date()): Promise<void> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row?.passwordHash) throw new AppError("invalid", "This account signs in with GitHub or Google; it has no password to change.");
  await provePassword(user, input.currentPassword, "currentPassword", now);
  const passwordHash = await hash(input.newPassword);
  await db.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/** Ends every session of the account, this one included. */
export async function endAllSessions(user: Viewer): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  await endSessionsOf(user.id);
}

/**
 * Deletes the account and everything that is only the user's: their card states, ratings,
 * settings, memberships and invite links. Decks they own that others co-edit pass to the longest-
 * serving co-editor (with the mentees the user invited), so shared work keeps going; their other
 * decks are deleted the way a deck is deleted (hidden, learners' histories kept).
 */
export async function deleteAccount(user: Viewer & { email: string }, input: DeleteAccountInput, now = new Date()): Promise<void> {
  if (input.confirmEmail !== user.email) {
    throw new AppError("invalid", "Type your email address to confirm.", { confirmEmail: ["Type your email address exactly."] });
  }
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (row?.passwordHash) await provePassword(user, input.password ?? "", "password", now);
  await db.$transaction(async (tx) => {
    const owned = await tx.deck.findMany({
      where: { ownerId: user.id },
      select: {
        id: true,
        deletedAt: true,
        members: { where: { role: "editor" }, orderBy: { joinedAt: "asc" }, take: 1, select: { userId: true } },
      },
    });
    for (const deck of owned) {
      const heir = deck.members[0]?.userId;
      if (heir) {
        await tx.deck.update({ where: { id: deck.id }, data: { ownerId: heir } });
        await tx.deckMember.delete({ where: { deckId_userId: { deckId: deck.id, userId: heir } } });
        await tx.deckMember.updateMany({ where: { deckId: deck.id, invitedById: user.id }, data: { invitedById: heir } });
      } else {
        await tx.deck.update({ where: { id: deck.id }, data: { ownerId: null, deletedAt: deck.deletedAt ?? now } });
      }
    }
    // The rest goes with the user row (cascades): states, ratings, settings, studies, memberships, invites.
    await tx.user.delete({ where: { id: user.id } });
  });
}

/** Whether the account signs in with a password (else only through GitHub or Google). */
export async function hasPassword(user: Viewer): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  return Boolean(row?.passwordHash);
}
