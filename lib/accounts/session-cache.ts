// The signed-in user, kept a few seconds per app process, so a burst of requests (a study session
// sends one per rating batch, a page several) reads the user row once. Anything that ends sessions
// or removes the account in this process drops the entry at once; another app instance sees the
// change within CACHE_MS.
import "server-only";

export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedUser {
  id: string;
  email: string;
  name: string | null;
  sessionVersion: number;
}

const entries = new Map<string, { user: CachedUser | null; until: number }>();

/** The user row for a session, from the cache while it is fresh, else from `load`. */
export async function cachedSessionUser(id: string, load: () => Promise<CachedUser | null>, now = Date.now()): Promise<CachedUser | null> {
  const hit = entries.get(id);
  if (hit && hit.until > now) return hit.user;
  const user = await load();
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(id, { user, until: now + SESSION_CACHE_MS });
  return user;
}

/** Drops a user's entry: their session version or account just changed. */
export function forgetSessionUser(id: string): void {
  entries.delete(id);
}
