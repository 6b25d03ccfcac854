import type { Route } from "next";

// A base that can't be a real site: a return path is resolved against it the way a browser would
// resolve it against ours, and kept only if it stays on it.
const HERE = "https://drill.invalid";

/**
 * Where to go after signing in: only paths on this site, so a crafted link can't send users away.
 * The path is parsed as a URL, as the browser will: tabs and newlines vanish, backslashes count as
 * slashes, so "/\t/evil.com" and "/\\evil.com" both mean //evil.com and are refused; dot segments are
 * resolved, so "/..//evil.com" is refused too.
 */
export function safeReturnPath(next: string | null | undefined, fallback: Route = "/"): Route {
  if (!next || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  // Dot segments are resolved by now: "/..//evil.example" became the path "//evil.example", which a
  // browser reads as another host. A path on this site never starts with two slashes.
  if (url.pathname.startsWith("//")) return fallback;
  // Rebuilt from the parsed parts, so what we redirect to is exactly what was checked.
  return `${url.pathname}${url.search}${url.hash}` as Route;
}
