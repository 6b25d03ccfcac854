// The names the service worker (worker/sw.ts) and the pages (components/offline.tsx) share for the
// caches that hold pages offline. A user's pages live in a cache named for them, so clearing them
// and serving them only to the same user is a matter of names.
export const IDENTITY_CACHE = "drill-identity";
/** Where the signed-in user's id is kept, for the worker to read (empty when signed out). */
export const IDENTITY_URL = "/__drill/identity";
export const OFFLINE_CACHE = "drill-offline";
/** Content-hashed scripts and styles (/_next/static/): the same for every user. */
export const STATIC_CACHE = "static";
/** The page shown offline for a page never opened online (app/offline/page.tsx). */
export const OFFLINE_URL = "/offline";
const PAGES_PREFIX = "drill-pages-";
/** The pages kept offline since old workers (one cache for everyone): deleted like any user's. */
const LEGACY_PAGES = "pages";

export const pagesCacheName = (user: string) => `${PAGES_PREFIX}${user}`;

export const isPagesCache = (name: string) => name.startsWith(PAGES_PREFIX) || name === LEGACY_PAGES;
