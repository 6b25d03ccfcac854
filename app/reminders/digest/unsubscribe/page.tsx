import type { Metadata } from "next";
import Link from "next/link";
import { DigestUnsubscribeForm } from "@/components/reminders/digest-unsubscribe-form";
import { AppError } from "@/lib/server/errors";
import { digestOfUnsubscribeToken } from "@/lib/reminders/unsubscribe";

export const metadata: Metadata = { title: "Stop a weekly digest", referrer: "no-referrer" };

/** The unsubscribe link from a mentor's digest: one button, no sign-in (a GET changes nothing, so link scanners can't unsubscribe anyone). */
export default async function DigestUnsubscribePage({ searchParams }: PageProps<"/reminders/digest/unsubscribe">) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  let valid = true;
  try {
    digestOfUnsubscribeToken(link);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    valid = false;
  }
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Stop a weekly digest</h1>
      {valid ? (
        <DigestUnsubscribeForm token={link} />
      ) : (
        <p className="text-muted">
          This link is not valid. You can turn the digest off on the deck&apos;s dashboard (<Link href="/decks">your decks</Link>).
        </p>
      )}
    </div>
  );
}
