// The sign-in throttle: how many password guesses anyone gets. Three limits, all kept in the
// database so they hold across app instances, and taken before the password is checked, so a burst
// of concurrent guesses can't slip past a count that is only written afterwards.
//
//   - Per guesser (client address + account): the first 5 failures in 15 minutes cost nothing;
//     after that each attempt must wait a growing delay (15 s, 30 s, 1 min, ... at most 15 min)
//     since the last failure. One attempt runs at a time. Guessing slows to a crawl for the guesser,
//     and only for them: the owner, from their own device, signs in as usual.
//   - Per client address: at most 20 attempts in 15 minutes that didn't succeed, across accounts,
//     so one client can't spread its guesses over many accounts.
//   - Per account, from everywhere: past 100 failures in 15 minutes (guesses spread over many
//     addresses) the account takes no password until the window ends. The owner keeps the ways in
//     an attacker lacks: devices already signed in stay signed in, and a completed password reset
//     lifts every lock on the account (liftSignInLocks).
import "server-only";
import { db } from "../server/db";
import { isUniqueViolation } from "../server/errors";

export const FREE_FAILURES = 5;
export const CLIENT_ATTEMPTS = 20;
export const ACCOUNT_FAILURES = 100;
const WINDOW_MS = 15 * 60_000;
const FIRST_DELAY_MS = 15_000;
const MAX_DELAY_MS = 15 * 60_000;
/** How long an attempt holds its account's turn while the password is checked. */
const IN_FLIGHT_MS = 10_000;

/** The wait before the next attempt after `failures` failures in the window. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next sets the
 * header from the socket when no proxy did). Without a proxy that sets it, a client can write its
 * own, so the per-account limit is the one that always holds.
 */
export function clientAddress(headers: Headers | undefined): string | null {
  const address = headers?.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return address ? address.slice(0, 64) : null;
}

const clientKey = (address: string) => `client:${address}`;
/** The guesser's own row: the account from this client (without a client address, the account alone). */
const guesserKey = (email: string, client: string | null) => (client ? `guess:${email}|${client}` : `account:${email}`);
const accountWideKey = (email: string) => `account-wide:${email}`;

/** Makes sure the key has a row. Concurrent first attempts race to create it; one wins, all go on. */
async function ensureRow(key: string, now: Date): Promise<void> {
  if (await db.signInThrottle.findUnique({ where: { key }, select: { key: true } })) return;
  try {
    await db.signInThrottle.create({ data: { key, windowStart: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Starts a new window for a key whose window has passed (and whose delay, if any, is over). */
async function renewWindow(key: string, now: Date): Promise<void> {
  await db.signInThrottle.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - WINDOW_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
}

export type Turn = { ok: true } | { ok: false; scope: "account" | "client"; retryAt: Date };

/** Gives back the client's attempt when the turn wasn't taken after all. */
async function returnClientAttempt(client: string | null): Promise<void> {
  if (client) await db.signInThrottle.update({ where: { key: clientKey(client) }, data: { failures: { decrement: 1 } } });
}

/** When the account takes passwords again, if failures from everywhere have closed it for now. */
async function accountClosedUntil(email: string, now: Date): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { key: accountWideKey(email) } });
  if (!row || row.failures < ACCOUNT_FAILURES) return null;
  const until = new Date(row.windowStart.getTime() + WINDOW_MS);
  return until > now ? until : null;
}

/** Takes a turn to check a password for `email` from `client`, or says when to try again. */
export async function takeTurn(email: string, client: string | null, now: Date): Promise<Turn> {
  if (client) {
    const key = clientKey(client);
    await renewWindow(key, now);
    await ensureRow(key, now);
    const row = await db.signInThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
    if (row.failures > CLIENT_ATTEMPTS) {
      await returnClientAttempt(client);
      return { ok: false, scope: "client", retryAt: new Date(row.windowStart.getTime() + WINDOW_MS) };
    }
  }
  const closedUntil = await accountClosedUntil(email, now);
  if (closedUntil) {
    await returnClientAttempt(client);
    return { ok: false, scope: "account", retryAt: closedUntil };
  }
  const key = guesserKey(email, client);
  await renewWindow(key, now);
  await ensureRow(key, now);
  // One conditional write decides who goes: concurrent attempts can't all see "free".
  const { count } = await db.signInThrottle.updateMany({
    where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: new Date(now.getTime() + IN_FLIGHT_MS) },
  });
  if (count === 1) return { ok: true };
  await returnClientAttempt(client);
  const row = await db.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return { ok: false, scope: "account", retryAt: row?.lockedUntil ?? new Date(now.getTime() + IN_FLIGHT_MS) };
}

/** Ends a turn: a success clears the guesser's count, a failure adds to it (and the account's) and sets the wait. */
export async function endTurn(email: string, client: string | null, success: boolean, now: Date): Promise<void> {
  const key = guesserKey(email, client);
  if (success) {
    await db.signInThrottle.deleteMany({ where: { key: { in: [key, accountWideKey(email)] } } });
    if (client)
      await db.signInThrottle.updateMany({ where: { key: clientKey(client), failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
    return;
  }
  const row = await db.signInThrottle.update({ where: { key }, data: { failures: { increment: 1 } }, select: { failures: true } });
  const delay = delayAfter(row.failures);
  await db.signInThrottle.update({ where: { key }, data: { lockedUntil: delay ? new Date(now.getTime() + delay) : null } });
  const wide = accountWideKey(email);
  await renewWindow(wide, now);
  await ensureRow(wide, now);
  await db.signInThrottle.update({ where: { key: wide }, data: { failures: { increment: 1 } } });
}

/** Lifts every sign-in lock on an account: its owner just proved it's them by a password reset. */
export async function liftSignInLocks(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({
    where: { OR: [{ key: { in: [`account:${email}`, accountWideKey(email)] } }, { key: { startsWith: `guess:${email}|` } }] },
  });
}

/** When this guesser (the account from this client) may next try, if it must wait. */
export async function throttleRetryAt(email: string, now = new Date(), client: string | null = null): Promise<Date | null> {
  const closedUntil = await accountClosedUntil(email, now);
  if (closedUntil) return closedUntil;
  const row = await db.signInThrottle.findUnique({ where: { key: guesserKey(email, client) }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}
