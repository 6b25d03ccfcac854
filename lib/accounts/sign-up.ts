// Signing up by email link. The form answers the same whether or not the address already has an
// account ("check your email"), so it can't be used to find out who uses Drill: a new address gets
// a link that creates the account, a known one gets a note saying they already have one.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { paths } from "../routes";
import { db } from "../server/db";
import { isUniqueViolation } from "../server/errors";
import { HOUR_MS } from "../time";
import { sendMailSoon } from "./mail";
import { takeMailAllowance } from "./mail-limit";
import type { AccountUser, SignUpInput } from "./passwords";

/** How long a sign-up link works. */
export const SIGN_UP_LINK_HOURS = 24;

/** A sign-up link's token as requestSignUp makes them (24 random bytes, base64url). */
const isSignUpToken = (token: string) => /^[A-Za-z0-9_-]{20,64}$/.test(token);

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Starts a sign-up: mails a link to finish it, or, for an address that has an account, a note
 * saying so. Either way the caller tells the person to check their email. `returnTo` (a checked
 * path on this site) is where the link leads after the account is made.
 */
export async function requestSignUp(
  input: SignUpInput,
  origin: string,
  returnTo: string,
  now = new Date(),
  client: string | null = null,
): Promise<void> {
  await takeMailAllowance(input.email, client, now);
  // Hash first, always: the answer takes as long for a known address as for a new one.
  const passwordHash = await hash(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await sendMailSoon({
      to: input.email,
      subject: "You already have a Drill account",
      text:
        `Someone (probably you) tried to create a Drill account with this address, which already has one.\n\n` +
        `Sign in here: ${origin}${paths.signIn(returnTo)}\n\nIf it wasn't you, you can ignore this email.`,
    });
    return;
  }
  const token = randomBytes(24).toString("base64url");
  const data = {
    name: input.name || null,
    passwordHash,
    tokenHash: tokenHash(token),
    expiresAt: new Date(now.getTime() + SIGN_UP_LINK_HOURS * HOUR_MS),
  };
  // A second sign-up for the same address replaces the first: only the newest link works.
  await db.pendingSignUp.upsert({ where: { email: input.email }, create: { email: input.email, ...data }, update: data });
  const link = `${origin}/sign-up/confirm?token=${token}&next=${encodeURIComponent(returnTo)}`;
  await sendMailSoon({
    to: input.email,
    subject: "Finish creating your Drill account",
    text: `Open this link to finish creating your Drill account:\n\n${link}\n\nIt works for ${SIGN_UP_LINK_HOURS} hours. If you didn't ask for an account, you can ignore this email.`,
  });
}

/** Whether a sign-up link still works (for the page that asks to confirm it). */
export async function signUpLinkWorks(token: string, now = new Date()): Promise<boolean> {
  if (!isSignUpToken(token)) return false;
  return (await db.pendingSignUp.count({ where: { tokenHash: tokenHash(token), expiresAt: { gt: now } } })) > 0;
}

/**
 * Creates the account a sign-up link stands for, once: the link stops working. Null when the link
 * is unknown, expired or used, or the address got an account meanwhile.
 */
export async function confirmSignUp(token: string, now = new Date()): Promise<AccountUser | null> {
  if (!isSignUpToken(token)) return null;
  const pending = await db.pendingSignUp.findUnique({ where: { tokenHash: tokenHash(token) } });
  if (!pending) return null;
  // Taking the pending row is the single use: of two clicks at once, one deletes it, one finds nothing.
  const { count } = await db.pendingSignUp.deleteMany({ where: { id: pending.id } });
  if (count === 0 || pending.expiresAt <= now) return null;
  try {
    return await db.user.create({
      data: { email: pending.email, name: pending.name, passwordHash: pending.passwordHash, emailVerified: now },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
