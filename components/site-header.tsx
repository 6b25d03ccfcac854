import Link from "next/link";
import { currentUser } from "@/lib/accounts/auth";
import { getStudySettings } from "@/lib/review/settings";
import { NavLinks } from "./nav-links";
import { OfflineSupport } from "./offline";
import { TimeZoneSync } from "./time-zone-sync";

/** When the server rendered this page (once per request): an offline copy of it says how old it is. */
function renderedAt(): number {
  return Date.now();
}

export async function SiteHeader() {
  const user = await currentUser();
  const settings = user ? await getStudySettings(user.id) : null;
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/80 backdrop-blur">
      {settings && <TimeZoneSync timeZone={settings.timeZone} />}
      <OfflineSupport user={user?.id ?? null} renderedAt={renderedAt()} />
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-1 px-4 py-2 sm:gap-4 sm:px-6">
        <Link href="/" className="mr-auto flex items-center gap-2 py-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent text-sm text-accent-ink">
            D
          </span>
          Drill
        </Link>
        {user ? (
          <NavLinks email={user.email} />
        ) : (
          <>
            <Link href="/decks" className="btn btn-ghost px-3">
              Decks
            </Link>
            <Link href="/sign-in" className="btn btn-ghost px-3">
              Sign in
            </Link>
            <Link href="/sign-up" className="btn btn-primary px-3">
              Sign up
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
