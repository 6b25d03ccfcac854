import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { requireUser } from "@/lib/accounts/auth";
import { PageHeader } from "@/components/page-chrome";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="max-w-lg space-y-6">
      <PageHeader title="Account" />
      <dl className="card-surface divide-y divide-line">
        <div className="flex justify-between gap-4 p-4">
          <dt className="text-muted">Name</dt>
          <dd>{user.name ?? "Not set"}</dd>
        </div>
        <div className="flex justify-between gap-4 p-4">
          <dt className="text-muted">Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
        </div>
      </dl>
      <nav aria-label="Your study" className="card-surface divide-y divide-line">
        <Link href="/history" className="block p-4 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]">
          Review history
        </Link>
        <Link href="/stats" className="block p-4 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]">
          Your stats
        </Link>
        <Link href="/settings" className="block p-4 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]">
          Study settings
        </Link>
        {/* A file download, not a page: a plain anchor so the browser saves it. */}
        <a href="/api/export" download className="block p-4 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]">
          Export your data <span className="text-sm text-muted">(JSON: settings, card states, every rating)</span>
        </a>
      </nav>
      <form action={signOutAction}>
        <button type="submit" className="btn">
          Sign out
        </button>
      </form>
    </div>
  );
}
