"use client";

// Registers the service worker (worker/sw.ts) in production builds: it lets /study open offline with
// the last session the learner loaded. Development servers skip it, so a stale worker never serves
// old code while the app is being changed.
import { useEffect } from "react";

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No worker (a private window, a browser that refuses): the app works online as before.
    });
  }, []);
  return null;
}
