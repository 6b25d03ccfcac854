// The benchmark database behind bench/http.ts, on either engine: the server's SQLite file, or a
// fresh schema on a PostgreSQL server (`--postgres URL`). The few statements the benchmark runs are
// written once with `?` placeholders; PostgreSQL gets them numbered.
import { rmSync } from "node:fs";
import pg from "pg";
import { insertRows, openSqlite } from "./common";

export interface Store {
  engine: "sqlite" | "postgresql";
  /** DATABASE_URL for the server under test. */
  serverUrl: string;
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  get<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  run(sql: string, ...params: unknown[]): Promise<void>;
  insertRows(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  hasTable(name: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The benchmark's own schema on a PostgreSQL server: dropped and made again on every run. */
const PG_SCHEMA = "bench_http";

/** Removes what a previous run left, before the server starts (it migrates and seeds the empty database). */
export async function resetStore(target: { sqliteFile: string } | { postgresUrl: string }): Promise<string> {
  if ("sqliteFile" in target) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(target.sqliteFile + suffix, { force: true });
    return `file:${target.sqliteFile}`;
  }
  const client = new pg.Client({ connectionString: target.postgresUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
  await client.query(`CREATE SCHEMA ${PG_SCHEMA}`);
  await client.end();
  const url = new URL(target.postgresUrl);
  url.searchParams.set("schema", PG_SCHEMA);
  return url.toString();
}

/** Opens the database the server made (after it migrated and seeded it). */
export async function openStore(serverUrl: string): Promise<Store> {
  if (serverUrl.startsWith("file:")) {
    const sqlite = openSqlite(serverUrl.slice("file:".length));
    return {
      engine: "sqlite",
      serverUrl,
      all: async <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[],
      get: async <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T | undefined,
      run: async (sql, ...params) => void sqlite.prepare(sql).run(...params),
      insertRows: async (table, columns, rows) => void insertRows(sqlite, table, columns, rows),
      hasTable: async (name) => Boolean(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)),
      close: async () => void sqlite.close(),
    };
  }
  const url = new URL(serverUrl);
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`SET search_path TO ${PG_SCHEMA}`);
  let n = 0;
  const numbered = (sql: string) => ((n = 0), sql.replace(/\?/g, () => `$${++n}`));
  const all = async <T>(sql: string, ...params: unknown[]) => (await client.query(numbered(sql), params)).rows as T[];
  return {
    engine: "postgresql",
    serverUrl,
    all,
    get: async <T>(sql: string, ...params: unknown[]) => (await all<T>(sql, ...params))[0],
    run: async (sql, ...params) => void (await client.query(numbered(sql), params)),
    insertRows: async (table, columns, rows) => {
      for (const row of rows)
        await client.query(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
          row,
        );
    },
    hasTable: async (name) =>
      (await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2`, [PG_SCHEMA, name]))
        .rowCount === 1,
    close: () => client.end(),
  };
}
