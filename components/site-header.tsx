import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { currentUser } from "@/lib/accounts/auth";
import { getStudySettings } from "@/lib/review/settings";
import { TimeZoneSync } from "./time-zone-sync";

export async function SiteHeader() {
  const user = await currentUser();
  const settings = user ? await getStudySettings(user.id) : null;
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/80 backdrop-blur">
      {settings && <TimeZoneSync timeZone={settings.timeZone} />}
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-1 px-4 py-2 sm:gap-4 sm:px-6">
        <Link href="/" className="mr-auto flex items-center gap-2 py-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent text-sm text-accent-ink">
            D
          </span>
          Drill
        </Link>
        <Link href="/decks" className="btn btn-ghost px-3">
          Decks
        </Link>
        {user ? (
          <>
            <Link href="/study" className="btn btn-ghost px-3">
              Study
            </Link>
            <Link href="/interviews" className="btn btn-ghost px-3">
              Interviews
            </Link>
            <Link href="/history" className="btn btn-ghost hidden px-3 md:inline-flex">
              History
            </Link>
            <Link href="/stats" className="btn btn-ghost hidden px-3 md:inline-flex">
              Stats
            </Link>
            <Link href="/settings" className="btn btn-ghost hidden px-3 md:inline-flex">
              Settings
            </Link>
            <Link href="/account" className="btn btn-ghost px-3" title={user.email}>
              Account
            </Link>
            <form action={signOutAction} className="hidden sm:block">
              <button type="submit" className="btn px-3">
                Sign out
              </button>
            </form>
          </>
        ) : (
          <>
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
