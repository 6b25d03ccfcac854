"use client";

// Offline support on every page: tells the service worker (worker/sw.ts) who is signed in, and when
// that changes (sign-out, another user) deletes every cached page and the outbox of anyone else, so a
// shared computer shows nobody's pages offline; and says when a page is an offline copy, and from when.
import { useEffect, useState } from "react";
import { IDENTITY_CACHE, IDENTITY_URL, isPagesCache, pagesCacheName, STATIC_CACHE } from "./offline-caches";

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

/** Pages a learner needs offline even if they never opened them online: Today and the study session. */
const ALWAYS_OFFLINE = ["/", "/study"];

/**
 * Keeps this user's copy of those pages, fetched once (the worker refreshes them on each online
 * visit), with the scripts and styles they load: a page whose scripts aren't cached can't run offline.
 */
async function keepStudyPages(user: string): Promise<void> {
  if (!("caches" in window)) return;
  const [pages, assets] = await Promise.all([caches.open(pagesCacheName(user)), caches.open(STATIC_CACHE)]);
  for (const path of ALWAYS_OFFLINE) {
    if (await pages.match(path)) continue;
    const response = await fetch(path, { credentials: "same-origin" });
    // A redirect means the session ended (to sign-in): nothing of this user's to keep.
    if (!response.ok || response.redirected) continue;
    const html = await response.clone().text();
    for (const asset of new Set(html.match(/\/_next\/static\/[^"'\s\\)]+/g))) {
      if (!(await assets.match(asset))) await assets.add(asset).catch(() => undefined);
    }
    await pages.put(path, response);
  }
}

/** `user`: the signed-in user's id, or null; `renderedAt`: when the server rendered this page. */
export function OfflineSupport({ user, renderedAt }: { user: string | null; renderedAt: number }) {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (process.env.NODE_ENV !== "production") return;
    void rememberIdentity(user)
      .then(() => (user ? keepStudyPages(user) : undefined))
      .catch(() => undefined);
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
