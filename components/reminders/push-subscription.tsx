"use client";

// This browser's push subscription: asks the browser's permission, subscribes with the server's VAPID
// key through the service worker, and hands the subscription to the server (or takes it back).
import { useState, useTransition } from "react";
import { deletePushSubscriptionAction, savePushSubscriptionAction } from "@/app/settings/actions";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function currentSubscription(): Promise<PushSubscription | null> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export function PushSubscriptionControls({ vapidPublicKey, subscriptions }: { vapidPublicKey: string | null; subscriptions: number }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!vapidPublicKey) return <p className="text-sm text-muted">Push notifications are not set up on this server.</p>;

  const subscribe = () =>
    startTransition(async () => {
      if (!("serviceWorker" in navigator) || !("PushManager" in window))
        return setMessage("This browser can't receive push notifications.");
      if ((await Notification.requestPermission()) !== "granted")
        return setMessage("Notifications are blocked for this site in your browser.");
      const registration = await navigator.serviceWorker.ready;
      // The browser's push service can refuse (none reachable, a private window): say so, don't fail silently.
      const subscription = await registration.pushManager
        .subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) })
        .catch(() => null);
      if (!subscription) return setMessage("This browser couldn't reach its push service. Try again later, or use email.");
      const saved = await savePushSubscriptionAction(null, subscription.toJSON() as Record<string, unknown>);
      setMessage(saved?.ok ? "This browser will show your reminders." : (saved?.error ?? "That didn't work."));
    });

  const unsubscribe = () =>
    startTransition(async () => {
      const subscription = await currentSubscription();
      if (subscription) {
        await deletePushSubscriptionAction(null, { endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setMessage("This browser won't show reminders any more.");
    });

  return (
    <div className="space-y-2">
      <p className="text-sm text-muted">
        Push reminders go to {subscriptions === 1 ? "1 browser" : `${subscriptions} browsers`} you allowed.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={subscribe} disabled={pending}>
          Allow notifications on this browser
        </button>
        <button type="button" className="btn" onClick={unsubscribe} disabled={pending}>
          Stop notifications on this browser
        </button>
      </div>
      {message && (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </div>
  );
}
