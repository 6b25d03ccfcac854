// The job engine on the test's database: pg-boss on PostgreSQL, where several engines on one database
// play several app instances (one enqueues, others work; each job runs once; a job whose worker
// stopped is retried elsewhere or reported failed), and the in-process engine on SQLite.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { defineJob, type JobDefinition } from "@/lib/jobs/definition";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { databaseConfig } from "@/lib/server/database-url";

const postgres = inject("engine") === "postgresql";
const engines: JobEngine[] = [];

/** One app instance's engine on the test database. */
async function instance(definitions: JobDefinition<{ n: number }>[], workers = true): Promise<JobEngine> {
  const engine = await createJobEngine(databaseConfig(), { workers, pollingIntervalSeconds: 0.5 });
  await engine.start(definitions);
  engines.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop()));
});

/** A queue of its own per test, so nothing another test left can run here. */
const queueName = () => `test-${randomUUID().slice(0, 8)}`;

// Each engine's own tests (registered only on their engine, so neither run reports skipped tests).
const onPostgres = postgres ? describe : () => {};
const onSqlite = postgres ? () => {} : describe;

onPostgres("pg-boss across instances on one database", () => {
  it("runs each job once, whichever instance enqueued it and however many instances work", async () => {
    const runs: number[] = [];
    const definition = defineJob<{ n: number }>({ queue: queueName(), concurrency: 2, handler: async ({ n }) => void runs.push(n) });
    const web = await instance([definition], false);
    await instance([definition]);
    await instance([definition]);
    for (let n = 0; n < 12; n++) await web.enqueue(definition.queue, { n });
    await vi.waitFor(() => expect(runs).toHaveLength(12), { timeout: 20_000 });
    expect([...runs].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    const counts = await web.counts();
    expect(counts.find((c) => c.queue === definition.queue && c.state === "completed")?.count).toBe(12);
  });

  it("retries on another instance a job whose instance stopped mid-run", async () => {
    const tries: string[] = [];
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const definition = (name: string) =>
      defineJob<{ n: number }>({
        queue,
        retryLimit: 1,
        handler: async (_data, { signal }) => {
          tries.push(name);
          if (name !== "first") return;
          firstStarted();
          await new Promise((resolve) => signal.addEventListener("abort", resolve));
          throw signal.reason;
        },
      });
    const queue = queueName();
    const first = await instance([definition("first")]);
    await first.enqueue(queue, { n: 1 });
    await started;
    await instance([definition("second")]);
    await first.stop();
    await vi.waitFor(() => expect(tries).toEqual(["first", "second"]), { timeout: 20_000 });
  });

  it("reports a job failed, with the reason, when its last try's instance stopped", async () => {
    const failed = vi.fn(async () => {});
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const queue = queueName();
    const definition = defineJob<{ n: number }>({
      queue,
      retryLimit: 0,
      handler: async (_data, { signal }) => {
        firstStarted();
        await new Promise((resolve) => signal.addEventListener("abort", resolve));
        throw signal.reason;
      },
      onFailed: failed,
    });
    const first = await instance([definition]);
    await first.enqueue(queue, { n: 7 });
    await started;
    await first.stop();
    await instance([definition]);
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith({ n: 7 }, "the server is stopping"), { timeout: 20_000 });
    expect(failed).toHaveBeenCalledTimes(1);
  });

  it("runs at most `concurrency` jobs of a queue at once on one instance", async () => {
    let running = 0;
    let most = 0;
    let done = 0;
    const definition = defineJob<{ n: number }>({
      queue: queueName(),
      concurrency: 2,
      handler: async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 300));
        running--;
        done++;
      },
    });
    const engine = await instance([definition]);
    for (let n = 0; n < 6; n++) await engine.enqueue(definition.queue, { n });
    await vi.waitFor(() => expect(done).toBe(6), { timeout: 20_000 });
    expect(most).toBe(2);
  });
});

onSqlite("the in-process engine on SQLite", () => {
  it("runs each job once, and a job stopped with the server is reported failed", async () => {
    const runs: number[] = [];
    const failed = vi.fn(async () => {});
    const queue = queueName();
    const engine = await instance([
      defineJob<{ n: number }>({
        queue,
        retryLimit: 1,
        handler: async ({ n }, { signal }) => {
          runs.push(n);
          if (n === 99) await new Promise((resolve) => signal.addEventListener("abort", resolve));
          signal.throwIfAborted();
        },
        onFailed: failed,
      }),
    ]);
    for (let n = 0; n < 5; n++) await engine.enqueue(queue, { n });
    await vi.waitFor(() => expect(runs).toHaveLength(5));
    expect(runs).toEqual([0, 1, 2, 3, 4]);
    await engine.enqueue(queue, { n: 99 });
    await vi.waitFor(() => expect(runs).toContain(99));
    await engine.stop();
    expect(failed).toHaveBeenCalledWith({ n: 99 }, "the server is stopping");
  });
});
