// Accounts: sign-up, password checks and the sign-in throttle. No Next imports, so tests and
// scripts can use it directly.
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { db } from "../server/db";
import { AppError, isUniqueViolation } from "../server/errors";
import { endTurn, takeTurn } from "./throttle";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

/** A password someone chooses: for sign-up and for a new password. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const signUpSchema = z.object({
  name: z.string().trim().max(80, "Keep your name under 80 characters.").optional().default(""),
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
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

// ---------- checking a password ----------

// Verifying against a real hash when the account doesn't exist keeps the response time the same,
// so timing doesn't reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export type PasswordCheck =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; scope: "account" | "client"; retryAt: Date };

/** Checks a password within the sign-in throttle (lib/accounts/throttle.ts). */
export async function checkPassword(input: SignInInput, now = new Date(), client: string | null = null): Promise<PasswordCheck> {
  const turn = await takeTurn(input.email, client, now);
  if (!turn.ok) return { ok: false, reason: "throttled", scope: turn.scope, retryAt: turn.retryAt };
  let user: (AccountUser & { passwordHash: string | null }) | null = null;
  let valid = false;
  try {
    user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, name: true, passwordHash: true } });
    dummyHash ??= hash("not-a-real-password");
    valid = await verify(user?.passwordHash ?? (await dummyHash), input.password);
  } finally {
    await endTurn(input.email, client, Boolean(user?.passwordHash && valid), now);
  }
  if (user?.passwordHash && valid) return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  return { ok: false, reason: "invalid" };
}
