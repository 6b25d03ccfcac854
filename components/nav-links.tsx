"use client";

// The main navigation's links, with the current page marked (aria-current and an underline). On a
// wide screen they sit in the header; on a phone the header keeps Study in reach of a thumb and the
// rest, Sign out included, open from Menu, so every page is reachable on every screen.
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { forgetOfflinePages } from "./offline";

const SIGNED_IN: [Route, string][] = [
  ["/", "Today"],
  ["/study", "Study"],
  ["/decks", "Decks"],
  ["/interviews", "Interviews"],
  ["/answers", "My answers"],
  ["/history", "History"],
  ["/stats", "Stats"],
  ["/settings", "Settings"],
  ["/account", "Account"],
];

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function SignOut({ className = "" }: { className?: string }) {
  return (
    // The pages kept offline go at once, before the server has even answered.
    <form action={signOutAction} onSubmit={() => void forgetOfflinePages()} className={className}>
      <button type="submit" className="btn w-full px-3">
        Sign out
      </button>
    </form>
  );
}

export function NavLinks({ email }: { email: string }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  // A tap on a link moves to its page: the menu closes behind it.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  const link = (href: Route, label: string, className: string) => (
    <Link
      key={href}
      href={href}
      aria-current={isCurrent(pathname, href) ? "page" : undefined}
      className={`${className} aria-[current=page]:text-accent aria-[current=page]:underline aria-[current=page]:underline-offset-4`}
      title={href === "/account" ? email : undefined}
    >
      {label}
    </Link>
  );
  return (
    <>
      <div className="hidden items-center gap-1 lg:flex">
        {SIGNED_IN.map(([href, label]) => link(href, label, "btn btn-ghost px-3"))}
        <SignOut />
      </div>
      <div className="flex items-center gap-1 lg:hidden">
        {link("/study", "Study", "btn btn-ghost px-3")}
        <details ref={menu} className="relative">
          <summary className="btn cursor-pointer list-none px-3" aria-label="Menu">
            Menu
          </summary>
          <div className="absolute right-0 z-50 mt-2 flex w-56 flex-col gap-1 rounded-xl border border-line bg-surface p-2 shadow-lg">
            {SIGNED_IN.map(([href, label]) => link(href, label, "btn btn-ghost justify-start px-3"))}
            <SignOut className="mt-1 border-t border-line pt-2" />
          </div>
        </details>
      </div>
    </>
  );
}
