// The one-click unsubscribe link in every reminder mail: a token that names the learner and is signed
// with the app's secret for this one purpose, so it can stop their reminders (and nothing else)
// without a sign-in, and a token for anything else can't be made from it.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../server/env";
import { AppError } from "../server/errors";

const PURPOSE = "drill/reminders/unsubscribe/v1";

function secret(): string {
  const value = authSecret();
  if (!value) throw new Error("AUTH_SECRET is not set: reminder links can't be signed.");
  return value;
}

const signature = (userId: string) => createHmac("sha256", secret()).update(`${PURPOSE}\n${userId}`).digest("base64url");

export function unsubscribeToken(userId: string): string {
  return `${userId}.${signature(userId)}`;
}

/** The learner a token names, or an AppError when it isn't one Drill signed. */
export function userOfUnsubscribeToken(token: string): string {
  const refused = new AppError("invalid", "This unsubscribe link is not valid. Turn reminders off in your settings instead.");
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw refused;
  const [, userId, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(signature(userId));
  if (!timingSafeEqual(expected, Buffer.from(given))) throw refused;
  return userId;
}

export const unsubscribePath = (token: string) => `/reminders/unsubscribe?token=${encodeURIComponent(token)}`;
/** RFC 8058's target: a POST with `List-Unsubscribe=One-Click`, made by the mail client. */
export const oneClickPath = (token: string) => `/reminders/unsubscribe/one-click?token=${encodeURIComponent(token)}`;
