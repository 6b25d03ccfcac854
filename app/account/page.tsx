import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { requireUser } from "@/lib/accounts/auth";
import { ChangePasswordForm, DeleteAccountForm, DisplayNameForm, SignOutEverywhereForm } from "@/components/account-forms";
import { PageHeader } from "@/components/page-chrome";
import { hasPassword } from "@/lib/accounts/account";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUser("/account");
  const { changed } = await searchParams;
  const withPassword = await hasPassword(user);
  return (
    <div className="max-w-lg space-y-6">
      <PageHeader title="Account" />
      {changed === "password" && (
        <p role="status" className="card-surface px-4 py-2 text-sm text-success">
          Password changed. Every other session (other browsers and devices) is signed out.
        </p>
      )}
      <dl className="card-surface divide-y divide-line">
        <div className="flex justify-between gap-4 p-4">
          <dt className="text-muted">Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
        </div>
      </dl>
      <div className="card-surface p-4">
        <DisplayNameForm name={user.name ?? ""} />
      </div>
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
        <a href="/api/export/history" download className="block p-4 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]">
          Export your review history <span className="text-sm text-muted">(CSV in the layout FSRS optimizer tools read)</span>
        </a>
      </nav>
      <form action={signOutAction}>
        <button type="submit" className="btn">
          Sign out
        </button>
      </form>

      {withPassword && (
        <section aria-labelledby="password" className="space-y-3 border-t border-line pt-6">
          <h2 id="password" className="text-lg font-semibold">
            Change password
          </h2>
          <ChangePasswordForm />
        </section>
      )}

      <section aria-labelledby="sessions" className="space-y-3 border-t border-line pt-6">
        <h2 id="sessions" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-muted">Signed in on a shared or lost device? End every session at once, this one included.</p>
        <SignOutEverywhereForm />
      </section>

      <section aria-labelledby="delete" className="space-y-3 rounded-xl border border-danger/30 p-5">
        <h2 id="delete" className="text-lg font-semibold text-danger">
          Delete your account
        </h2>
        <p className="text-sm text-muted">
          This deletes your account, your review history and your settings for good.{" "}
          <a href="/api/export" download className="link">
            Download your data first
          </a>
          . Decks you own that others co-edit pass to your longest-serving co-editor; your other decks are deleted (learners keep their own
          history).
        </p>
        <DeleteAccountForm email={user.email} hasPassword={withPassword} />
      </section>
    </div>
  );
}
