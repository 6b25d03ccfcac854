// Drill's database commands: `npx tsx scripts/db.ts <command>` (or `npm run db:<command>`).
//
//   generate       derive prisma/postgres/schema.prisma, then generate both Prisma clients
//   create <name>  write the next migration for SQLite and PostgreSQL from the schema change
//   migrate        apply pending migrations to DATABASE_URL's database (alias: deploy)
//   status         list applied and pending migrations of DATABASE_URL's database
//   check          fail if the migration folders don't produce the schema (drift)
//   resolve --applied|--rolled-back <name>
//                  record a failed migration, fixed by hand, as applied or as rolled back
//
// These replace `prisma migrate` / `prisma db push`, whose native engine can't be downloaded on our
// machines: scripts/migrations/ drives Prisma's WebAssembly schema engine instead. Failures print one
// line and exit 1; set DEBUG=1 for the stack.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

import { databaseConfig } from "../lib/server/database-url";
import { serverEnv } from "../lib/server/env";
import { applyMigrations, freshDatabaseDrift, migrationStatus, resolveMigration } from "./migrations/commands";
import { createMigration, migrationWarnings, postgresSnapshotDrift } from "./migrations/create";
import { MigrationError } from "./migrations/engine";
import { withMigrationLock } from "./migrations/lock";
import { MIGRATIONS_DIR, POSTGRES_SCHEMA, postgresSchemaInSync, SOURCE_SCHEMA, writePostgresSchema } from "./migrations/schema-files";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

function usage(): never {
  console.error(
    "usage: npx tsx scripts/db.ts <generate | create <name> | migrate | deploy | status | check |\n" +
      "                               resolve --applied <name> | resolve --rolled-back <name>>",
  );
  process.exit(1);
}

/** Where a database URL points, without its password. */
function describeTarget(url: string, provider: string): string {
  if (provider === "sqlite") {
    const rel = path.relative(root, url);
    return rel && !rel.startsWith("..") ? rel : url;
  }
  const u = new URL(url);
  u.password = "";
  return u.toString();
}

function generate(): void {
  const changed = writePostgresSchema(root);
  console.log(`${changed ? "wrote" : "unchanged:"} ${POSTGRES_SCHEMA}`);
  // `prisma generate` wants to download the native schema engine first, though generating a client
  // never runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download.
  const prismaCli = require.resolve("prisma/build/index.js");
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || require.resolve("prisma/package.json"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  for (const schema of [SOURCE_SCHEMA, POSTGRES_SCHEMA]) {
    const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      throw new MigrationError(`prisma generate failed for ${schema}`);
    }
    const done = /Generated Prisma Client[^\n]*/.exec(result.stdout)?.[0];
    console.log(done ? `${schema}: ${done.replace(/^✔\s*/, "")}` : `generated client for ${schema}`);
  }
}

async function create(name: string | undefined): Promise<void> {
  if (!name) throw new MigrationError("create needs a name: npx tsx scripts/db.ts create <name>");
  const result = await createMigration(name, { root });
  if (!result.created) {
    console.log("no schema changes: prisma/schema.prisma matches the migrations; nothing created");
    return;
  }
  console.log(`created ${result.name}:`);
  for (const file of result.folders) console.log(`  ${file}`);
  if (!result.sqlite || !result.postgres) {
    console.log(`  (the ${result.sqlite ? "PostgreSQL" : "SQLite"} one is empty: the change doesn't show there)`);
  }
  const warnings = migrationWarnings(result.postgres);
  if (warnings.length > 0) {
    console.log("review before committing (edit both migration.sql files if needed):");
    for (const w of warnings) console.log(`  ! ${w}`);
  }
  if (writePostgresSchema(root)) console.log(`updated ${POSTGRES_SCHEMA}; run npm run db:generate for the clients`);
}

async function migrate(): Promise<void> {
  const db = databaseConfig();
  const where = describeTarget(db.url, db.provider);
  const applied = await withMigrationLock(db, () => applyMigrations(db, root));
  if (applied.length === 0) {
    console.log(`database is up to date (${db.provider}, ${where})`);
    return;
  }
  console.log(`applied ${applied.length} migration${applied.length === 1 ? "" : "s"} to ${db.provider} ${where}:`);
  for (const name of applied) console.log(`  ${name}`);
}

async function status(): Promise<void> {
  const db = databaseConfig();
  const s = await migrationStatus(db, root);
  console.log(`${db.provider} ${describeTarget(db.url, db.provider)} (${MIGRATIONS_DIR[db.provider]})`);
  const section = (title: string, names: string[]) => {
    if (names.length === 0) return;
    console.log(`${title}:`);
    for (const n of names) console.log(`  ${n}`);
  };
  section("applied", s.applied);
  section("pending", s.pending);
  section("FAILED (fix the database by hand, then: db.ts resolve --rolled-back|--applied <name>)", s.failed);
  section("EDITED after being applied", s.edited);
  section("in the database but not in the folder", s.unknown);
  const trouble = s.failed.length + s.edited.length + s.unknown.length;
  if (s.pending.length > 0) console.log(`${s.pending.length} pending: run npm run db:migrate`);
  else if (trouble === 0) console.log("database is up to date");
  // Non-zero so scripts can tell: the history in the database disagrees with the folder.
  if (trouble > 0) process.exitCode = 1;
}

async function check(): Promise<void> {
  let problems = 0;
  const report = (label: string, sql: string, hint: string) => {
    if (!sql) {
      console.log(`ok   ${label}`);
      return;
    }
    problems++;
    console.log(`DRIFT ${label}: ${hint}\n${sql.trimEnd()}\n`);
  };

  report(
    `sqlite: a fresh database migrated from ${MIGRATIONS_DIR.sqlite} matches ${SOURCE_SCHEMA}`,
    await freshDatabaseDrift("sqlite", { root }),
    "the SQL below is what the migrations are missing (npm run db:create -- <name>)",
  );
  if (postgresSchemaInSync(root)) console.log(`ok   ${POSTGRES_SCHEMA} is in sync with ${SOURCE_SCHEMA}`);
  else {
    problems++;
    console.log(`DRIFT ${POSTGRES_SCHEMA} is out of date: run npm run db:generate`);
  }
  report(
    `postgresql: the migration snapshot matches ${SOURCE_SCHEMA}`,
    await postgresSnapshotDrift(root),
    "the PostgreSQL migrations are missing this (npm run db:create -- <name>)",
  );

  // Applying the PostgreSQL folders needs a server: a scratch schema on SHADOW_DATABASE_URL.
  const server = serverEnv().SHADOW_DATABASE_URL;
  if (server) {
    report(
      `postgresql: a fresh schema migrated from ${MIGRATIONS_DIR.postgresql} matches the schema`,
      await freshDatabaseDrift("postgresql", { root, postgresUrl: server }),
      "the SQL below is what the migrations are missing",
    );
  } else {
    console.log(
      `skip postgresql: applying ${MIGRATIONS_DIR.postgresql} needs a server; ` +
        "set SHADOW_DATABASE_URL=postgres://... (a scratch schema is created there and dropped)",
    );
  }
  if (problems > 0) {
    console.log(`${problems} problem${problems === 1 ? "" : "s"} found`);
    process.exitCode = 1;
  } else console.log("no drift");
}

async function resolve(args: string[]): Promise<void> {
  const [flag, name] = args;
  if ((flag !== "--applied" && flag !== "--rolled-back") || !name) usage();
  const db = databaseConfig();
  await resolveMigration(db, name, flag === "--applied" ? "applied" : "rolled-back", root);
  console.log(`marked ${name} ${flag === "--applied" ? "applied" : "rolled back"} in ${describeTarget(db.url, db.provider)}`);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "generate":
      return generate();
    case "create":
      return create(args[0]);
    case "migrate":
    case "deploy":
      return migrate();
    case "status":
      return status();
    case "check":
      return check();
    case "resolve":
      return resolve(args);
    default:
      usage();
  }
}

main().then(
  // Exit explicitly: a PostgreSQL pool or the engine's timers must not keep the process alive.
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    const debug = process.env.DEBUG; // not serverEnv(): a bad variable may be the error being reported
    if (debug) console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db: ${message.split("\n")[0]}`);
    if (debug && error instanceof Error && error.cause) console.error("cause:", error.cause);
    process.exit(1);
  },
);
