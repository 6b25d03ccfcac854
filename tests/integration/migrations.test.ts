// The migration folders must produce exactly the schema in prisma/schema.prisma, on SQLite always and
// on PostgreSQL when TEST_POSTGRES_URL names a server (each run gets its own scratch schema there).
// A schema change without `npm run db:create -- <name>` fails here, with the missing SQL in the message.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import type { DatabaseConfig, DatabaseProvider } from "../../lib/server/database-url";
import { applyMigrations, freshDatabaseDrift } from "../../scripts/migrations/commands";
import { postgresSnapshotDrift } from "../../scripts/migrations/create";
import { EngineSession } from "../../scripts/migrations/engine";
import { readMigrations } from "../../scripts/migrations/folders";
import { withScratchPostgres, withScratchSqlite } from "../../scripts/migrations/scratch";
import { MIGRATIONS_DIR, POSTGRES_SCHEMA, postgresSchemaInSync } from "../../scripts/migrations/schema-files";

const root = process.cwd();
const postgresUrl = process.env.TEST_POSTGRES_URL?.trim();

/** Apply the folders twice to a fresh database: what each run applied, and the drift left after. */
async function migrateTwice(db: DatabaseConfig) {
  const first = await applyMigrations(db, root);
  const second = await applyMigrations(db, root);
  const session = await EngineSession.open(db);
  try {
    const status = await session.diagnose(readMigrations(db.provider, root));
    return { first, second, status };
  } finally {
    await session.close();
  }
}

function migrationTests(provider: DatabaseProvider, scratch: <T>(fn: (db: DatabaseConfig) => Promise<T>) => Promise<T>) {
  const folders = readMigrations(provider, root).migrationDirectories.map((d) => d.path);

  it(`has migrations in ${MIGRATIONS_DIR[provider]}`, () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it("a fresh database migrated from the folders has no diff against the schema", async () => {
    const drift = await freshDatabaseDrift(provider, { root, postgresUrl });
    expect(drift, "the migrations are missing this SQL: run npm run db:create -- <name>").toBe("");
  });

  it("applies every migration once, and nothing the second time", async () => {
    const { first, second, status } = await scratch(migrateTwice);
    expect(first).toEqual(folders);
    expect(second).toEqual([]);
    expect(status.history).toBeNull();
    expect(status.failedMigrationNames).toEqual([]);
  });
}

describe("SQLite migrations", { timeout: 60_000 }, () => {
  migrationTests("sqlite", withScratchSqlite);
});

// `npm start` or `npm run db:migrate` while the app had the file open failed with the engine's
// "unknown variant SocketTimeout", even with nothing to apply.
describe("migrating a SQLite file another process has open", { timeout: 60_000 }, () => {
  it("succeeds when nothing is pending, and otherwise says in plain words what holds the file", async () => {
    await withScratchSqlite(async (db) => {
      await applyMigrations(db, root);
      const app = new Database(db.url);
      try {
        app.pragma("busy_timeout = 5000");
        app.prepare("SELECT count(*) FROM User").get();
        expect(await applyMigrations(db, root)).toEqual([]);

        const last = readMigrations("sqlite", root).migrationDirectories.at(-1)!.path;
        app.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(last);
        await expect(applyMigrations(db, root)).rejects.toThrow(/in use by another process \(is Drill running/);
      } finally {
        app.close();
      }
    });
  });
});

describe.skipIf(!postgresUrl)("PostgreSQL migrations (TEST_POSTGRES_URL)", { timeout: 120_000 }, () => {
  migrationTests("postgresql", (fn) => withScratchPostgres(postgresUrl!, fn));
});

describe("derived PostgreSQL files", { timeout: 60_000 }, () => {
  it(`${POSTGRES_SCHEMA} is what \`db:generate\` derives from prisma/schema.prisma`, () => {
    expect(postgresSchemaInSync(root), "run npm run db:generate").toBe(true);
  });

  it("the PostgreSQL history is up to date with the schema (checked without a server)", async () => {
    expect(await postgresSnapshotDrift(root), "run npm run db:create -- <name>").toBe("");
  });

  it("both providers have the same migration names", () => {
    const names = (p: DatabaseProvider) => readMigrations(p, root).migrationDirectories.map((d) => d.path);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
