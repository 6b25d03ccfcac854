// The deployment files, which can't be run here (no container runtime): compose.yaml parses and wires
// PostgreSQL, two instances behind one port with the health checks; the image runs the command the
// production test (tests/e2e/production.spec.ts) runs.
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { expect, test } from "vitest";
import { SERVE_COMMAND } from "../e2e/instances";

test("the image's start command is the one the production test runs", () => {
  const dockerfile = readFileSync("Dockerfile", "utf8");
  const cmd = [...dockerfile.matchAll(/^CMD (.+)$/gm)].at(-1)?.[1];
  expect(JSON.parse(cmd!)).toEqual([...SERVE_COMMAND]);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(/\.next\/standalone/);
});

test("compose.yaml parses: PostgreSQL with a volume, two instances checked with /api/ready, one public port", () => {
  const compose = load(readFileSync("compose.yaml", "utf8")) as {
    services: Record<
      string,
      { image?: string; ports?: string[]; volumes?: string[]; healthcheck?: { test: string[] }; environment?: Record<string, string> }
    >;
    volumes: Record<string, unknown>;
  };
  const { services } = compose;
  expect(services.postgres!.volumes).toEqual(["pgdata:/var/lib/postgresql/data"]);
  expect(Object.keys(compose.volumes)).toEqual(["pgdata"]);
  for (const name of ["drill-a", "drill-b"]) {
    expect(services[name]!.healthcheck!.test.join(" ")).toContain("/api/ready");
    expect(services[name]!.environment!.AUTH_SECRET).toBe("${AUTH_SECRET:?set AUTH_SECRET}");
    expect(services[name]!.ports).toBeUndefined();
  }
  expect(Object.values(services).filter((s) => s.ports).length).toBe(1);
  expect(readFileSync("Dockerfile", "utf8")).toContain("/api/health");
});
