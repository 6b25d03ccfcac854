import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth-forms";
import { OAuthButtons } from "@/components/oauth-buttons";
import { currentUser } from "@/lib/accounts/auth";
import { safeReturnPath } from "@/lib/accounts/return-path";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { next } = await searchParams;
  const returnTo = typeof next === "string" ? next : undefined;
  if (await currentUser()) redirect(safeReturnPath(returnTo));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mb-6 text-muted">Free, and your review history is yours to export.</p>
      <SignUpForm next={returnTo} />
      <OAuthButtons next={returnTo} />
    </>
  );
}
