// Nobody can keep an owner out by guessing their password: the throttle slows the guesser (their
// address and the account), not the account; when guesses come from everywhere, a completed
// password reset lets the owner back in.
import { describe, expect, it } from "vitest";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { checkPassword, createAccount, signUpSchema } from "@/lib/accounts/passwords";
import { ACCOUNT_FAILURES } from "@/lib/accounts/throttle";
import { lastMailTo, uniqueEmail } from "./helpers";

const password = "the owner's own secret";
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

async function owner(): Promise<string> {
  const email = uniqueEmail("owner");
  await createAccount(signUpSchema.parse({ email, password }));
  return email;
}

describe("the sign-in throttle and the owner", () => {
  it("slows a guesser at one address for 4 minutes, while the owner signs in from theirs each time", async () => {
    const email = await owner();
    const start = new Date("2026-12-05T09:00:00Z");
    const attacker = "198.51.100.66";
    let refused = 0;
    // One wrong guess a second for 240 s, as the review's attack did; the owner tries each minute.
    for (let second = 0; second < 240; second++) {
      const guess = await checkPassword({ email, password: `guess ${second}` }, at(start, second), attacker);
      expect(guess.ok).toBe(false);
      if (!guess.ok && guess.reason === "throttled") refused++;
      if (second % 60 === 30) {
        expect(await checkPassword({ email, password }, at(start, second), "203.0.113.5")).toMatchObject({ ok: true });
      }
    }
    // The guesser was held to a handful of real checks.
    expect(refused).toBeGreaterThan(225);
  }, 120_000);

  it("lets the owner back in by a password reset when guesses from everywhere closed the account", async () => {
    const email = await owner();
    const now = new Date();
    for (let i = 0; i < ACCOUNT_FAILURES; i++) await checkPassword({ email, password: "wrong" }, now, `192.0.2.${i % 250}-${i}`);
    expect(await checkPassword({ email, password }, now, "203.0.113.5")).toMatchObject({
      ok: false,
      reason: "throttled",
      scope: "account",
    });

    await requestPasswordReset(email, "http://drill.test", now, "203.0.113.5");
    const token = /token=([A-Za-z0-9_-]+)/.exec(await lastMailTo(email))![1]!;
    await resetPassword(token, "a brand new secret");
    expect(await checkPassword({ email, password: "a brand new secret" }, now, "203.0.113.5")).toMatchObject({ ok: true });
  }, 120_000);
});
