// The job engine on PostgreSQL: pg-boss, in a schema of its own beside Drill's tables. Any instance
// enqueues; each job is fetched by one worker (SKIP LOCKED), so it runs once across instances; a
// try whose worker died expires and is retried, and a job out of tries goes to a dead-letter queue
// whose worker calls the definition's onFailed. Cron schedules run once across instances.
import pg from "pg";
import PgBoss from "pg-boss";
import { DEFAULT_EXPIRE_SECONDS, JOB_STATES, reasonOf, type AnyJobDefinition, type JobCount, type JobState } from "./definition";
import type { JobEngine } from "./engine";

/** Where a queue's jobs go when out of tries. */
const deadLetterOf = (queue: string) => `${queue}__failed`;

export interface PgBossOptions {
  connectionString: string;
  /** pg-boss's own schema, created by it on start. */
  schema: string;
  /** false: this instance enqueues only (tests play a web instance that runs no jobs). */
  workers: boolean;
  /** How often idle workers look for jobs and expired tries are failed; lower in tests. */
  pollingIntervalSeconds?: number;
}

export class PgBossEngine implements JobEngine {
  #boss: PgBoss;
  #running = new Map<string, AbortController>();
  #polling: number;

  constructor(private readonly options: PgBossOptions) {
    this.#polling = options.pollingIntervalSeconds ?? 2;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema,
      application_name: "drill-jobs",
      // Its own small pool, beside the app's: a few workers, the supervisor and the clock.
      max: 4,
      maintenanceIntervalSeconds: Math.max(1, this.#polling * 15),
      // Scheduling and supervision run on every instance; pg-boss elects one for each round.
      schedule: options.workers,
      supervise: options.workers,
    });
    // A lost connection is retried by pg-boss; say so without the connection string (it may hold a password).
    this.#boss.on("error", (error: Error) => console.error(`jobs: ${error.message}`));
  }

  async start(definitions: AnyJobDefinition[]): Promise<void> {
    await this.#boss.start();
    // Two instances creating the same queues at once deadlock in PostgreSQL (pg-boss makes a table
    // per queue): one instance at a time sets them up, the others then find them made.
    await this.#oneInstanceAtATime(() => this.#setUp(definitions));
  }

  /** Runs `fn` holding a session-level advisory lock of this schema's, on a connection of its own. */
  async #oneInstanceAtATime(fn: () => Promise<void>): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, connectionTimeoutMillis: 10_000 });
    client.on("error", () => undefined); // a dropped connection fails the query below instead
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext($1))", [`drill:jobs:${this.options.schema}`]);
      await fn();
    } finally {
      // Ending the session releases the lock, also when fn threw.
      await client.end().catch(() => undefined);
    }
  }

  async #setUp(definitions: AnyJobDefinition[]): Promise<void> {
    for (const definition of definitions) {
      const deadLetter = deadLetterOf(definition.queue);
      await this.#boss.createQueue(deadLetter);
      const queue = {
        name: definition.queue,
        retryLimit: definition.retryLimit ?? 0,
        retryDelay: 0,
        expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
        deadLetter,
      };
      await this.#boss.createQueue(definition.queue, queue);
      // A queue made by an earlier version keeps its old settings unless updated.
      await this.#boss.updateQueue(definition.queue, queue);
      if (!this.options.workers) continue;
      for (let i = 0; i < (definition.concurrency ?? 1); i++) {
        await this.#boss.work(definition.queue, { batchSize: 1, pollingIntervalSeconds: this.#polling }, ([job]) =>
          this.#run(definition, job!),
        );
      }
      await this.#boss.work<unknown>(
        deadLetter,
        { batchSize: 1, pollingIntervalSeconds: this.#polling, includeMetadata: true },
        async ([job]) => {
          const reason = (job!.output as { message?: string } | null)?.message ?? "out of tries";
          await definition.onFailed?.(job!.data, reason);
        },
      );
      if (definition.cron) await this.#boss.schedule(definition.queue, definition.cron, {}, { tz: definition.tz ?? "UTC" });
    }
  }

  async enqueue(queue: string, data: unknown): Promise<string> {
    const id = await this.#boss.send(queue, data as object);
    if (!id) throw new Error(`The job queue "${queue}" refused the job`);
    return id;
  }

  async stop(): Promise<void> {
    // Running tries end now (their handlers stop their work and throw), so pg-boss fails them and
    // another instance retries them, instead of this stop waiting for a long job to finish.
    for (const controller of this.#running.values()) controller.abort(new Error("the server is stopping"));
    await this.#boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  async counts(): Promise<JobCount[]> {
    const states = await (
      this.#boss as unknown as { countStates(): Promise<{ queues: Record<string, Record<JobState, number>> }> }
    ).countStates();
    return Object.entries(states.queues).flatMap(([queue, byState]) =>
      JOB_STATES.map((state) => ({ queue, state, count: byState[state] ?? 0 })),
    );
  }

  async #run(definition: AnyJobDefinition, job: PgBoss.Job<unknown>): Promise<void> {
    const controller = new AbortController();
    this.#running.set(job.id, controller);
    // pg-boss stops waiting for a try at its expiry; abort it too, so its work stops with it.
    const expiry = setTimeout(
      () => controller.abort(new Error("the job ran past its expiry")),
      (definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS) * 1000,
    );
    try {
      await definition.handler(job.data, { jobId: job.id, signal: controller.signal });
    } catch (error) {
      throw new Error(reasonOf(error));
    } finally {
      clearTimeout(expiry);
      this.#running.delete(job.id);
    }
  }
}
