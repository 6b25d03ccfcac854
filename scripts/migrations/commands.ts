// The db script's commands on a live database: migrate, resolve, status, and the fresh-database
// drift check. Must not import Next or `server-only`: it runs under plain tsx and Vitest.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import { type DatabaseConfig, type DatabaseProvider, parsePostgresUrl } from "../../lib/server/database-url";
import { quoteIdent } from "./adapters";
import { MigrationError, withSession } from "./engine";
import { migrationNames, readMigrations } from "./folders";
import { withScratchPostgres, withScratchSqlite } from "./scratch";
import { derivePostgresSchema, MIGRATIONS_DIR, POSTGRES_SCHEMA, readText, SOURCE_SCHEMA } from "./schema-files";

// ---------- commands ----------

/** Make sure the target database can take migrations: SQLite file and WAL mode, PostgreSQL schema. */
async function prepareDatabase(db: DatabaseConfig): Promise<void> {
  if (db.provider === "sqlite") {
    mkdirSync(path.dirname(db.url), { recursive: true });
    // WAL lets the app read while a writer commits; the mode is stored in the file, so once is enough.
    const sqlite = new Database(db.url);
    try {
      sqlite.pragma("journal_mode = WAL");
    } finally {
      sqlite.close();
    }
    return;
  }
  const { connectionString, schema } = parsePostgresUrl(db.url);
  if (schema === "public") return;
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (error) {
    throw new MigrationError(`cannot prepare PostgreSQL schema "${schema}": ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Apply the pending migrations of the database's provider; returns the names just applied. */
export async function applyMigrations(db: DatabaseConfig, root = process.cwd()): Promise<string[]> {
  const list = readMigrations(db.provider, root);
  if (list.migrationDirectories.length === 0) {
    throw new MigrationError(`no migrations in ${MIGRATIONS_DIR[db.provider]}: run \`npm run db:create -- init\``);
  }
  await prepareDatabase(db);
  if (db.provider === "sqlite" && sqliteUpToDate(db.url, list)) return [];
  try {
    return await withSession(db, (s) => s.applyMigrations(list));
  } catch (error) {
    if (db.provider === "sqlite" && isBusy(error)) {
      throw new MigrationError(
        `${db.url.startsWith(process.cwd()) ? path.relative(process.cwd(), db.url) : db.url} is in use by another process (is Drill running, from npm start or ` +
          "npm run dev?). Migrations change the database's tables, so stop it, then run this again.",
      );
    }
    throw error;
  }
}

/**
 * Whether every migration folder is already applied, as recorded, unchanged. Read with a plain
 * read-only connection: the schema engine can't open a SQLite file that another process (the
 * running app) has open, so asking it would fail even when there is nothing to do.
 */
function sqliteUpToDate(file: string, list: ReturnType<typeof readMigrations>): boolean {
  if (!existsSync(file)) return false;
  const sqlite = new Database(file, { readonly: true, timeout: 5000 });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const rows = sqlite
      .prepare("SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { name: string; checksum: string }[];
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    return list.migrationDirectories.every((dir) => {
      const content = dir.migrationFile.content;
      if (content.tag !== "ok") return false;
      return applied.get(dir.path) === createHash("sha256").update(content.value).digest("hex");
    });
  } finally {
    sqlite.close();
  }
}

/** The engine's way of saying the SQLite file is locked by someone else. */
function isBusy(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ""} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  return /SocketTimeout|SQLITE_BUSY|database is locked/i.test(text);
}

/**
 * `prisma migrate resolve`: after fixing a failed migration by hand, record it as applied (the
 * fix did what it meant to do) or rolled back (so `migrate` runs it again).
 */
export async function resolveMigration(
  db: DatabaseConfig,
  name: string,
  as: "applied" | "rolled-back",
  root = process.cwd(),
): Promise<void> {
  const list = readMigrations(db.provider, root);
  if (!migrationNames(list).includes(name)) {
    throw new MigrationError(`no migration ${name} in ${MIGRATIONS_DIR[db.provider]}`);
  }
  await withSession(db, (s) => (as === "applied" ? s.markApplied(name, list) : s.markRolledBack(name)));
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
  /** Applied in the database but whose migration.sql has changed since. */
  edited: string[];
  /** Recorded in the database but missing from the migrations folder. */
  unknown: string[];
}

export async function migrationStatus(db: DatabaseConfig, root = process.cwd()): Promise<MigrationStatus> {
  const list = readMigrations(db.provider, root);
  const local = migrationNames(list);
  if (db.provider === "sqlite" && !existsSync(db.url)) {
    return { applied: [], pending: local, failed: [], edited: [], unknown: [] };
  }
  const d = await withSession(db, (s) => s.diagnose(list));
  const history = d.history;
  let pending: string[] = [];
  let unknown: string[] = [];
  if (!d.hasMigrationsTable) pending = local;
  else if (history?.diagnostic === "databaseIsBehind") pending = history.unappliedMigrationNames;
  else if (history?.diagnostic === "migrationsDirectoryIsBehind") unknown = history.unpersistedMigrationNames;
  else if (history?.diagnostic === "historiesDiverge") {
    pending = history.unappliedMigrationNames;
    unknown = history.unpersistedMigrationNames;
  }
  const notApplied = new Set([...pending, ...d.failedMigrationNames]);
  return {
    applied: local.filter((n) => !notApplied.has(n)),
    pending,
    failed: d.failedMigrationNames,
    edited: d.editedMigrationNames,
    unknown,
  };
}

/**
 * Drift: the SQL that would take a fresh database, migrated from the provider's folders, to the
 * schema ("" when they match). SQLite uses a scratch file; PostgreSQL needs a server, given by
 * `postgresUrl`, in which a scratch schema is created and dropped.
 */
export async function freshDatabaseDrift(
  provider: DatabaseProvider,
  options: { root?: string; postgresUrl?: string } = {},
): Promise<string> {
  const root = options.root ?? process.cwd();
  const list = readMigrations(provider, root);
  const schema = provider === "sqlite" ? readText(root, SOURCE_SCHEMA) : derivePostgresSchema(readText(root, SOURCE_SCHEMA));
  const run = (db: DatabaseConfig) =>
    withSession(db, async (s) => {
      if (list.migrationDirectories.length > 0) await s.applyMigrations(list);
      return s.diffDatabaseTo(schema, provider === "sqlite" ? SOURCE_SCHEMA : POSTGRES_SCHEMA);
    });
  if (provider === "sqlite") return withScratchSqlite(run);
  if (!options.postgresUrl) throw new MigrationError("a PostgreSQL server is needed for a fresh-database check");
  return withScratchPostgres(options.postgresUrl, run);
}
