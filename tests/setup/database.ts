// Vitest global setup for integration tests: a fresh, migrated database per engine and run.
// SQLite: a file under var/test/. PostgreSQL: a schema of its own on the server in DATABASE_URL /
// TEST_POSTGRES_URL (and the job engine's schema beside it), dropped at the end, so the server's
// other data is never touched.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { parsePostgresUrl } from "../../lib/server/database-url";
import { applyMigrations } from "../../scripts/migrations/commands";

declare module "vitest" {
  export interface ProvidedContext {
    engine: "sqlite" | "postgresql";
    serverUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const engine = project.config.provide.engine as "sqlite" | "postgresql";
  const serverUrl = project.config.provide.serverUrl as string;

  if (engine === "sqlite") {
    const file = path.resolve(serverUrl.slice("file:".length));
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    await applyMigrations({ provider: "sqlite", url: file });
    project.provide("databaseUrl", `file:${file}`);
    return () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    };
  }

  const { connectionString } = parsePostgresUrl(serverUrl);
  const schema = `drill_test_${process.pid}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const url = new URL(connectionString);
  url.searchParams.set("schema", schema);
  await applyMigrations({ provider: "postgresql", url: url.toString() });
  project.provide("databaseUrl", url.toString());
  return async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    // The job engine's own schema beside it (lib/jobs/engine.ts, jobSchemaOf), made by pg-boss on start.
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
    await admin.end();
  };
}
