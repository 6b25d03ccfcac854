import { describe, expect, it } from "vitest";
import { authSecret, MissingSecretError, oauthProviders } from "@/lib/server/env";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { databaseConfig } from "@/lib/server/database-url";

describe("safeReturnPath", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeReturnPath("/decks/x?tag=oop")).toBe("/decks/x?tag=oop");
    expect(safeReturnPath("https://evil.example")).toBe("/decks");
    expect(safeReturnPath("//evil.example")).toBe("/decks");
    expect(safeReturnPath("/\\evil.example")).toBe("/decks");
    expect(safeReturnPath(undefined)).toBe("/decks");
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
