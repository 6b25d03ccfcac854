// The one-click unsubscribe link in every reminder mail: a token that names the learner and is signed
// with the app's secret for this one purpose, so it can stop their reminders (and nothing else)
// without a sign-in, and a token for anything else can't be made from it. A mentor's weekly digest
// has its own purpose and names the deck too: its link stops that deck's digest only.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../server/env";
import { AppError } from "../server/errors";

const PURPOSE = "drill/reminders/unsubscribe/v1";
const DIGEST_PURPOSE = "drill/digest/unsubscribe/v1";

function secret(): string {
  const value = authSecret();
  if (!value) throw new Error("AUTH_SECRET is not set: reminder links can't be signed.");
  return value;
}

const sign = (purpose: string, ...names: string[]) =>
  createHmac("sha256", secret())
    .update([purpose, ...names].join("\n"))
    .digest("base64url");
const signature = (userId: string) => sign(PURPOSE, userId);

function matches(expected: string, given: string): boolean {
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

export function unsubscribeToken(userId: string): string {
  return `${userId}.${signature(userId)}`;
}

/** The learner a token names, or an AppError when it isn't one Drill signed. */
export function userOfUnsubscribeToken(token: string): string {
  const refused = new AppError("invalid", "This unsubscribe link is not valid. Turn reminders off in your settings instead.");
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw refused;
  const [, userId, given] = match as unknown as [string, string, string];
  if (!matches(signature(userId), given)) throw refused;
  return userId;
}

export const unsubscribePath = (token: string) => `/reminders/unsubscribe?token=${encodeURIComponent(token)}`;
/** RFC 8058's target: a POST with `List-Unsubscribe=One-Click`, made by the mail client. */
export const oneClickPath = (token: string) => `/reminders/unsubscribe/one-click?token=${encodeURIComponent(token)}`;

/** The link in a mentor's digest: stops that mentor's digest of that one deck. */
export function digestUnsubscribeToken(userId: string, deckId: string): string {
  return `${userId}.${deckId}.${sign(DIGEST_PURPOSE, userId, deckId)}`;
}

/** The mentor and deck a digest token names, or an AppError when it isn't one Drill signed. */
export function digestOfUnsubscribeToken(token: string): { userId: string; deckId: string } {
  const refused = new AppError("invalid", "This unsubscribe link is not valid. Turn the digest off on the deck's dashboard instead.");
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw refused;
  const [, userId, deckId, given] = match as unknown as [string, string, string, string];
  if (!matches(sign(DIGEST_PURPOSE, userId, deckId), given)) throw refused;
  return { userId, deckId };
}

export const digestUnsubscribePath = (token: string) => `/reminders/digest/unsubscribe?token=${encodeURIComponent(token)}`;
export const digestOneClickPath = (token: string) => `/reminders/digest/unsubscribe/one-click?token=${encodeURIComponent(token)}`;
