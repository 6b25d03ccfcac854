import { describe, expect, it } from "vitest";
import { checkPassword, createAccount, MAX_FAILURES, signUpSchema, throttleRetryAt } from "@/lib/accounts/passwords";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { uniqueEmail } from "./helpers";

const password = "correct horse battery";

describe("sign-up", () => {
  it("stores an argon2id hash, never the password", async () => {
    const email = uniqueEmail();
    const user = await createAccount(signUpSchema.parse({ email, password }));
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    const email = uniqueEmail();
    await createAccount(signUpSchema.parse({ email, password }));
    const again = createAccount(signUpSchema.parse({ email: `  ${email.toUpperCase()} `, password }));
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: [expect.stringMatching(/already exists/)] } });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("validates email, password length and over-long input with clear messages", () => {
    const errors = (input: object) => signUpSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(errors({ email: "not-an-email", password })).toEqual([expect.stringMatching(/valid email/)]);
    expect(errors({ email: uniqueEmail(), password: "short" })).toEqual(["Use at least 8 characters."]);
    expect(errors({ email: uniqueEmail(), password: "x".repeat(129) })).toEqual(["Use at most 128 characters."]);
    expect(errors({ email: `${"a".repeat(250)}@example.test`, password })).toEqual(["That email address is too long."]);
  });
});

describe("password sign-in and its throttle", () => {
  async function account() {
    const email = uniqueEmail();
    await createAccount(signUpSchema.parse({ email, password }));
    return email;
  }

  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    const email = await account();
    expect(await checkPassword({ email, password })).toMatchObject({ ok: true, user: { email } });
    expect(await checkPassword({ email, password: "wrong password" })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkPassword({ email: uniqueEmail(), password })).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks the account after ${MAX_FAILURES} failures, even for the right password, until the lock ends`, async () => {
    const email = await account();
    const now = new Date("2026-11-25T12:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await checkPassword({ email, password: "nope nope" }, now)).toMatchObject({ reason: "invalid" });
    }
    const locked = await checkPassword({ email, password: "nope nope" }, now);
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(await checkPassword({ email, password }, new Date(now.getTime() + 60_000))).toMatchObject({ reason: "throttled" });
    expect(await throttleRetryAt(email, now)).toEqual(new Date(now.getTime() + 15 * 60_000));

    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await checkPassword({ email, password }, later)).toMatchObject({ ok: true });
    expect(await db.signInThrottle.count({ where: { email } })).toBe(0);
  });

  it("keeps the count in the database, so concurrent failures from several instances all count", async () => {
    const email = await account();
    const now = new Date();
    await Promise.all(Array.from({ length: MAX_FAILURES }, () => checkPassword({ email, password: "nope nope" }, now)));
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { email } });
    expect(row.failures).toBe(MAX_FAILURES);
    expect(row.lockedUntil).not.toBeNull();
  });

  it("starts a fresh count once the window has passed", async () => {
    const email = await account();
    const start = new Date("2026-11-25T08:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++) await checkPassword({ email, password: "nope nope" }, start);
    const afterWindow = new Date(start.getTime() + 20 * 60_000);
    expect(await checkPassword({ email, password: "nope nope" }, afterWindow)).toMatchObject({ reason: "invalid" });
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { email } })).failures).toBe(1);
  });
});
