import { describe, expect, it } from "vitest";
import {
  authSecret,
  ConfigError,
  mailSettings,
  MissingSecretError,
  MissingSiteUrlError,
  oauthProviders,
  servedOverHttps,
  serverEnv,
  siteOriginOf,
} from "@/lib/server/env";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { databaseConfig } from "@/lib/server/database-url";

describe("safeReturnPath", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeReturnPath("/decks/x?tag=oop")).toBe("/decks/x?tag=oop");
    expect(safeReturnPath("https://evil.example")).toBe("/");
    expect(safeReturnPath("//evil.example")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  // The outside review's finding: /sign-in?next=%2F%09%2Fevil.com sent a signed-in user to //evil.com.
  it.each([
    ["a tab", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a tab before a backslash", "/\t\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a slash and a backslash", "/\\evil.example"],
    ["a scheme", "javascript:alert(1)"],
    ["a data URL", "data:text/html,hi"],
    ["a scheme-relative URL", "//evil.example/path"],
    ["an absolute URL", "https://evil.example/"],
  ])("refuses a return path with %s", (_what, next) => {
    expect(safeReturnPath(next)).toBe("/");
  });

  it("keeps encoded slashes as a path on this site, never as a host", () => {
    expect(safeReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeReturnPath("/%2F%09%2Fevil.example")).toBe("/%2F%09%2Fevil.example");
  });

  it("keeps the query and the hash", () => {
    expect(safeReturnPath("/study?deck=python#top")).toBe("/study?deck=python#top");
  });

  // The second review's finding: /sign-in?next=/..//evil.example answered 307 Location: //evil.example.
  it.each([
    "/..//evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e%2e//evil.example",
    "/%2E.//evil.example",
    "/..//evil.example/path?x=1",
    "/../\\evil.example",
    "/..\\/evil.example",
    "/.\t.//evil.example",
    "/../..//evil.example",
  ])("refuses %j, whose dot segments leave a scheme-relative path", (next) => {
    expect(safeReturnPath(next)).toBe("/");
  });

  it("still resolves harmless dot segments to a path on this site", () => {
    expect(safeReturnPath("/decks/../study")).toBe("/study");
    expect(safeReturnPath("/./stats")).toBe("/stats");
  });
});

describe("authSecret", () => {
  it("refuses to run in production without AUTH_SECRET", () => {
    expect(() => authSecret({ NODE_ENV: "production" })).toThrow(MissingSecretError);
    expect(authSecret({ NODE_ENV: "production", AUTH_SECRET: "s3cret" })).toBe("s3cret");
    expect(authSecret({ NODE_ENV: "development" })).toBeUndefined();
  });
});

describe("oauthProviders", () => {
  it("offers a provider only when both its id and secret are set", () => {
    expect(oauthProviders({})).toEqual({ github: false, google: false });
    expect(oauthProviders({ AUTH_GITHUB_ID: "id" })).toEqual({ github: false, google: false });
    expect(oauthProviders({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s", AUTH_GOOGLE_ID: "g", AUTH_GOOGLE_SECRET: "s" })).toEqual({
      github: true,
      google: true,
    });
  });
});

describe("databaseConfig", () => {
  it("defaults to the embedded SQLite file and recognises PostgreSQL URLs", () => {
    expect(databaseConfig({})).toMatchObject({ provider: "sqlite" });
    expect(databaseConfig({}).url).toMatch(/var\/drill\.db$/);
    expect(databaseConfig({ DATABASE_URL: "postgres://u@localhost/db" })).toEqual({
      provider: "postgresql",
      url: "postgres://u@localhost/db",
    });
    expect(() => databaseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/must start with file:/);
  });
});

describe("serverEnv", () => {
  it("reads an empty environment as the documented defaults", () => {
    expect(serverEnv({})).toMatchObject({ PORT: "3000", MAIL_FROM: "Drill <no-reply@drill.invalid>", MAIL_DIR: "var/mail", DEBUG: false });
    expect(serverEnv({ PORT: "  ", AUTH_SECRET: " " })).toMatchObject({ PORT: "3000", AUTH_SECRET: undefined });
  });

  it.each([
    ["DATABASE_URL", "mysql://u@host/db", /DATABASE_URL must start with file: \(SQLite\) or postgres:\/\/ \(PostgreSQL\)/],
    ["DATABASE_URL", "postgresql://host:99999/db", /DATABASE_URL must start with file:/],
    ["AUTH_URL", "drill.example", /AUTH_URL must be an http:\/\/ or https:\/\/ address/],
    ["AUTH_URL", "ftp://drill.example", /AUTH_URL must be an http:\/\/ or https:\/\/ address/],
    ["SMTP_URL", "smtp.example:465", /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ["PORT", "0", /PORT must be a number from 1 to 65535/],
    ["PORT", "65536", /PORT must be a number from 1 to 65535/],
    ["PORT", "http", /PORT must be a number from 1 to 65535/],
    ["SHADOW_DATABASE_URL", "file:./x.db", /SHADOW_DATABASE_URL must be a postgres:\/\/ URL/],
  ])("refuses %s=%s with a message naming the variable", (name, value, message) => {
    expect(() => serverEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => serverEnv({ [name]: value })).toThrow(message);
  });

  it("names every bad variable at once and never echoes a value", () => {
    const error = (() => {
      try {
        serverEnv({ PORT: "99999", SMTP_URL: "mail.example", DATABASE_URL: "mysql://root:hunter2@db" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message.split("\n").filter((line) => line.startsWith("  - "))).toHaveLength(3);
    expect(error?.message).not.toContain("hunter2");
  });
});

describe("siteOriginOf and mailSettings", () => {
  it("takes the origin of AUTH_URL; unset, the local address in development and a clear refusal in production", () => {
    expect(siteOriginOf({ AUTH_URL: "https://drill.example/some/path" })).toBe("https://drill.example");
    expect(siteOriginOf({ NODE_ENV: "production", AUTH_URL: "https://drill.example" })).toBe("https://drill.example");
    expect(siteOriginOf({})).toBe("http://localhost:3000");
    expect(siteOriginOf({ NODE_ENV: "development", PORT: "3105" })).toBe("http://localhost:3105");
    expect(() => siteOriginOf({ NODE_ENV: "production" })).toThrow(MissingSiteUrlError);
    expect(() => siteOriginOf({ NODE_ENV: "production" })).toThrow(/AUTH_URL is not set.*https:\/\/drill\.example/);
    // `next build` runs with NODE_ENV=production and needs no address.
    expect(siteOriginOf({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toBe("http://localhost:3000");
  });

  it("turns on HSTS only when AUTH_URL is https", () => {
    expect(servedOverHttps({ AUTH_URL: "https://drill.example" })).toBe(true);
    expect(servedOverHttps({ AUTH_URL: "http://drill.example" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
  });

  it("mails through SMTP_URL when set, else into MAIL_DIR", () => {
    expect(mailSettings({ SMTP_URL: "smtps://u:p@smtp.example:465", MAIL_FROM: "Me <me@x.example>" })).toEqual({
      smtpUrl: "smtps://u:p@smtp.example:465",
      from: "Me <me@x.example>",
      dir: "var/mail",
    });
    expect(mailSettings({ MAIL_DIR: "var/e2e/mail" })).toMatchObject({ smtpUrl: undefined, dir: "var/e2e/mail" });
  });
});
