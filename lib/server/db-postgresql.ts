// The PostgreSQL client. Loaded by db.ts only when DATABASE_URL is a postgres:// URL.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import type { PrismaClient } from "../generated/sqlite/client";
import { parsePostgresUrl } from "./database-url";
import { addGaugeCollector } from "./metrics";

/**
 * A client on the PostgreSQL server at `url`, typed as the SQLite client: the two generated
 * clients' query APIs are the same (db.ts).
 */
export function createPostgresClient(url: string): PrismaClient {
  const { connectionString, schema } = parsePostgresUrl(url);
  const options = schema === "public" ? undefined : `-c search_path="${schema.replace(/"/g, '""')}"`;
  // Our own pool, so /api/metrics can report its use; a server that doesn't answer fails a query
  // within 10 s (and /api/ready with it) instead of leaving it waiting.
  const pool = new pg.Pool({ connectionString, max: 10, options, connectionTimeoutMillis: 10_000 });
  addGaugeCollector({
    name: "drill_db_pool_connections",
    help: "Database pool connections: total open, idle, and requests waiting for one",
    label: "state",
    read: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  });
  const adapter = new PrismaPg(pool, { schema, statementNameGenerator: preparedStatementName, disposeExternalPool: true });
  return new PostgresClient({ adapter }) as unknown as PrismaClient;
}

/**
 * node-postgres prepares a statement once per connection when it has a name, and otherwise parses
 * and plans it on every run. Names come from the SQL text, so one text is one statement; only the
 * first NAMED_MAX texts get one (the app's hot queries are among the first a server runs), which
 * bounds what each of the pool's connections keeps prepared on the server (queries with a
 * list of values of varying length would otherwise add a statement per length, forever).
 */
const NAMED_MAX = 300;
const statementNames = new Map<string, string>();

/** A statement's name, or "" (node-postgres's "unnamed": parsed for this one run) past the bound. */
function preparedStatementName({ sql }: { sql: string }): string {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < NAMED_MAX) {
    name = `drill_${createHash("sha1").update(sql).digest("base64url")}`;
    statementNames.set(sql, name);
  }
  return name ?? "";
}
