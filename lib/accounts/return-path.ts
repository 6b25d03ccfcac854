/** Where to go after signing in: only paths on this site, so a crafted link can't send users away. */
export function safeReturnPath(next: string | null | undefined, fallback = "/decks"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
