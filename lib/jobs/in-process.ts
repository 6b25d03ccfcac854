// The job engine on SQLite (one machine, one server process): queues in memory, each definition's
// concurrency enforced here, retries, expiry, and cron schedules on timers. Jobs don't survive a
// restart; at start each definition's onLost lets its domain mark what the last process had.
import { randomUUID } from "node:crypto";
import { DEFAULT_EXPIRE_SECONDS, reasonOf, type AnyJobDefinition, type JobCount, type JobState } from "./definition";
import type { JobEngine } from "./engine";
import { nextRun } from "./schedule";

interface Job {
  id: string;
  data: unknown;
  tries: number;
}

interface Queue {
  definition: AnyJobDefinition;
  waiting: Job[];
  running: Map<string, { controller: AbortController; done: Promise<void> }>;
  /** Totals since start, for jobCounts(). */
  ended: Record<"completed" | "failed", number>;
  retrying: number;
}

/** setTimeout's limit is ~24.8 days; a cron further out is re-armed daily. */
const MAX_TIMER_MS = 24 * 60 * 60_000;

export class InProcessEngine implements JobEngine {
  #queues = new Map<string, Queue>();
  #timers = new Set<NodeJS.Timeout>();
  #stopping = false;

  constructor(private readonly options: { workers: boolean }) {}

  async start(definitions: AnyJobDefinition[]): Promise<void> {
    for (const definition of definitions) {
      this.#queues.set(definition.queue, { definition, waiting: [], running: new Map(), ended: { completed: 0, failed: 0 }, retrying: 0 });
    }
    if (!this.options.workers) return;
    for (const definition of definitions) await definition.onLost?.();
    for (const definition of definitions) if (definition.cron) this.#arm(definition, new Date());
  }

  async enqueue(queueName: string, data: unknown): Promise<string> {
    const queue = this.#queue(queueName);
    const job = { id: randomUUID(), data, tries: 0 };
    queue.waiting.push(job);
    this.#pump(queue);
    return job.id;
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    for (const timer of this.#timers) clearTimeout(timer);
    const running = [...this.#queues.values()].flatMap((q) => [...q.running.values()]);
    for (const { controller } of running) controller.abort(new Error("the server is stopping"));
    await Promise.allSettled(running.map((r) => r.done));
  }

  async counts(): Promise<JobCount[]> {
    return [...this.#queues.values()].flatMap(({ definition, waiting, running, ended, retrying }) =>
      (
        [
          ["created", waiting.length - retrying],
          ["retry", retrying],
          ["active", running.size],
          ["completed", ended.completed],
          ["failed", ended.failed],
        ] as [JobState, number][]
      ).map(([state, count]) => ({ queue: definition.queue, state, count })),
    );
  }

  #queue(name: string): Queue {
    const queue = this.#queues.get(name);
    if (!queue) throw new Error(`No job queue "${name}" is registered (is the job engine started?)`);
    return queue;
  }

  /** Starts waiting jobs while the queue has room (its definition's concurrency). */
  #pump(queue: Queue): void {
    if (!this.options.workers || this.#stopping) return;
    while (queue.waiting.length > 0 && queue.running.size < (queue.definition.concurrency ?? 1)) {
      const job = queue.waiting.shift()!;
      if (job.tries > 0) queue.retrying--;
      const controller = new AbortController();
      const done = this.#run(queue, job, controller).finally(() => {
        queue.running.delete(job.id);
        this.#pump(queue);
      });
      queue.running.set(job.id, { controller, done });
    }
  }

  async #run(queue: Queue, job: Job, controller: AbortController): Promise<void> {
    const { definition } = queue;
    const expireMs = (definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS) * 1000;
    let expiry: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      expiry = setTimeout(() => {
        const error = new Error(`the job ran longer than ${expireMs / 1000} s`);
        controller.abort(error);
        reject(error);
      }, expireMs);
    });
    try {
      job.tries++;
      // As pg-boss does: a try that outlives its expiry has failed, whether or not the handler noticed.
      await Promise.race([definition.handler(job.data, { jobId: job.id, signal: controller.signal }), expired]);
      queue.ended.completed++;
    } catch (error) {
      if (!this.#stopping && job.tries <= (definition.retryLimit ?? 0)) {
        queue.retrying++;
        queue.waiting.push(job);
        return;
      }
      queue.ended.failed++;
      // The domain's own record of the failure; if that fails too there is nothing left to tell.
      await definition.onFailed?.(job.data, reasonOf(error)).catch(() => {});
    } finally {
      clearTimeout(expiry);
    }
  }

  #arm(definition: AnyJobDefinition, now: Date): void {
    const at = nextRun(definition.cron!, definition.tz ?? "UTC", now);
    const wait = at.getTime() - now.getTime();
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        if (this.#stopping) return;
        if (wait <= MAX_TIMER_MS) void this.enqueue(definition.queue, {});
        this.#arm(definition, wait <= MAX_TIMER_MS ? at : new Date());
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    timer.unref();
    this.#timers.add(timer);
  }
}
