// Server-side sessions: signing out ends that one session, so a cookie copied before is refused
// afterwards; "sign out everywhere", a password reset and deleting the account end them all, at
// once (no cache keeps an ended session or a deleted account working for a few seconds more).
import { describe, expect, it } from "vitest";
import { deleteAccount, endAllSessions } from "@/lib/accounts/account";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { createAccount, signUpSchema } from "@/lib/accounts/passwords";
import { endSession, liveSessionUser, SESSION_DAYS, startSession } from "@/lib/accounts/sessions";
import { db } from "@/lib/server/db";
import { lastMailTo, makeUser, uniqueEmail } from "./helpers";

describe("sessions on the server", () => {
  it("refuses a session's id (a replayed cookie) once that session signed out, and only that one", async () => {
    const user = await makeUser("shared-computer");
    const library = await startSession(user.id);
    const phone = await startSession(user.id);
    expect(await liveSessionUser(library, user.id)).toMatchObject({ id: user.id, email: user.email });

    await endSession(library);
    expect(await liveSessionUser(library, user.id)).toBeNull();
    expect(await liveSessionUser(phone, user.id)).toMatchObject({ id: user.id });
  });

  it("refuses another user's session id and an expired session", async () => {
    const user = await makeUser("owner");
    const other = await makeUser("other");
    const then = new Date("2026-12-01T10:00:00Z");
    const session = await startSession(user.id, then);
    expect(await liveSessionUser(session, other.id, then)).toBeNull();
    expect(await liveSessionUser(session, user.id, new Date(then.getTime() + (SESSION_DAYS - 1) * 86_400_000))).not.toBeNull();
    expect(await liveSessionUser(session, user.id, new Date(then.getTime() + SESSION_DAYS * 86_400_000))).toBeNull();
  });

  it("ends every session on sign out everywhere, a password reset and account deletion", async () => {
    const user = await makeUser("everywhere");
    const a = await startSession(user.id);
    await endAllSessions(user);
    expect(await liveSessionUser(a, user.id)).toBeNull();

    const resetting = await createAccount(signUpSchema.parse({ email: uniqueEmail("resetting"), password: "the old secret" }));
    const b = await startSession(resetting.id);
    await requestPasswordReset(resetting.email, "http://drill.test");
    const token = /token=([A-Za-z0-9_-]+)/.exec(await lastMailTo(resetting.email))![1]!;
    await resetPassword(token, "a brand new secret");
    expect(await liveSessionUser(b, resetting.id)).toBeNull();

    const leaving = await makeUser("leaving");
    const c = await startSession(leaving.id);
    expect(await liveSessionUser(c, leaving.id)).not.toBeNull();
    await deleteAccount({ ...leaving }, { confirmEmail: leaving.email });
    // At once, not after a cache's few seconds: the export route answers 401, not 500.
    expect(await liveSessionUser(c, leaving.id)).toBeNull();
    expect(await db.signInSession.count({ where: { userId: leaving.id } })).toBe(0);
  });
});
