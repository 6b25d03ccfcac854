// "Forgot password": a single-use link, by email, that sets a new password and ends every session.
// The request answers the same whether or not the address has an account (like sign-up), so it
// can't be used to find out who uses Drill. Only a hash of the link's token is stored; the link works
// for an hour, once, and a new request replaces the last link.
import "server-only";
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { z } from "zod";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { sendMailSoon } from "./mail";
import { takeMailAllowance } from "./mail-limit";
import { emailSchema, newPasswordSchema } from "./passwords";
import { endSessionsOf } from "./sessions";
import { tokenHash } from "./sign-up";
import { liftSignInLocks } from "./throttle";

export const RESET_LINK_MINUTES = 60;

const isResetToken = (token: string) => /^[A-Za-z0-9_-]{20,64}$/.test(token);

export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: z.string().min(1).max(64), password: newPasswordSchema });

/**
 * Mails a reset link to an account with a password; a note to one that signs in with GitHub or
 * Google; nothing otherwise. Within the mail limits (lib/accounts/mail-limit.ts), counted for every
 * address alike; the mail goes out after the answer, so its sending time doesn't show either.
 */
export async function requestPasswordReset(email: string, origin: string, now = new Date(), client: string | null = null): Promise<void> {
  await takeMailAllowance(email, client, now);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  if (!user) return;
  if (!user.passwordHash) {
    await sendMailSoon({
      to: email,
      subject: "Signing in to Drill",
      text: `Someone (probably you) asked to reset the password of this Drill account. It has no password: it signs in with GitHub or Google.\n\nSign in here: ${origin}/sign-in`,
    });
    return;
  }
  const token = randomBytes(24).toString("base64url");
  const data = { tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) };
  await db.passwordReset.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
  await sendMailSoon({
    to: email,
    subject: "Reset your Drill password",
    text:
      `Open this link to choose a new password for your Drill account:\n\n${origin}/reset-password?token=${token}\n\n` +
      `It works once, for ${RESET_LINK_MINUTES} minutes, and signs you out everywhere. If you didn't ask, ignore this email: your password stays as it is.`,
  });
}

/** Whether a reset link still works (for the page that asks for the new password). */
export async function resetLinkWorks(token: string, now = new Date()): Promise<boolean> {
  if (!isResetToken(token)) return false;
  return (await db.passwordReset.count({ where: { tokenHash: tokenHash(token), expiresAt: { gt: now } } })) > 0;
}

/** Sets the new password once: the link stops working, every session of the account ends, and every sign-in lock lifts. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<void> {
  const expired = new AppError("invalid", "This link has expired or was used already. Ask for a new one.");
  if (!isResetToken(token)) throw expired;
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: tokenHash(token) } });
  if (!reset) throw expired;
  const passwordHash = await hash(password);
  const { email } = await db.$transaction(async (tx) => {
    // Taking the row is the single use: of two submissions at once, one deletes it, one finds nothing.
    const { count } = await tx.passwordReset.deleteMany({ where: { id: reset.id } });
    if (count === 0 || reset.expiresAt <= now) throw expired;
    return tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
  });
  await endSessionsOf(reset.userId);
  // The owner proved it's them: no stranger's guesses keep them out any longer.
  await liftSignInLocks(email);
}

export const displayNameSchema = z.object({ name: z.string().trim().max(80, "Keep your name under 80 characters.") });

/** The name others see (mentors, co-editors); empty clears it. */
export async function setDisplayName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: name || null } });
}
