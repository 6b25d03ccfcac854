// Signed-in browsers. Each sign-in makes a SignInSession row and puts its id in the session token;
// a token whose row is gone is refused. Signing out deletes that one row, so a copy of the cookie
// taken before sign-out stops working at once, on every app instance. Every request reads the row
// with its user in one indexed lookup (no cache: an ended session or a deleted account must not
// keep working for a few seconds more).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../server/db";
import { DAY_MS } from "../time";

/** A session lasts this long from signing in, however often its cookie is renewed. */
export const SESSION_DAYS = 30;

export interface SessionUserRow {
  id: string;
  email: string;
  name: string | null;
  sessionVersion: number;
}

/** Records a sign-in and returns the session's id for its token (and clears the user's expired rows). */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.signInSession.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  await db.signInSession.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS) } });
  return id;
}

/** Ends one session: its token, and any copy of it, is refused from now on. */
export async function endSession(sessionId: string): Promise<void> {
  await db.signInSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user (sign out everywhere, a password reset). */
export async function endSessionsOf(userId: string): Promise<void> {
  await db.signInSession.deleteMany({ where: { userId } });
}

/** The user of a live session: null when it was ended or has expired, or the account is gone. */
export async function liveSessionUser(sessionId: string, userId: string, now = new Date()): Promise<SessionUserRow | null> {
  const row = await db.signInSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, user: { select: { id: true, email: true, name: true, sessionVersion: true } } },
  });
  if (!row || row.userId !== userId || row.expiresAt <= now) return null;
  return row.user;
}
