// Throwaway databases for checks and migration creation. Must not import Next or `server-only`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { type DatabaseConfig, parsePostgresUrl } from "../../lib/server/database-url";
import { quoteIdent } from "./adapters";
import { MigrationError } from "./engine";

// ---------- scratch databases ----------

/** Run `fn` against a new, empty SQLite file that is deleted afterwards. */
export async function withScratchSqlite<T>(fn: (db: DatabaseConfig) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "drill-migrations-"));
  try {
    return await fn({ provider: "sqlite", url: path.join(dir, "scratch.db") });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Run `fn` against a new, empty schema in the PostgreSQL database at `url`, dropped afterwards.
 * A schema rather than a database, so a role without CREATEDB can still run checks and tests.
 */
export async function withScratchPostgres<T>(url: string, fn: (db: DatabaseConfig) => Promise<T>): Promise<T> {
  const { connectionString } = parsePostgresUrl(url);
  const schema = `drill_scratch_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(`cannot connect to PostgreSQL for a scratch schema: ${(error as Error).message}`);
  }
  try {
    await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    const scratch = new URL(connectionString);
    scratch.searchParams.set("schema", schema);
    return await fn({ provider: "postgresql", url: scratch.toString() });
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).catch(() => undefined);
    await client.end();
  }
}
