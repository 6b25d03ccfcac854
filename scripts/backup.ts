// Backups of DATABASE_URL's database, taken while Drill serves, and restoring one (README "Deploy").
//
//   npm run backup [-- FILE]          write a consistent copy to FILE (default backups/drill-<UTC time>.db|.dump)
//   npm run restore -- FILE [--yes]   replace the database's contents with FILE, after a confirmation
//
// SQLite: SQLite's online backup API (better-sqlite3's .backup()): a consistent copy while others
// write, into a plain database file. PostgreSQL: pg_dump's custom format of Drill's schema (one
// snapshot transaction, so consistent while the app writes), restored with pg_restore --clean.
// Failures print one line and exit 1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";

import Database from "better-sqlite3";

import { type DatabaseConfig, databaseConfig, parsePostgresUrl } from "../lib/server/database-url";
import { ConfigError } from "../lib/server/env";
import { postgresHost } from "./migrations/lock";

class BackupError extends Error {}

/** A PostgreSQL client program: on PATH, else in the newest /usr/lib/postgresql/<version>/bin (Debian's place). */
function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const onPath = spawnSync(name, ["--version"], { encoding: "utf8" });
  if (onPath.status === 0) return name;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((x, y) => Number(y) - Number(x)) : [];
  const found = versions.map((v) => path.join(base, v, "bin", name)).find(existsSync);
  if (!found) throw new BackupError(`${name} is not installed: install PostgreSQL's client programs (postgresql-client)`);
  return found;
}

function runTool(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: "utf8" });
  if (result.status !== 0) {
    const reason = (result.stderr || result.error?.message || "failed").trim().split("\n")[0];
    throw new BackupError(`${path.basename(tool)} failed: ${reason?.replace(/postgres(ql)?:\/\/\S+/g, "postgres://…")}`);
  }
}

/**
 * SQLite's backup starts over whenever another connection writes between two of its steps, so
 * under steady writes a page-by-page copy may never finish: after the first step, copy the rest
 * in one step (one read transaction: consistent, and writers carry on in WAL mode).
 */
const wholeSteps = ({ remainingPages }: { totalPages: number; remainingPages: number }): number => Math.max(100, remainingPages);

function defaultFile(db: DatabaseConfig): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join("backups", `drill-${stamp}.${db.provider === "sqlite" ? "db" : "dump"}`);
}

async function backup(db: DatabaseConfig, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (db.provider === "sqlite") {
    if (!existsSync(db.url)) throw new BackupError(`there is no database at ${db.url}`);
    const source = new Database(db.url, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file, { progress: wholeSteps });
    } finally {
      source.close();
    }
    return;
  }
  const { connectionString, schema } = parsePostgresUrl(db.url);
  runTool(postgresTool("pg_dump"), [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--schema=${schema}`,
    `--file=${file}`,
    `--dbname=${connectionString}`,
  ]);
}

async function restore(db: DatabaseConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`there is no backup at ${file}`);
  if (db.provider === "sqlite") {
    mkdirSync(path.dirname(db.url), { recursive: true });
    // The backup API in reverse: the copy is written into the database page by page, under its lock.
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(db.url, { progress: wholeSteps });
    } finally {
      source.close();
    }
    return;
  }
  const { connectionString } = parsePostgresUrl(db.url);
  runTool(postgresTool("pg_restore"), [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    `--dbname=${connectionString}`,
    file,
  ]);
}

function describeTarget(db: DatabaseConfig): string {
  return db.provider === "sqlite" ? db.url : `PostgreSQL ${postgresHost(db.url)} (schema ${parsePostgresUrl(db.url).schema})`;
}

async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`${question} Type yes to go on: `)).trim().toLowerCase() === "yes";
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const db = databaseConfig();
  if (command === "backup") {
    const file = args.find((a) => !a.startsWith("--")) ?? defaultFile(db);
    await backup(db, file);
    console.log(`backed up ${describeTarget(db)} to ${file} (${Math.round(statSync(file).size / 1024)} KiB)`);
    return;
  }
  if (command === "restore") {
    const file = args.find((a) => !a.startsWith("--"));
    if (!file) throw new BackupError("usage: npm run restore -- FILE [--yes]");
    const question = `This replaces everything in ${describeTarget(db)} with ${file}. Stop Drill's instances first.`;
    if (!args.includes("--yes") && !(await confirmed(question))) {
      throw new BackupError(`not restored: confirm at the prompt, or pass --yes (${question})`);
    }
    await restore(db, file);
    console.log(`restored ${file} into ${describeTarget(db)}`);
    return;
  }
  throw new BackupError("usage: scripts/backup.ts backup [FILE] | restore FILE [--yes]");
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof ConfigError) console.error(`✖ ${error.message.replace(/\n\s*-?\s*/g, " ")}`);
  else console.error(`✖ ${(error as Error).message ?? error}`);
  process.exitCode = 1;
});
