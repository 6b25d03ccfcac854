// Sending one reminder to a learner by the channels they chose: the mail (one link to /study and a
// one-click unsubscribe, RFC 8058) and the push notification (a click opens /study), each retried a
// bounded number of times. Failures are logged and reported, never thrown at the caller.
import "server-only";
import { sendMail } from "../accounts/mail";
import { siteOriginOf } from "../server/env";
import type { ReminderMessage } from "./plan";
import { pushToLearner, type PushOptions } from "./push";
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from "./retry";
import { oneClickPath, unsubscribePath, unsubscribeToken } from "./unsubscribe";

export interface Recipient {
  userId: string;
  email: string;
  byEmail: boolean;
  byPush: boolean;
}

export interface DeliveryOptions {
  retry?: RetryPolicy;
  push?: PushOptions;
}

/** The reminder as a mail: the message, the study link, and how to stop it. */
export function reminderMail(recipient: Recipient, message: ReminderMessage, origin = siteOriginOf()) {
  const token = unsubscribeToken(recipient.userId);
  return {
    to: recipient.email,
    subject: message.subject,
    text: [
      ...message.lines,
      "",
      `Study now: ${origin}/study`,
      "",
      "You get this mail because you turned on daily reminders in Drill; its settings page changes the hour or pauses them.",
      `Stop daily reminders: ${origin}${unsubscribePath(token)}`,
    ].join("\n"),
    headers: {
      "List-Unsubscribe": `<${origin}${oneClickPath(token)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/** Sends by each chosen channel; true when at least one delivered. */
export async function deliverReminder(recipient: Recipient, message: ReminderMessage, options: DeliveryOptions = {}): Promise<boolean> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const [mailed, pushed] = await Promise.all([
    recipient.byEmail ? withRetries("mail", () => sendMail(reminderMail(recipient, message)), retry) : false,
    recipient.byPush
      ? pushToLearner(recipient.userId, { ...message.push, url: "/study" }, { retry, ...options.push }).catch((error: unknown) => {
          console.error(`[reminders] push: ${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}`);
          return false;
        })
      : false,
  ]);
  return mailed || pushed;
}

const deliveries = new Set<Promise<unknown>>();

/** Runs a delivery off the request path (the test reminder): the request answers at once. */
export function deliverSoon(delivery: () => Promise<unknown>): void {
  const running = delivery()
    .catch((error: unknown) => console.error(`[reminders] ${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}`))
    .finally(() => deliveries.delete(running));
  deliveries.add(running);
}

/** Resolves once every delivery started by deliverSoon has ended (tests, shutdown). */
export async function remindersSettled(): Promise<void> {
  await Promise.all([...deliveries]);
}
