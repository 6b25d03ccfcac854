// Which database Drill talks to, read from DATABASE_URL. Shared by the app, the db scripts and tests,
// so it must not import Next or Prisma.
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** For SQLite, an absolute file path; for PostgreSQL, the connection string as given. */
  url: string;
}

/** The embedded default: a SQLite file under var/ (git-ignored), created on first start. */
export const DEFAULT_DATABASE_URL = "file:./var/drill.db";

export function databaseConfig(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: "postgresql", url: raw };
  if (raw.startsWith("file:")) {
    const file = raw.slice("file:".length);
    return { provider: "sqlite", url: path.resolve(/*turbopackIgnore: true*/ process.cwd(), file) };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${raw.split(":")[0]}:..."`);
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
