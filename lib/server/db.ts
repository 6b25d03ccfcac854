// The Prisma client, created once per process (and kept on globalThis across dev reloads).
// SQLite by default; PostgreSQL when DATABASE_URL is a postgres:// URL. Prisma 7 generates a client
// per provider and refuses the other provider's adapter, so both clients are generated (npm run
// db:generate) and the PostgreSQL one is typed as the SQLite one: their query APIs are the same.
// Only the engine in use is loaded: the other one's client, adapter and driver are imported
// dynamically and never reached. The top-level await this takes is why package.json says
// "type": "module" (tsx runs the scripts as ES modules).
import "server-only";
import type { PrismaClient } from "../generated/sqlite/client";
import { databaseConfig } from "./database-url";
import { onShutdown } from "./lifecycle";

const config = databaseConfig();

/** The engine this process talks to: raw SQL that differs between the two asks this. */
export const dbEngine = config.provider;

async function createClient(): Promise<PrismaClient> {
  if (config.provider === "postgresql") return (await import("./db-postgresql")).createPostgresClient(config.url);
  return (await import("./db-sqlite")).createSqliteClient(config.url);
}

const globalForDb = globalThis as unknown as { drillDb?: PrismaClient };

export const db: PrismaClient = globalForDb.drillDb ?? (await createClient());
if (process.env.NODE_ENV !== "production") globalForDb.drillDb = db;
// A stopping server (scripts/serve.ts) closes the pool after its last request.
onShutdown("database", () => db.$disconnect());
