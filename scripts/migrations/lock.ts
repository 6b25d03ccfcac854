// One instance at a time prepares a PostgreSQL database: N instances starting together each take a
// session-level advisory lock before migrating (and seeding), so the first does the work and the
// others wait, then find nothing to do. SQLite lives on one machine, where one process migrates.
// Must not import Next or `server-only`: it runs under plain tsx and Vitest.
import pg from "pg";

import { type DatabaseConfig, parsePostgresUrl } from "../../lib/server/database-url";
import { MigrationError } from "./engine";

/** How long an instance waits for another one's migrations before giving up (they are usually seconds). */
const LOCK_WAIT = "10min";

/** Where a PostgreSQL URL points, without user or password. */
export function postgresHost(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
}

/** Runs `fn` holding the database's migration lock (PostgreSQL); on SQLite, runs it. */
export async function withMigrationLock<T>(db: DatabaseConfig, fn: () => Promise<T>): Promise<T> {
  if (db.provider === "sqlite") return fn();
  const { connectionString, schema } = parsePostgresUrl(db.url);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined); // a dropped connection fails the query below instead
  try {
    await client.connect();
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new MigrationError(`cannot reach the PostgreSQL server at ${postgresHost(db.url)} (${reason})`);
  }
  try {
    await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
    // One lock per schema, so databases sharing a server (tests, staging) don't wait for each other.
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [`drill:migrate:${schema}`]);
    return await fn();
  } finally {
    // Ending the session releases the lock, also when fn threw.
    await client.end().catch(() => undefined);
  }
}
