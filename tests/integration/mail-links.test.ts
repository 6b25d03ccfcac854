// Links in mail come from the configured origin only: a forged Host or X-Forwarded-Host on the
// request that asks for a reset link must not put the token in a link to another host.
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { createAccount, signUpSchema } from "@/lib/accounts/passwords";
import { siteOrigin } from "@/lib/server/origin";
import { lastMailTo, uniqueEmail } from "./helpers";

// The request as a forger sends it.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }),
}));

afterEach(() => vi.unstubAllEnvs());

describe("links in mail", () => {
  it("use AUTH_URL, whatever the request's host headers say", async () => {
    vi.stubEnv("AUTH_URL", "https://drill.example");
    const user = await createAccount(signUpSchema.parse({ email: uniqueEmail("poisoned"), password: "the old secret" }));
    await requestPasswordReset(user.email, await siteOrigin());
    const mail = await lastMailTo(user.email);
    expect(mail).toMatch(/https:\/\/drill\.example\/reset-password\?token=/);
    expect(mail).not.toContain("evil.example");
  });

  it("use the local address without AUTH_URL in development, and refuse to guess in production", async () => {
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("PORT", "3105");
    expect(await siteOrigin()).toBe("http://localhost:3105");
    vi.stubEnv("NODE_ENV", "production");
    await expect(siteOrigin()).rejects.toThrow("AUTH_URL is not set");
  });
});
