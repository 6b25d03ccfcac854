/// <reference no-default-lib="true" />
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Drill's service worker (serwist), bundled to public/sw.js by scripts/build-sw.ts. It keeps the
// pages a signed-in learner opened, so /study opens offline with the last session; the page's own
// outbox keeps the ratings made offline and sends them when the network is back. Static assets are
// content-hashed, so they are served from the cache once fetched. Ratings (POST) are never cached or
// replayed here: the outbox owns them, stored once.
//
// Pages are private: they are kept in a cache named for the signed-in user (components/offline.ts
// writes who that is, and deletes every user's pages when it changes or on sign-out), served from it
// only when the network fails (never after a timeout: a slow server is waited for), and a page never
// opened online gets the precached /offline page instead of the browser's error.
import { CacheFirst, Serwist } from "serwist";
import { IDENTITY_CACHE, IDENTITY_URL, OFFLINE_CACHE, OFFLINE_URL, pagesCacheName, STATIC_CACHE } from "../components/offline-caches";

declare const self: ServiceWorkerGlobalScope;

/** The user the pages last said is signed in, or null. */
async function signedInUser(): Promise<string | null> {
  const stored = await (await caches.open(IDENTITY_CACHE)).match(IDENTITY_URL);
  const user = stored ? await stored.text() : "";
  return user || null;
}

/** A full page load: the network; offline, this user's copy of the page, or the offline page. */
async function page({ request }: { request: Request }): Promise<Response> {
  const user = await signedInUser();
  try {
    const response = await fetch(request);
    if (user && response.ok && response.type === "basic" && !response.redirected) {
      await (await caches.open(pagesCacheName(user))).put(request.url, response.clone());
    }
    return response;
  } catch (error) {
    const kept = user ? await (await caches.open(pagesCacheName(user))).match(request.url) : undefined;
    const fallback = await (await caches.open(OFFLINE_CACHE)).match(OFFLINE_URL);
    if (kept ?? fallback) return (kept ?? fallback)!;
    throw error;
  }
}

// Fetched signed out (no cookies), so the page kept for everyone holds nobody's data.
async function precacheOfflinePage(): Promise<void> {
  const response = await fetch(OFFLINE_URL, { credentials: "omit" });
  if (response.ok) await (await caches.open(OFFLINE_CACHE)).put(OFFLINE_URL, response);
}

self.addEventListener("install", (event) => event.waitUntil(precacheOfflinePage()));

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: STATIC_CACHE }),
    },
    {
      // Pages, full loads only (not the router's RSC fetches).
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: page,
    },
  ],
});

// A reminder (lib/reminders/push.ts): its title and counts, and a click opens the page it names
// (/study), in a Drill tab already open when there is one.
self.addEventListener("push", (event) => {
  const data = (event.data?.json() ?? {}) as { title?: string; body?: string; url?: string };
  event.waitUntil(
    self.registration.showNotification(data.title ?? "Drill", { body: data.body, data: { url: data.url ?? "/study" }, icon: "/icon-192" }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const path = (event.notification.data as { url?: string } | null)?.url ?? "/study";
  const url = new URL(path.startsWith("/") ? path : "/study", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((tabs) => {
      const tab = tabs.find((client) => new URL(client.url).origin === self.location.origin);
      return tab ? tab.navigate(url).then((opened) => opened?.focus()) : self.clients.openWindow(url);
    }),
  );
});

serwist.addEventListeners();
