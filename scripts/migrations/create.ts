// Creating the next migration for both engines from a change to prisma/schema.prisma. Must not
// import Next or `server-only`: it runs under plain tsx and Vitest.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { DiffTarget } from "@prisma/schema-engine-wasm/schema_engine_bg";

import { MigrationError, withSession } from "./engine";
import { lockfileText, migrationNames, readMigrations } from "./folders";
import { withScratchSqlite } from "./scratch";
import {
  derivePostgresSchema,
  emptyDatamodel,
  MIGRATIONS_DIR,
  POSTGRES_SCHEMA,
  POSTGRES_SNAPSHOT,
  readText,
  SNAPSHOT_HEADER,
  SOURCE_SCHEMA,
  stripHeader,
  withDatasourceProvider,
} from "./schema-files";

/**
 * The PostgreSQL SQL from the snapshot (the schema the PostgreSQL migrations produce) to the
 * current schema, computed without a database; "" when the PostgreSQL history is up to date.
 */
export async function postgresSnapshotDrift(root = process.cwd()): Promise<string> {
  const snapshot = readSnapshot(root);
  const current = derivePostgresSchema(readText(root, SOURCE_SCHEMA));
  return withSession({ provider: "postgresql", offline: true }, (s) =>
    s.diff(datamodel(snapshot ?? emptyDatamodel("postgresql"), POSTGRES_SNAPSHOT), datamodel(current, POSTGRES_SCHEMA)),
  );
}

/** A datamodel diff source; `file` only names it in the engine's error messages. */
function datamodel(content: string, file = "schema.prisma"): DiffTarget {
  return { tag: "schemaDatamodel", files: [{ path: file, content }] };
}

function readSnapshot(root: string): string | null {
  const file = path.join(root, POSTGRES_SNAPSHOT);
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/** Prisma's migration folder timestamp: UTC, YYYYMMDDHHMMSS. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Like Prisma: lower case, runs of anything but letters, digits and _ become one _. */
export function migrationSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new MigrationError(`"${name}" is not a usable migration name`);
  return slug;
}

/**
 * What `prisma migrate dev` would warn about in a new migration, read from its PostgreSQL SQL (the
 * engine's data-loss check needs a database with the real rows, which we don't have).
 */
export function migrationWarnings(postgresSql: string): string[] {
  const warnings: string[] = [];
  for (const statement of postgresSql.split(/;\s*\n/)) {
    const dropTable = /DROP TABLE "([^"]+)"/.exec(statement);
    if (dropTable) warnings.push(`drops table ${dropTable[1]} and all its rows`);
    const table = /ALTER TABLE "([^"]+)"/.exec(statement)?.[1];
    if (!table) continue;
    for (const clause of statement.split(/,\s*\n/)) {
      const column = /COLUMN\s+"([^"]+)"/.exec(clause)?.[1];
      if (!column) continue;
      const at = `${table}.${column}`;
      if (/ADD COLUMN/.test(clause) && /NOT NULL/.test(clause) && !/DEFAULT/.test(clause)) {
        warnings.push(`adds required column ${at} without a default: fails if ${table} has rows`);
      } else if (/DROP COLUMN/.test(clause)) warnings.push(`drops column ${at} and its data`);
      else if (/SET NOT NULL/.test(clause)) warnings.push(`makes ${at} required: fails if any row has NULL`);
      else if (/SET DATA TYPE/.test(clause)) warnings.push(`changes the type of ${at}: may fail or lose data`);
    }
  }
  return warnings;
}

export type CreateResult = { created: false } | { created: true; name: string; folders: string[]; sqlite: string; postgres: string };

/**
 * Create the next migration, for both providers, from the change in prisma/schema.prisma.
 *
 * SQLite: the folders are applied to a scratch file and the engine diffs that database with the
 * schema — exactly what `prisma migrate dev` does with its shadow database.
 * PostgreSQL: no server needed. The snapshot of the schema the PostgreSQL migrations produce is
 * diffed with the new schema, datamodel to datamodel. The snapshot is first checked against the
 * SQLite history (which is exact), so a stale or hand-edited snapshot stops `create` instead of
 * producing a wrong migration.
 */
export async function createMigration(name: string, options: { root?: string; now?: Date } = {}): Promise<CreateResult> {
  const root = options.root ?? process.cwd();
  const slug = migrationSlug(name);
  const source = readText(root, SOURCE_SCHEMA);
  const sqliteList = readMigrations("sqlite", root);
  const postgresList = readMigrations("postgresql", root);
  const sqliteNames = migrationNames(sqliteList);
  const postgresNames = migrationNames(postgresList);
  if (sqliteNames.join("\n") !== postgresNames.join("\n")) {
    throw new MigrationError(
      `the SQLite and PostgreSQL histories differ (${MIGRATIONS_DIR.sqlite} has ${sqliteNames.length} ` +
        `migrations, ${MIGRATIONS_DIR.postgresql} has ${postgresNames.length}); every migration must exist for both`,
    );
  }
  const snapshot = readSnapshot(root);
  if (postgresNames.length > 0 && snapshot === null) {
    throw new MigrationError(`${POSTGRES_SNAPSHOT} is missing: the next PostgreSQL migration has no base`);
  }

  const sqliteSql = await withScratchSqlite((db) =>
    withSession(db, async (s) => {
      if (sqliteNames.length > 0) await s.applyMigrations(sqliteList);
      if (snapshot !== null) {
        const mismatch = await s.diffDatabaseTo(withDatasourceProvider(stripHeader(snapshot), "sqlite"));
        if (mismatch) {
          throw new MigrationError(
            `${POSTGRES_SNAPSHOT} does not match what the SQLite migrations produce; ` +
              "was a migration added or edited by hand? (DEBUG=1 shows the difference)",
            { cause: mismatch },
          );
        }
      }
      return s.diffDatabaseTo(source, SOURCE_SCHEMA);
    }),
  );
  const postgresSchema = derivePostgresSchema(source);
  const postgresSql = await withSession({ provider: "postgresql", offline: true }, (s) =>
    s.diff(datamodel(snapshot ?? emptyDatamodel("postgresql"), POSTGRES_SNAPSHOT), datamodel(postgresSchema, POSTGRES_SCHEMA)),
  );
  if (!sqliteSql && !postgresSql) return { created: false };

  // Folder names sort in creation order; never reuse or go below the last one's timestamp.
  let stamp = timestamp(options.now ?? new Date());
  const last = sqliteNames.at(-1)?.slice(0, 14);
  if (last && stamp <= last) stamp = String(BigInt(last) + 1n);
  const folder = `${stamp}_${slug}`;

  const empty = "-- This is an empty migration.\n";
  const written: string[] = [];
  for (const [provider, sql] of [
    ["sqlite", sqliteSql],
    ["postgresql", postgresSql],
  ] as const) {
    const dir = path.join(root, MIGRATIONS_DIR[provider]);
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, "migration.sql"), sql || empty);
    const lock = path.join(dir, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, lockfileText(provider));
    written.push(path.join(MIGRATIONS_DIR[provider], folder, "migration.sql"));
  }
  writeFileSync(path.join(root, POSTGRES_SNAPSHOT), SNAPSHOT_HEADER + stripHeader(postgresSchema));
  return { created: true, name: folder, folders: written, sqlite: sqliteSql, postgres: postgresSql };
}
