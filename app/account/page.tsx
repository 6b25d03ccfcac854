import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
      <dl className="card-surface divide-line divide-y">
        <div className="flex justify-between gap-4 p-4">
          <dt className="text-muted">Name</dt>
          <dd>{user.name ?? "Not set"}</dd>
        </div>
        <div className="flex justify-between gap-4 p-4">
          <dt className="text-muted">Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
        </div>
      </dl>
    </div>
  );
}
