// The schema engine: Drill's migration tooling, shared by scripts/db.ts and the integration tests.
// engine.ts drives the engine; schema-files.ts, folders.ts, scratch.ts, commands.ts and create.ts
// build the db script's commands on it.
//
// `prisma migrate` needs a native schema engine that can't be downloaded on our machines, so this
// module drives Prisma's WebAssembly build of the same engine (@prisma/schema-engine-wasm) through
// the driver adapters. It keeps Prisma's standard folder layout, one history per provider:
//   prisma/sqlite/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql   + migration_lock.toml
//   prisma/postgres/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql + migration_lock.toml
// so a machine with the native engine can still run `prisma migrate deploy` on the same folders.
//
// prisma/schema.prisma (SQLite) is the source of truth; prisma/postgres/schema.prisma is derived
// from it. The PostgreSQL history is generated without any PostgreSQL server: the engine diffs the
// schema the previous migrations produce (kept in prisma/postgres/migrations/schema-snapshot.prisma,
// and checked against the SQLite history before use) with the new schema, datamodel to datamodel.
//
// Must not import Next or `server-only`: it runs under plain tsx and Vitest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DatabaseConfig, DatabaseProvider } from "../../lib/server/database-url";
import { serverEnv } from "../../lib/server/env";
import { adapterFactory, offlinePostgresFactory } from "./adapters";
import { emptyDatamodel, NO_FILTERS } from "./schema-files";

// ---------- the WebAssembly engine ----------

// Process-wide state, kept on globalThis: a test runner may load this module more than once (e.g.
// Vitest's global setup for two projects at the same time) while Node shares one copy of the
// engine's bindings. Giving those bindings a second wasm instance while an engine runs on the
// first corrupts it, so each bindings module gets its instance exactly once.
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for("drill.schemaEngineWasm")] ??= {
  instantiated: new WeakSet<object>(),
  lastPanic: null as string | null,
}) as { instantiated: WeakSet<object>; lastPanic: string | null };

/**
 * When the engine panics, its Rust panic hook hands the message to this global (Prisma's CLI
 * defines it) just before the wasm traps. Without it the hook itself throws a TypeError outside
 * any promise, which kills the process.
 */
function installPanicRegistry(): void {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      shared.lastPanic = message;
    },
  };
}

/**
 * Instantiate the engine's .wasm ourselves. The package's entry point does
 * `import * as wasm from "./x.wasm"`, which Node 20 only allows behind --experimental-wasm-modules;
 * its `_bg.js` half has the same bindings without that import, so we hand it the instance.
 */
function wasmEngine(): typeof engineBindings.SchemaEngine {
  installPanicRegistry();
  if (!shared.instantiated.has(engineBindings)) {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(bindingsPath.replace(/\.js$/, ".wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    shared.instantiated.add(engineBindings);
  }
  return engineBindings.SchemaEngine;
}

export function engineVersion(): string {
  wasmEngine();
  return engineBindings.version();
}

// ---------- errors ----------

/** An expected failure: the CLI prints its message as one line, without a stack. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

type ErrorRegistry = { consumeError(id: number): { error: unknown } | undefined };

/**
 * The engine reports adapter failures as "External error id#N"; the JS error behind it sits in the
 * bound factory's registry. Turn both that and the engine's multi-line messages (with a Rust span
 * trace) into one readable line.
 */
function engineError(error: unknown, registry: ErrorRegistry | undefined, action: string): Error {
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof WebAssembly.RuntimeError && shared.lastPanic) {
    message = `the schema engine crashed: ${shared.lastPanic}`;
    shared.lastPanic = null;
  }
  const external = /External error id#(\d+)/.exec(message);
  const cause = external ? registry?.consumeError(Number(external[1]))?.error : undefined;
  if (cause) message = describeDriverError(cause);
  const code = (error as { code?: string })?.code;
  // The engine's message: a summary, maybe a detail line, then a Rust span trace ("   0: ...").
  const lines: string[] = [];
  for (const line of message.split("\n")) {
    if (/^\s*\d+: /.test(line)) break;
    if (line.trim() && !/^external connector error$/i.test(line.trim())) lines.push(line.trim());
  }
  // A schema validation error (P1012) quotes the source around "--> file:line"; keep the place only.
  const location = /-->\s*(\S+:\d+)/.exec(message)?.[1];
  const summary = location
    ? `${lines[0]?.replace(/^error:\s*/, "")} (${location})`
    : lines.join(": ") || message.split("\n")[0]?.trim() || "unknown error";
  const result = new MigrationError(`${action}: ${summary}${code ? ` (${code})` : ""}`);
  result.cause = cause ?? error;
  return result;
}

function describeDriverError(error: unknown): string {
  const cause = (error as { cause?: Record<string, unknown> })?.cause;
  if (cause && typeof cause === "object" && "kind" in cause) {
    const detail = cause.originalMessage ?? cause.message ?? "";
    const where = cause.host ? ` ${String(cause.host)}${cause.port ? `:${String(cause.port)}` : ""}` : "";
    return `${String(cause.kind)}${where}${detail ? `: ${String(detail)}` : ""}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// ---------- an engine session ----------

/** One engine bound to one database (or to no database, for PostgreSQL datamodel diffs). */
export class EngineSession {
  private constructor(
    private readonly engine: SchemaEngine,
    private readonly registry: ErrorRegistry | undefined,
    private readonly onClose: () => Promise<void>,
    readonly provider: DatabaseProvider,
  ) {}

  static async open(db: DatabaseConfig | { provider: "postgresql"; offline: true }): Promise<EngineSession> {
    const SchemaEngineClass = wasmEngine();
    const opened = "offline" in db ? { factory: offlinePostgresFactory(), close: () => Promise.resolve() } : adapterFactory(db);
    const bound = bindMigrationAwareSqlAdapterFactory(opened.factory);
    const registry = (bound as unknown as { errorRegistry?: ErrorRegistry }).errorRegistry;
    // The engine reads the provider from a datamodel; it needs no models to connect.
    const datamodel = emptyDatamodel(db.provider);
    try {
      const engine = await SchemaEngineClass.new(
        { datamodels: [["schema.prisma", datamodel]] },
        (line: string) => {
          if (serverEnv().DEBUG) console.error(`[schema-engine] ${line}`);
        },
        bound,
      );
      return new EngineSession(engine, registry, opened.close, db.provider);
    } catch (error) {
      await opened.close();
      throw engineError(error, registry, "cannot open the database");
    }
  }

  private async run<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw engineError(error, this.registry, action);
    }
  }

  /** The SQL from `from` to `to`, or "" when they are the same. */
  async diff(from: DiffTarget, to: DiffTarget): Promise<string> {
    const result = await this.run("diff failed", () => this.engine.diff({ from, to, script: true, exitCode: true, filters: NO_FILTERS }));
    // exitCode 2 means "non-empty diff" (what `prisma migrate diff --exit-code` reports).
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  }

  /** The SQL that brings the connected database to `schema`, or "" if it already matches. */
  diffDatabaseTo(schema: string, file = "schema.prisma"): Promise<string> {
    const files = [{ path: file, content: schema }];
    return this.diff({ tag: "schemaDatasource", files, configDir: os.tmpdir() }, { tag: "schemaDatamodel", files });
  }

  async applyMigrations(migrationsList: MigrationList): Promise<string[]> {
    const out = await this.run("applying migrations failed", () => this.engine.applyMigrations({ migrationsList, filters: NO_FILTERS }));
    return out.appliedMigrationNames;
  }

  diagnose(migrationsList: MigrationList) {
    return this.run("reading the migration history failed", () =>
      this.engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
    );
  }

  async markApplied(migrationName: string, migrationsList: MigrationList): Promise<void> {
    await this.run(`marking ${migrationName} applied failed`, () => this.engine.markMigrationApplied({ migrationName, migrationsList }));
  }

  async markRolledBack(migrationName: string): Promise<void> {
    await this.run(`marking ${migrationName} rolled back failed`, () => this.engine.markMigrationRolledBack({ migrationName }));
  }

  async close(): Promise<void> {
    this.engine.free();
    await this.onClose();
  }
}

export async function withSession<T>(db: Parameters<typeof EngineSession.open>[0], fn: (session: EngineSession) => Promise<T>): Promise<T> {
  const session = await EngineSession.open(db);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
