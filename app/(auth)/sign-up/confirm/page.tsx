import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmSignUpForm } from "@/components/auth-forms";
import { signUpLinkWorks } from "@/lib/accounts/sign-up";

export const metadata: Metadata = { title: "Finish creating your account", referrer: "no-referrer" };

export default async function ConfirmSignUpPage({ searchParams }: PageProps<"/sign-up/confirm">) {
  const { token, next } = await searchParams;
  const link = typeof token === "string" ? token : "";
  if (!(await signUpLinkWorks(link))) {
    return (
      <>
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">This link doesn&apos;t work</h1>
        <p className="mb-6 text-muted">
          It has expired (links work for 24 hours) or was used already. If you finished signing up, sign in; otherwise sign up again.
        </p>
        <div className="flex gap-3">
          <Link href="/sign-in" className="btn btn-primary">
            Sign in
          </Link>
          <Link href="/sign-up" className="btn">
            Sign up again
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Finish creating your account</h1>
      <p className="mb-6 text-muted">One click and you&apos;re in.</p>
      <ConfirmSignUpForm token={link} next={typeof next === "string" ? next : undefined} />
    </>
  );
}
