import type { Metadata } from "next";
import Link from "next/link";
import { UnsubscribeForm } from "@/components/reminders/unsubscribe-form";
import { AppError } from "@/lib/server/errors";
import { userOfUnsubscribeToken } from "@/lib/reminders/unsubscribe";

export const metadata: Metadata = { title: "Stop daily reminders", referrer: "no-referrer" };

/** The unsubscribe link from a reminder mail: one button, no sign-in (a GET changes nothing, so link scanners can't unsubscribe anyone). */
export default async function UnsubscribePage({ searchParams }: PageProps<"/reminders/unsubscribe">) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  let valid = true;
  try {
    userOfUnsubscribeToken(link);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    valid = false;
  }
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Stop daily reminders</h1>
      {valid ? (
        <UnsubscribeForm token={link} />
      ) : (
        <p className="text-muted">
          This link is not valid. You can turn reminders off in your <Link href="/settings">settings</Link>.
        </p>
      )}
    </div>
  );
}
