import { describe, expect, it, vi } from "vitest";
import { cachedSessionUser, forgetSessionUser, SESSION_CACHE_MS } from "@/lib/accounts/session-cache";

describe("the session user cache", () => {
  const user = { id: "u1", email: "a@example.test", name: null, sessionVersion: 0 };

  it("reads the user once while fresh, again after the window or once forgotten", async () => {
    const load = vi.fn(async () => user);
    const t = 1_000_000;
    await cachedSessionUser("u1", load, t);
    await cachedSessionUser("u1", load, t + SESSION_CACHE_MS - 1);
    expect(load).toHaveBeenCalledTimes(1);
    await cachedSessionUser("u1", load, t + SESSION_CACHE_MS);
    expect(load).toHaveBeenCalledTimes(2);
    forgetSessionUser("u1");
    await cachedSessionUser("u1", load, t + SESSION_CACHE_MS + 1);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("remembers an account that is gone as gone, for the same short window", async () => {
    const load = vi.fn(async () => null);
    expect(await cachedSessionUser("gone", load, 5)).toBeNull();
    expect(await cachedSessionUser("gone", load, 6)).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
