"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { createAccount, signInSchema, signUpSchema } from "@/lib/accounts/passwords";
import { throttleRetryAt } from "@/lib/accounts/throttle";
import { publicAction } from "@/lib/server/action";
import { signIn, signOut } from "@/lib/accounts/auth";
import { AppError } from "@/lib/server/errors";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { formatWait } from "@/lib/format";

const returnTo = { next: z.string().optional() };

async function signInWithPassword(email: string, password: string, next: string | undefined): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(next) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled-client") {
      throw new AppError("rate_limited", "Too many failed sign-ins from your network. Try again in 15 minutes.");
    }
    if (error instanceof CredentialsSignin && error.code === "throttled-account") {
      const retryAt = await throttleRetryAt(email);
      const wait = retryAt ? retryAt.getTime() - Date.now() : 15_000;
      throw new AppError("rate_limited", `Too many failed sign-ins for this account. Try again in ${formatWait(wait)}.`);
    }
    if (error instanceof AuthError) throw new AppError("invalid", "Wrong email or password.");
    throw error; // includes the redirect that signals success
  }
  throw new Error("signIn returned without redirecting");
}

export const signUpAction = publicAction(signUpSchema.extend(returnTo), async (input) => {
  await createAccount(input);
  return signInWithPassword(input.email, input.password, input.next);
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
  await signIn(provider, { redirectTo: safeReturnPath(formData.get("next")?.toString()) });
}
