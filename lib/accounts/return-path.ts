import type { Route } from "next";

/** Where to go after signing in: only paths on this site, so a crafted link can't send users away. */
export function safeReturnPath(next: string | null | undefined, fallback: Route = "/decks"): Route {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Checked above to be a path on this site; typed routes can't know which one.
  return next as Route;
}
