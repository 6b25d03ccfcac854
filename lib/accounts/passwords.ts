// Accounts: sign-up, password checks and the sign-in throttle. No Next imports, so tests and
// scripts can use it directly.
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { db } from "../server/db";
import { AppError, isUniqueViolation } from "../server/errors";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const signUpSchema = z.object({
  name: z.string().trim().max(80, "Keep your name under 80 characters.").optional().default(""),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX, "Wrong email or password."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export interface AccountUser {
  id: string;
  email: string;
  name: string | null;
}

export async function createAccount(input: SignUpInput): Promise<AccountUser> {
  const passwordHash = await hash(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name || null, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with this email already exists.", {
        email: ["An account with this email already exists. Sign in instead?"],
      });
    }
    throw error;
  }
}

// ---------- sign-in throttle ----------

/** Failures allowed per email within the window before sign-in is locked for LOCK_MS. */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

// Verifying against a real hash when the account doesn't exist keeps the response time the same,
// so timing doesn't reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export type PasswordCheck =
  { ok: true; user: AccountUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date };

export async function checkPassword(input: SignInInput, now = new Date()): Promise<PasswordCheck> {
  const throttle = await db.signInThrottle.findUnique({ where: { email: input.email } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    return { ok: false, reason: "throttled", retryAt: throttle.lockedUntil };
  }

  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  dummyHash ??= hash("not-a-real-password");
  const valid = await verify(user?.passwordHash ?? (await dummyHash), input.password);

  if (user?.passwordHash && valid) {
    if (throttle) await db.signInThrottle.deleteMany({ where: { email: input.email } });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  }

  const failures = await recordFailure(input.email, now);
  if (failures >= MAX_FAILURES) {
    const retryAt = new Date(now.getTime() + LOCK_MS);
    await db.signInThrottle.update({ where: { email: input.email }, data: { lockedUntil: retryAt } });
    return { ok: false, reason: "throttled", retryAt };
  }
  return { ok: false, reason: "invalid" };
}

/** Counts a failure atomically (several app instances may race) and returns the count in the window. */
async function recordFailure(emailKey: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  // A stale window starts over; the conditional update keeps concurrent resets from losing counts.
  await db.signInThrottle.updateMany({
    where: { email: emailKey, windowStart: { lt: windowStart } },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
  const row = await db.signInThrottle.upsert({
    where: { email: emailKey },
    create: { email: emailKey, failures: 1, windowStart: now },
    update: { failures: { increment: 1 } },
    select: { failures: true },
  });
  return row.failures;
}

export async function throttleRetryAt(emailKey: string, now = new Date()): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { email: emailKey }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}
