// The Prisma client, created once per process (and kept on globalThis across dev reloads).
// SQLite by default; PostgreSQL when DATABASE_URL is a postgres:// URL. Prisma 7 generates a client
// per provider and refuses the other provider's adapter, so both clients are generated (npm run
// db:generate) and the PostgreSQL one is typed as the SQLite one: their query APIs are the same.
import "server-only";
import { createHash } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { PrismaClient } from "../generated/sqlite/client";
import { databaseConfig, parsePostgresUrl } from "./database-url";
import { serializeTransactions } from "./serialized-sqlite";

/** The engine this process talks to: raw SQL that differs between the two asks this. */
export const dbEngine = databaseConfig().provider;

function createClient(): PrismaClient {
  const config = databaseConfig();
  if (config.provider === "postgresql") {
    const { connectionString, schema } = parsePostgresUrl(config.url);
    const options = schema === "public" ? undefined : `-c search_path="${schema.replace(/"/g, '""')}"`;
    const adapter = new PrismaPg({ connectionString, max: 10, options }, { schema, statementNameGenerator: preparedStatementName });
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  // WAL is set once by the migration script (it persists in the file); the busy timeout is per
  // connection, so concurrent writers wait instead of failing with SQLITE_BUSY. The adapter runs
  // on one connection per process: serializeTransactions makes every other query wait while a
  // transaction is open, so a rollback can only ever undo that transaction's own writes.
  return new PrismaClient({ adapter: serializeTransactions(new PrismaBetterSqlite3({ url: config.url, timeout: 5000 })) });
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

const globalForDb = globalThis as unknown as { drillDb?: PrismaClient };

export const db: PrismaClient = globalForDb.drillDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.drillDb = db;
