import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth-forms";
import { OAuthButtons } from "@/components/oauth-buttons";
import { currentUser } from "@/lib/accounts/auth";
import { safeReturnPath } from "@/lib/accounts/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, error, reset } = await searchParams;
  const returnTo = typeof next === "string" ? next : undefined;
  if (await currentUser()) redirect(safeReturnPath(returnTo));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 text-muted">Welcome back. Your cards are waiting.</p>
      {reset === "1" && (
        <p role="status" className="mb-4 text-sm text-success">
          Your new password is set and every session is signed out. Sign in with it.
        </p>
      )}
      {typeof error === "string" && (
        <p role="alert" className="mb-4 text-sm text-danger">
          That sign-in didn&apos;t work. Please try again.
        </p>
      )}
      <SignInForm next={returnTo} />
      <OAuthButtons next={returnTo} />
    </>
  );
}
