// The job engine: one interface, chosen by the database. PostgreSQL: pg-boss (pg-boss.ts), so any
// instance enqueues and one worker runs each job. SQLite: in-process (in-process.ts). One engine per
// process, kept on globalThis because Next.js loads instrumentation and routes as separate bundles.
import { databaseConfig, parsePostgresUrl, type DatabaseConfig } from "../server/database-url";
import type { AnyJobDefinition, JobCount } from "./definition";

export interface JobEngine {
  /** Registers the definitions: queues made, workers (and cron schedules) started unless enqueue-only. */
  start(definitions: AnyJobDefinition[]): Promise<void>;
  /** Adds a job to a registered queue; returns its id. */
  enqueue(queue: string, data: unknown): Promise<string>;
  /** Stops taking jobs, aborts the running ones (handlers end their work), and waits for them. */
  stop(): Promise<void>;
  /** Jobs by queue and state, for metrics. */
  counts(): Promise<JobCount[]>;
}

export interface EngineOptions {
  /** false: enqueue only, run nothing (a second "instance" in tests). */
  workers?: boolean;
  pollingIntervalSeconds?: number;
}

/**
 * pg-boss's schema: `pgboss` beside Drill's tables in `public`, else `<schema>_pgboss`, so each
 * database schema (each test run's included) has a job schema of its own.
 */
export function jobSchemaOf(drillSchema: string): string {
  return drillSchema === "public" ? "pgboss" : `${drillSchema}_pgboss`;
}

export async function createJobEngine(config: DatabaseConfig, options: EngineOptions = {}): Promise<JobEngine> {
  const workers = options.workers ?? true;
  if (config.provider === "sqlite") return new (await import("./in-process")).InProcessEngine({ workers });
  const { connectionString, schema } = parsePostgresUrl(config.url);
  const { PgBossEngine } = await import("./pg-boss");
  return new PgBossEngine({
    connectionString,
    schema: jobSchemaOf(schema),
    workers,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
}

const globalForJobs = globalThis as unknown as { drillJobs?: Promise<JobEngine> };

/** Starts this process's engine with every definition (instrumentation.ts, once). */
export function startJobEngine(definitions: AnyJobDefinition[], options: EngineOptions = {}): Promise<JobEngine> {
  const starting = (globalForJobs.drillJobs ??= createJobEngine(databaseConfig(), options).then(async (engine) => {
    await engine.start(definitions);
    return engine;
  }));
  // A start that failed (the database unreachable) leaves room for the next try.
  starting.catch(() => {
    if (globalForJobs.drillJobs === starting) globalForJobs.drillJobs = undefined;
  });
  return starting;
}

function running(): Promise<JobEngine> {
  if (!globalForJobs.drillJobs) throw new Error("The job engine is not started (startJobs() in instrumentation.ts starts it).");
  return globalForJobs.drillJobs;
}

export async function enqueue(queue: string, data: unknown): Promise<string> {
  return (await running()).enqueue(queue, data);
}

/** For graceful shutdown: running jobs are aborted (retried elsewhere on PostgreSQL) and the engine closes. */
export async function stopJobEngine(): Promise<void> {
  const engine = globalForJobs.drillJobs;
  globalForJobs.drillJobs = undefined;
  await (await engine)?.stop();
}

/** Jobs by queue and state (empty before the engine starts). */
export async function jobCounts(): Promise<JobCount[]> {
  return globalForJobs.drillJobs ? (await globalForJobs.drillJobs).counts() : [];
}
