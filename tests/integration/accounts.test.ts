import { describe, expect, it } from "vitest";
import { checkPassword, createAccount, signUpSchema } from "@/lib/accounts/passwords";
import { CLIENT_ATTEMPTS, delayAfter, FREE_FAILURES, throttleRetryAt } from "@/lib/accounts/throttle";
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
  const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
  const wrong = (email: string, now: Date, client: string | null = null) => checkPassword({ email, password: "nope nope" }, now, client);

  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    const email = await account();
    expect(await checkPassword({ email, password })).toMatchObject({ ok: true, user: { email } });
    expect(await checkPassword({ email, password: "wrong password" })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkPassword({ email: uniqueEmail(), password })).toEqual({ ok: false, reason: "invalid" });
  });

  it(`after ${FREE_FAILURES} failures each attempt waits a growing delay, and the owner gets in once it has passed`, async () => {
    const email = await account();
    const start = new Date("2026-11-25T12:00:00Z");
    for (let i = 0; i < FREE_FAILURES; i++) expect(await wrong(email, start)).toMatchObject({ reason: "invalid" });
    // Even the right password waits: the check doesn't run until the delay is over.
    expect(await checkPassword({ email, password }, at(start, 1))).toMatchObject({
      reason: "throttled",
      scope: "account",
      retryAt: at(start, 15),
    });
    expect(await throttleRetryAt(email, at(start, 1))).toEqual(at(start, 15));
    // The next failure doubles the wait.
    expect(await wrong(email, at(start, 16))).toMatchObject({ reason: "invalid" });
    expect(await wrong(email, at(start, 20))).toMatchObject({ reason: "throttled", retryAt: at(start, 46) });
    expect(await checkPassword({ email, password }, at(start, 47))).toMatchObject({ ok: true });
    expect(await db.signInThrottle.count({ where: { key: `account:${email}` } })).toBe(0);
  });

  it("never makes the owner wait more than 15 minutes", () => {
    expect([4, 5, 6, 7, 10, 100].map(delayAfter)).toEqual([0, 15_000, 30_000, 60_000, 480_000, 900_000]);
  });

  // The lock was read before argon2 and failures counted after: a burst got 17-25 guesses, not 5.
  it("checks one attempt at a time: a burst of 25 concurrent guesses gets no more than the free failures", async () => {
    const email = await account();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 25 }, () => wrong(email, now)));
    // Each guess is checked only once the one before it has ended (how many of the burst come after
    // depends on the machine's speed), so at most the free failures get through; the rest wait.
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(25 - checked);
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } })).failures).toBe(checked);
  });

  it(`limits one client address to ${CLIENT_ATTEMPTS} failed attempts across accounts, and no one else`, async () => {
    const now = new Date();
    const client = `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueEmail()}`;
    for (let i = 0; i < CLIENT_ATTEMPTS; i++) expect(await wrong(uniqueEmail(), now, client)).toMatchObject({ reason: "invalid" });
    const owner = await account();
    expect(await checkPassword({ email: owner, password }, now, client)).toMatchObject({ reason: "throttled", scope: "client" });
    expect(await checkPassword({ email: owner, password }, now, `${client}-other`)).toMatchObject({ ok: true });
  });

  it("starts a fresh count once the window has passed", async () => {
    const email = await account();
    const start = new Date("2026-11-25T08:00:00Z");
    for (let i = 1; i < FREE_FAILURES; i++) await wrong(email, start);
    expect(await wrong(email, at(start, 20 * 60))).toMatchObject({ reason: "invalid" });
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } })).failures).toBe(1);
  });
});
