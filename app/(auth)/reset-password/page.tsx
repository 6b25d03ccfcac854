import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth-forms";
import { resetLinkWorks } from "@/lib/accounts/password-reset";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  if (!(await resetLinkWorks(link))) {
    return (
      <>
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">This link doesn&apos;t work</h1>
        <p className="mb-6 text-muted">It has expired (links work for an hour) or was used already. Ask for a new one.</p>
        <Link href="/forgot-password" className="btn btn-primary">
          Send a new link
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Choose a new password</h1>
      <p className="mb-6 text-muted">Saving it signs you out on every browser and device.</p>
      <ResetPasswordForm token={link} />
    </>
  );
}
