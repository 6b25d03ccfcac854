// The JSON logs: secrets and answer text are redacted wherever they sit; route labels carry no ids,
// tokens or query strings. And the readiness decision.
import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { createLogger, routeOf } from "@/lib/server/log";
import { readinessOf } from "@/lib/server/readiness";

function captured() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ destination }) };
}

describe("logs", () => {
  test("passwords, tokens, cookies and answers never reach a log line", () => {
    const { lines, logger } = captured();
    logger.info(
      {
        password: "hunter2",
        token: "reset-token-123",
        cookie: "authjs.session-token=abc",
        answer: "a closure keeps its scope",
        body: { password: "hunter3", newPassword: "x", back: "the answer side", csrfToken: "t" },
        headers: { authorization: "Bearer s3cret", "set-cookie": "a=b" },
        route: "/api/reviews",
      },
      "request",
    );
    const text = JSON.stringify(lines);
    for (const secret of [
      "hunter2",
      "hunter3",
      "reset-token-123",
      "authjs.session-token=abc",
      "closure",
      "the answer side",
      "s3cret",
      "a=b",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ msg: "request", route: "/api/reviews", password: "[redacted]", level: 30 });
    expect(lines[0]!.headers).toEqual({ authorization: "[redacted]", "set-cookie": "[redacted]" });
  });

  test("a route label has no query string, and ids and tokens become :id", () => {
    expect(routeOf("/reset-password?token=abcdef123456")).toBe("/reset-password");
    expect(routeOf("/decks/cm4x9k2j10000abcd1234efgh/cards/closures")).toBe("/decks/:id/cards/closures");
    expect(routeOf("/_next/static/chunks/abc123.js")).toBe("/_next/*");
    expect(routeOf("/")).toBe("/");
    expect(routeOf(undefined)).toBe("/");
  });
});

describe("readiness", () => {
  const base = { draining: false, databaseError: null, applied: ["1_init", "2_more"], expected: ["1_init", "2_more"] };
  test("ready when the database answers with every expected migration applied", () => {
    expect(readinessOf(base)).toEqual({ ready: true });
    expect(readinessOf({ ...base, applied: [...base.applied, "3_from_newer_code"] })).toEqual({ ready: true });
  });
  test("not ready, saying why", () => {
    expect(readinessOf({ ...base, draining: true })).toEqual({ ready: false, reason: "shutting down" });
    expect(readinessOf({ ...base, databaseError: "ECONNREFUSED" })).toEqual({ ready: false, reason: "database unavailable: ECONNREFUSED" });
    expect(readinessOf({ ...base, applied: ["1_init"] })).toEqual({
      ready: false,
      reason: "database schema is behind the code: 1 migration(s) not applied",
    });
  });
});
