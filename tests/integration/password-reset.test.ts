// "Forgot password": the request says nothing about whether an address has an account, the link
// works once and for an hour, and using it sets the new password and ends every session.
import { describe, expect, it } from "vitest";
import { requestPasswordReset, resetLinkWorks, resetPassword, setDisplayName } from "@/lib/accounts/password-reset";
import { checkPassword, createAccount, signUpSchema } from "@/lib/accounts/passwords";
import { db } from "@/lib/server/db";
import { lastMailTo, makeUser, uniqueEmail } from "./helpers";

const ORIGIN = "http://drill.test";
const tokenIn = (mail: string) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail)?.[1] ?? "";

describe("resetting a forgotten password", () => {
  it("mails a single-use link that sets the new password and ends every session", async () => {
    const user = await createAccount(signUpSchema.parse({ email: uniqueEmail("forgetful"), password: "the old secret" }));
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await requestPasswordReset(user.email, ORIGIN);
    const token = tokenIn(await lastMailTo(user.email));
    expect(token).not.toBe("");
    expect(await resetLinkWorks(token)).toBe(true);

    await resetPassword(token, "a brand new secret");
    expect((await checkPassword({ email: user.email, password: "a brand new secret" })).ok).toBe(true);
    expect((await checkPassword({ email: user.email, password: "the old secret" })).ok).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(before + 1);
    // Used once: the link is gone.
    expect(await resetLinkWorks(token)).toBe(false);
    await expect(resetPassword(token, "yet another secret")).rejects.toThrow("expired or was used already");
  });

  it("refuses an expired link, and a newer request replaces the older link", async () => {
    const user = await createAccount(signUpSchema.parse({ email: uniqueEmail("slow"), password: "the old secret" }));
    const then = new Date("2026-12-01T10:00:00Z");
    await requestPasswordReset(user.email, ORIGIN, then);
    const first = tokenIn(await lastMailTo(user.email));
    await requestPasswordReset(user.email, ORIGIN, then);
    const second = tokenIn(await lastMailTo(user.email));
    expect(second).not.toBe(first);
    expect(await resetLinkWorks(first, then)).toBe(false);
    expect(await resetLinkWorks(second, new Date(then.getTime() + 59 * 60_000))).toBe(true);
    await expect(resetPassword(second, "a brand new secret", new Date(then.getTime() + 61 * 60_000))).rejects.toThrow("expired");
    expect((await checkPassword({ email: user.email, password: "the old secret" })).ok).toBe(true);
  });

  it("sends no link for an unknown address, and a note for an account without a password", async () => {
    const unknown = uniqueEmail("nobody");
    await requestPasswordReset(unknown, ORIGIN);
    await expect(lastMailTo(unknown)).rejects.toThrow("no mail");
    const oauth = await makeUser("oauth-only");
    await requestPasswordReset(oauth.email, ORIGIN);
    expect(await lastMailTo(oauth.email)).toContain("signs in with GitHub or Google");
    expect(await db.passwordReset.count({ where: { userId: oauth.id } })).toBe(0);
  });

  it("sets and clears the display name", async () => {
    const user = await makeUser("named");
    await setDisplayName(user.id, "Ada");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ada");
    await setDisplayName(user.id, "");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBeNull();
  });
});
