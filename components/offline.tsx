"use client";

// Offline support on every page: tells the service worker (worker/sw.ts) who is signed in, and when
// that changes (sign-out, another user) deletes every cached page and the outbox of anyone else, so a
// shared computer shows nobody's pages offline; and says when a page is an offline copy, and from when.
import { useEffect, useState } from "react";
import { IDENTITY_CACHE, IDENTITY_URL, isPagesCache, pagesCacheName } from "./offline-caches";

const OUTBOX_PREFIX = "drill:outbox:";

/** Deletes every user's cached pages and every outbox but `keep`'s. */
export async function forgetOfflinePages(keep: string | null = null): Promise<void> {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(OUTBOX_PREFIX) && key !== `${OUTBOX_PREFIX}${keep}`) localStorage.removeItem(key);
    }
  } catch {
    // Storage disabled: there is no outbox to clear.
  }
  if (!("caches" in window)) return;
  for (const name of await caches.keys()) {
    if (isPagesCache(name) && name !== (keep && pagesCacheName(keep))) await caches.delete(name);
  }
}

async function rememberIdentity(user: string | null): Promise<void> {
  if (!("caches" in window)) return;
  const identity = await caches.open(IDENTITY_CACHE);
  const stored = await identity.match(IDENTITY_URL);
  if (!stored || (await stored.text()) !== (user ?? "")) {
    await forgetOfflinePages(user);
    await identity.put(IDENTITY_URL, new Response(user ?? ""));
  }
}

/** `user`: the signed-in user's id, or null; `renderedAt`: when the server rendered this page. */
export function OfflineSupport({ user, renderedAt }: { user: string | null; renderedAt: number }) {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (process.env.NODE_ENV !== "production") return;
    void rememberIdentity(user).catch(() => undefined);
  }, [user]);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  if (!offline) return null;
  const time = new Date(renderedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
  return (
    <p role="status" data-testid="offline-banner" className="border-b border-line px-4 py-1 text-center text-sm text-warn">
      Offline, as of {time}: counts may have changed since.
    </p>
  );
}
