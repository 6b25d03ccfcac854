// /api/ready against a real database on both engines: ready when migrated, 503 with a reason when the
// schema is behind the code, when the database can't be reached, and while stopping.
import { afterEach, describe, expect, inject, test } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/server/db";
import { createPostgresClient } from "@/lib/server/db-postgresql";
import { createSqliteClient } from "@/lib/server/db-sqlite";
import { lifecycle } from "@/lib/server/lifecycle";
import { checkReadiness, expectedMigrations } from "@/lib/server/readiness";

const engine = inject("engine");

afterEach(() => {
  lifecycle().draining = false;
});

describe("/api/health and /api/ready", () => {
  test("health answers without the database, never cached", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
  });

  test("ready on a migrated database, with nothing about any user", async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ready" });
  });

  test("not ready while the instance is stopping", async () => {
    lifecycle().draining = true;
    const res = await ready();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "not ready", reason: "shutting down" });
  });

  test("not ready while a migration of this code is missing from the database, ready once it is back", async () => {
    const last = expectedMigrations(engine).at(-1)!;
    const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM _prisma_migrations WHERE migration_name = '${last}'`);
    expect(row).toBeDefined();
    await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET migration_name = 'x_${last}' WHERE migration_name = '${last}'`);
    try {
      const res = await ready();
      expect(res.status).toBe(503);
      expect((await res.json()).reason).toBe("database schema is behind the code: 1 migration(s) not applied");
    } finally {
      await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET migration_name = '${last}' WHERE migration_name = 'x_${last}'`);
    }
    expect((await ready()).status).toBe(200);
  });

  test("not ready, with the reason and no connection string, when the database can't be reached", async () => {
    const unreachable =
      engine === "postgresql"
        ? // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
          createPostgresClient("postgresql://drill:secret-password@127.0.0.1:9/drill")
        : createSqliteClient("/nonexistent-drill-dir/drill.db");
    try {
      const readiness = await checkReadiness(unreachable, engine, false);
      expect(readiness.ready).toBe(false);
      const reason = readiness.ready ? "" : readiness.reason;
      expect(reason).toMatch(/^database unavailable: /);
      expect(reason).not.toContain("secret-password");
    } finally {
      await unreachable.$disconnect().catch(() => undefined);
    }
  });
});
