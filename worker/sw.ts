/// <reference no-default-lib="true" />
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Drill's service worker (serwist), bundled to public/sw.js by scripts/build-sw.ts. It keeps the last
// study page the learner opened online, so /study opens offline with that session; the page's own
// outbox keeps the ratings made offline and sends them when the network is back. Static assets are
// content-hashed, so they are served from the cache once fetched; everything else asks the network
// first. Ratings (POST) are never cached or replayed here: the outbox owns them, stored once.
import { CacheFirst, NetworkFirst, Serwist } from "serwist";

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "static" }),
    },
    {
      // Pages, full loads only (not the router's RSC fetches): the network, then the last copy.
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: new NetworkFirst({ cacheName: "pages", networkTimeoutSeconds: 4 }),
    },
  ],
});

serwist.addEventListeners();
