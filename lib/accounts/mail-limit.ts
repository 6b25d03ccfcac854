// How much mail anyone can make Drill send (password-reset links, sign-up links, invitations): per
// address it goes to, and per client asking (an address, or a signed-in user for invitations), in a
// rolling hour. Counted in the SignInThrottle table, so the limits hold across app instances. The
// address is counted before anything is looked up, so a refusal says nothing about who has an account.
import "server-only";
import { db } from "../server/db";
import { AppError, isUniqueViolation } from "../server/errors";

/** Mails to one address per hour, of every kind together. */
export const MAILS_PER_ADDRESS = 5;
/** Mails one client can have sent per hour, to any addresses. */
export const MAILS_PER_CLIENT = 10;
const WINDOW_MS = 60 * 60_000;

/** Counts one mail against `key`; false when the key has used its allowance this window. */
async function countMail(key: string, limit: number, now: Date): Promise<boolean> {
  await db.signInThrottle.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - WINDOW_MS) } },
    data: { failures: 0, windowStart: now },
  });
  try {
    await db.signInThrottle.create({ data: { key, windowStart: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const row = await db.signInThrottle.update({ where: { key }, data: { failures: { increment: 1 } }, select: { failures: true } });
  return row.failures <= limit;
}

// This machine itself (the end-to-end tests; a proxy on this host that didn't say who asked) isn't
// limited as a client, or every visitor behind such a proxy would share one allowance; the
// per-address limit still holds for it.
const isLoopback = (client: string) => /^(127\.|::1$|::ffff:127\.)/.test(client);

/**
 * Takes one mail from the allowances of the address and of the client asking, or refuses with a
 * message saying to wait. `client` is null when the address is unknown (no proxy header).
 */
export async function takeMailAllowance(to: string, client: string | null, now = new Date()): Promise<void> {
  const clientOk = client === null || isLoopback(client) || (await countMail(`mail-from:${client}`, MAILS_PER_CLIENT, now));
  const addressOk = clientOk && (await countMail(`mail-to:${to}`, MAILS_PER_ADDRESS, now));
  if (!clientOk || !addressOk) {
    throw new AppError(
      "rate_limited",
      "Too many emails were asked for just now. Check your inbox (and spam folder), or try again in an hour.",
    );
  }
}
