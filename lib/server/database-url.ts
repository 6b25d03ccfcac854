// Which database Drill talks to, from DATABASE_URL (checked in env.ts). Shared by the app, the db
// scripts and tests, so it must not import Next or Prisma.
import path from "node:path";
import { serverEnv, type Env } from "./env";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** For SQLite, an absolute file path; for PostgreSQL, the connection string as given. */
  url: string;
}

/** The embedded default: a SQLite file under var/ (git-ignored), created on first start. */
export const DEFAULT_DATABASE_URL = "file:./var/drill.db";

export function databaseConfig(env: Env = process.env): DatabaseConfig {
  const url = serverEnv(env).DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (url.startsWith("file:"))
    return { provider: "sqlite", url: path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length)) };
  return { provider: "postgresql", url };
}

export interface PostgresTarget {
  /** The connection string without its `schema` parameter (node-postgres doesn't know it). */
  connectionString: string;
  /** The PostgreSQL schema Drill's tables live in: Prisma's `?schema=` convention, else public. */
  schema: string;
}

export function parsePostgresUrl(url: string): PostgresTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") || "public";
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}
