// Web push (the standard Push API, VAPID-signed by the `web-push` library): a learner's browser
// subscriptions, kept per learner, and sending one notification to each. A subscription the push
// service reports gone (404, 410) is removed.
import "server-only";
import type { Agent } from "node:https";
import webpush from "web-push";
import { z } from "zod";
import { db } from "../server/db";
import { mailSettings, vapidKeys } from "../server/env";
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from "./retry";

/** What PushSubscription.toJSON() gives in the browser; sizes bounded well above real ones. */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https$/, error: "A push subscription's endpoint must be an https:// address." }).max(2000),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, "Not a push subscription key."),
    auth: z.string().regex(/^[A-Za-z0-9_-]{16,30}={0,2}$/, "Not a push subscription secret."),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

/** Keeps a browser's subscription for the learner; the same browser subscribing again moves it to them. */
export async function savePushSubscription(userId: string, subscription: PushSubscriptionInput): Promise<void> {
  const data = { userId, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth };
  await db.pushSubscription.upsert({
    where: { endpoint: subscription.endpoint },
    create: { endpoint: subscription.endpoint, ...data },
    update: data,
  });
}

/** Forgets a browser's subscription, only when it is the learner's own. */
export async function deletePushSubscription(userId: string, endpoint: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { userId, endpoint } });
}

export async function countPushSubscriptions(userId: string): Promise<number> {
  return db.pushSubscription.count({ where: { userId } });
}

/** The public key browsers subscribe with, or null when push isn't configured. */
export const vapidPublicKey = (): string | null => vapidKeys()?.publicKey ?? null;

export interface PushNotification {
  title: string;
  body: string;
  /** The page a click opens. */
  url: string;
}

export interface PushOptions {
  retry?: RetryPolicy;
  /** For tests: a TLS agent trusting the test's own push endpoint. */
  agent?: Agent;
}

const gone = (error: unknown) => error instanceof webpush.WebPushError && (error.statusCode === 404 || error.statusCode === 410);

/** The VAPID subject: a contact address for the push service, taken from the mail sender. */
function subject(): string {
  const from = mailSettings().from;
  return `mailto:${/<([^>]+)>/.exec(from)?.[1] ?? from}`;
}

/** Sends the notification to every browser the learner subscribed; true when at least one took it. */
export async function pushToLearner(userId: string, notification: PushNotification, options: PushOptions = {}): Promise<boolean> {
  const keys = vapidKeys();
  if (!keys) return false;
  const subscriptions = await db.pushSubscription.findMany({
    where: { userId },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  let delivered = false;
  for (const subscription of subscriptions) {
    let removed = false;
    const ok = await withRetries(
      "push",
      async () => {
        try {
          await webpush.sendNotification(
            { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
            JSON.stringify(notification),
            { vapidDetails: { subject: subject(), ...keys }, TTL: 12 * 3600, agent: options.agent, timeout: 10_000 },
          );
        } catch (error) {
          if (gone(error)) {
            await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
            removed = true;
          }
          throw error;
        }
      },
      options.retry ?? DEFAULT_RETRY,
      gone,
    );
    delivered ||= ok && !removed;
  }
  return delivered;
}
