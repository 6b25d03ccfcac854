"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import type { Route } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/accounts/auth";
import { signInSchema, signUpSchema } from "@/lib/accounts/passwords";
import { PENDING_INVITE_COOKIE, pendingInvitePath } from "@/lib/accounts/pending-invite";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { forgotPasswordSchema, requestPasswordReset, resetPassword, resetPasswordSchema } from "@/lib/accounts/password-reset";
import { requestSignUp } from "@/lib/accounts/sign-up";
import { clientAddress, throttleRetryAt } from "@/lib/accounts/throttle";
import { formatWait } from "@/lib/format";
import { publicAction } from "@/lib/accounts/action";
import { AppError } from "@/lib/server/errors";
import { siteOrigin } from "@/lib/server/origin";

const returnTo = { next: z.string().max(2_000).optional() };

/**
 * Where to go once signed in: the page that sent the person to sign in, else an invite they opened
 * before signing up or in (whichever way they came), else their decks.
 */
async function afterSignIn(next: string | undefined): Promise<Route> {
  if (next) return safeReturnPath(next);
  return pendingInvitePath((await cookies()).get(PENDING_INVITE_COOKIE)?.value) ?? "/";
}

async function signInWithPassword(email: string, password: string, next: string | undefined): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo: await afterSignIn(next) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled-client") {
      throw new AppError("rate_limited", "Too many failed sign-ins from your network. Try again in 15 minutes.");
    }
    if (error instanceof CredentialsSignin && error.code === "throttled-account") {
      const retryAt = await throttleRetryAt(email, new Date(), clientAddress(await headers()));
      const wait = retryAt ? retryAt.getTime() - Date.now() : 15_000;
      throw new AppError(
        "rate_limited",
        `Too many failed sign-ins for this account. Try again in ${formatWait(wait)}, or reset your password.`,
      );
    }
    if (error instanceof AuthError) throw new AppError("invalid", "Wrong email or password.");
    throw error; // includes the redirect that signals success
  }
  throw new Error("signIn returned without redirecting");
}

/** Mails a link that finishes the sign-up; answers the same whether or not the address has an account. */
export const signUpAction = publicAction(signUpSchema.extend(returnTo), async (input) => {
  await requestSignUp(input, await siteOrigin(), await afterSignIn(input.next), new Date(), clientAddress(await headers()));
  return { email: input.email };
});

/** The sign-up email's link: creates the account and signs in. */
export const confirmSignUpAction = publicAction(
  z.object({ token: z.string().min(1).max(64), ...returnTo }),
  async (input): Promise<never> => {
    try {
      await signIn("sign-up-link", { token: input.token, redirectTo: await afterSignIn(input.next) });
    } catch (error) {
      if (error instanceof AuthError) {
        throw new AppError("invalid", "This link has expired or was used already. Sign up again, or sign in if you finished before.");
      }
      throw error;
    }
    throw new Error("signIn returned without redirecting");
  },
);

/** Mails a reset link; answers the same whether or not the address has an account. */
export const forgotPasswordAction = publicAction(forgotPasswordSchema, async (input) => {
  await requestPasswordReset(input.email, await siteOrigin(), new Date(), clientAddress(await headers()));
  return { email: input.email };
});

/** The reset email's link: a new password, every session ended, then sign in with it. */
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input): Promise<never> => {
  await resetPassword(input.token, input.password);
  redirect("/sign-in?reset=1");
});

export const signInAction = publicAction(signInSchema.extend(returnTo), async (input) =>
  signInWithPassword(input.email, input.password, input.next),
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  if (provider !== "github" && provider !== "google") return;
  const next = formData.get("next")?.toString();
  await signIn(provider, { redirectTo: await afterSignIn(next || undefined) });
}
