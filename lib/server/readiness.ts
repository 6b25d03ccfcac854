// Whether this instance should get traffic (GET /api/ready): the database answers, every migration
// this code was built with is applied, and the process isn't stopping. The decision is pure
// (`readinessOf`); `checkReadiness` does the one cheap query it needs.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../generated/sqlite/client";
import type { DatabaseProvider } from "./database-url";

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface ReadinessFacts {
  draining: boolean;
  /** Why the database didn't answer, or null when it did. */
  databaseError: string | null;
  /** Migrations recorded as applied (finished, not rolled back) in the database. */
  applied: readonly string[];
  /** Migrations this code expects (its migrations folder). */
  expected: readonly string[];
}

export function readinessOf(facts: ReadinessFacts): Readiness {
  if (facts.draining) return { ready: false, reason: "shutting down" };
  if (facts.databaseError !== null) return { ready: false, reason: `database unavailable: ${facts.databaseError}` };
  const applied = new Set(facts.applied);
  const missing = facts.expected.filter((name) => !applied.has(name));
  if (missing.length > 0) return { ready: false, reason: `database schema is behind the code: ${missing.length} migration(s) not applied` };
  return { ready: true };
}

const MIGRATIONS_DIR: Record<DatabaseProvider, string> = {
  sqlite: "prisma/sqlite/migrations",
  postgresql: "prisma/postgres/migrations",
};

let expectedCache: { provider: DatabaseProvider; names: string[] } | undefined;

/** The migration folders shipped with this code, read once (they don't change while it runs). */
export function expectedMigrations(provider: DatabaseProvider, root = process.cwd()): string[] {
  if (expectedCache?.provider === provider) return expectedCache.names;
  const dir = path.join(/*turbopackIgnore: true*/ root, MIGRATIONS_DIR[provider]);
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  expectedCache = { provider, names };
  return names;
}

/** A database error in one line, without the connection string (which may hold a password). */
function describe(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const code = [e.cause?.code, e.code].find((c) => typeof c === "string" && c.length > 0);
  if (code) return String(code);
  const message = String(e.cause?.message ?? e.message ?? error);
  return (message.split("\n")[0] ?? "").replace(/postgres(ql)?:\/\/\S+/g, "postgres://…").slice(0, 200);
}

export async function checkReadiness(db: PrismaClient, provider: DatabaseProvider, draining: boolean): Promise<Readiness> {
  if (draining) return readinessOf({ draining, databaseError: null, applied: [], expected: [] });
  const expected = expectedMigrations(provider);
  try {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    return readinessOf({ draining, databaseError: null, applied: rows.map((r) => r.name), expected });
  } catch (error) {
    return readinessOf({ draining, databaseError: describe(error), applied: [], expected });
  }
}
