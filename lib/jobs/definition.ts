// What a domain declares about a background job, for whichever engine runs it (engine.ts): the
// queue's name, the handler, and how the engine should treat it. Knows no domain.

export interface JobContext {
  /** The engine's id for this job (the same across its retries). */
  jobId: string;
  /**
   * Aborted when the job must stop: the instance is shutting down, or the job outlived
   * `expireInSeconds`. A handler that started a process or a long computation ends it then.
   */
  signal: AbortSignal;
}

export interface JobDefinition<Data = unknown> {
  /** Letters, digits, `-` and `_` (pg-boss's rule for queue names). */
  queue: string;
  /** Throws to fail this try; the engine retries it up to `retryLimit` times, then calls `onFailed`. */
  handler(data: Data, context: JobContext): Promise<void>;
  /** Jobs of this queue run at once on one instance (default 1). */
  concurrency?: number;
  /** Tries after the first one fails or its worker dies (default 0). */
  retryLimit?: number;
  /** A try running longer than this is aborted and counts as failed (default 15 minutes). */
  expireInSeconds?: number;
  /** Runs the job on this cron schedule (once across all instances on PostgreSQL), with `{}` as data. */
  cron?: string;
  /** The time zone `cron` is read in (default UTC). */
  tz?: string;
  /** After the last try failed or its worker died: the domain records why, where its users see it. */
  onFailed?(data: Data, reason: string): Promise<void>;
  /**
   * At start, on an engine that keeps no jobs across restarts (in-process, on SQLite): what the
   * previous process had queued or running is gone, and the domain says so wherever it tracks them.
   */
  onLost?(): Promise<void>;
}

/** Typed by its data; the engines take a list of any definitions. */
export function defineJob<Data>(definition: JobDefinition<Data>): JobDefinition<Data> {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(definition.queue))
    throw new Error(`A job queue's name is letters, digits, - and _: "${definition.queue}"`);
  return definition;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own data type
export type AnyJobDefinition = JobDefinition<any>;

export const DEFAULT_EXPIRE_SECONDS = 15 * 60;

/** The job states both engines count (pg-boss's names). */
export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobCount {
  queue: string;
  state: JobState;
  count: number;
}

/** The reason a thrown value gives, for onFailed and the logs. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
