import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Offline" };

// What the service worker shows offline for a page never opened online (worker/sw.ts). Kept with
// no user's data: it is fetched signed out and precached when the worker installs.
export default function OfflinePage() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">You’re offline</h1>
      <p>This page wasn’t opened while online, so there is no copy of it here. These work offline:</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href="/study">Study</Link>: your last session, with ratings saved when you’re back online
        </li>
        <li>
          <Link href="/">Today</Link>
        </li>
      </ul>
    </section>
  );
}
