// The in-process job engine (SQLite's): each queue's concurrency, retries then onFailed, expiry,
// stopping aborts running jobs, onLost at start, and cron schedules read as pg-boss reads them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineJob } from "@/lib/jobs/definition";
import { jobSchemaOf } from "@/lib/jobs/engine";
import { InProcessEngine } from "@/lib/jobs/in-process";
import { nextRun } from "@/lib/jobs/schedule";

/** A promise the test resolves by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.useRealTimers());

describe("the in-process engine", () => {
  it("runs at most `concurrency` jobs of a queue at once and queues the rest in order", async () => {
    const started: number[] = [];
    const gates = [gate(), gate(), gate()];
    const engine = new InProcessEngine({ workers: true });
    await engine.start([
      defineJob<{ n: number }>({
        queue: "capped",
        concurrency: 2,
        handler: async ({ n }) => {
          started.push(n);
          await gates[n]!.opened;
        },
      }),
    ]);
    for (const n of [0, 1, 2]) await engine.enqueue("capped", { n });
    await settle();
    expect(started).toEqual([0, 1]);
    expect((await engine.counts()).find((c) => c.state === "created")?.count).toBe(1);
    gates[1]!.open();
    await vi.waitFor(() => expect(started).toEqual([0, 1, 2]));
    gates[0]!.open();
    gates[2]!.open();
    await vi.waitFor(async () => expect((await engine.counts()).find((c) => c.state === "completed")?.count).toBe(3));
    await engine.stop();
  });

  it("retries a failing job `retryLimit` times, then calls onFailed once with the reason", async () => {
    const failed = vi.fn(async () => {});
    let tries = 0;
    const engine = new InProcessEngine({ workers: true });
    await engine.start([
      defineJob({
        queue: "flaky",
        retryLimit: 2,
        handler: async () => {
          tries++;
          throw new Error(`try ${tries} broke`);
        },
        onFailed: failed,
      }),
    ]);
    await engine.enqueue("flaky", { id: "x" });
    await vi.waitFor(() => expect(failed).toHaveBeenCalledTimes(1));
    expect(tries).toBe(3);
    expect(failed).toHaveBeenCalledWith({ id: "x" }, "try 3 broke");
    await engine.stop();
  });

  it("aborts a job past its expiry and counts it as failed, even if the handler ignores the signal", async () => {
    const failed = vi.fn(async () => {});
    let aborted = false;
    const engine = new InProcessEngine({ workers: true });
    await engine.start([
      defineJob({
        queue: "slow",
        expireInSeconds: 1,
        handler: async (_data, { signal }) => {
          signal.addEventListener("abort", () => (aborted = true));
          await new Promise(() => {});
        },
        onFailed: failed,
      }),
    ]);
    vi.useFakeTimers();
    await engine.enqueue("slow", {});
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith({}, "the job ran longer than 1 s"));
    expect(aborted).toBe(true);
    await engine.stop();
  });

  it("stop aborts running jobs and waits for their handlers; onFailed says why", async () => {
    const failed = vi.fn(async () => {});
    const ended: string[] = [];
    const engine = new InProcessEngine({ workers: true });
    await engine.start([
      defineJob({
        queue: "long",
        retryLimit: 3,
        handler: async (_data, { signal }) => {
          await new Promise((resolve) => signal.addEventListener("abort", resolve));
          ended.push("handler");
          throw signal.reason;
        },
        onFailed: failed,
      }),
    ]);
    await engine.enqueue("long", {});
    await settle();
    await engine.stop();
    expect(ended).toEqual(["handler"]);
    // Stopping retries nothing: the job is over for this process.
    expect(failed).toHaveBeenCalledWith({}, "the server is stopping");
  });

  it("calls onLost at start, and an enqueue-only engine runs nothing", async () => {
    const lost = vi.fn(async () => {});
    const handler = vi.fn(async () => {});
    const definition = defineJob({ queue: "q", handler, onLost: lost });
    const quiet = new InProcessEngine({ workers: false });
    await quiet.start([definition]);
    await quiet.enqueue("q", {});
    await settle();
    expect(handler).not.toHaveBeenCalled();
    expect(lost).not.toHaveBeenCalled();
    const worker = new InProcessEngine({ workers: true });
    await worker.start([definition]);
    expect(lost).toHaveBeenCalledTimes(1);
    await expect(worker.enqueue("nowhere", {})).rejects.toThrow('No job queue "nowhere"');
  });

  it("enqueues a cron job at each time the schedule names", async () => {
    vi.useFakeTimers({ now: new Date("2030-01-02T07:58:00Z") }); // 08:58 in Paris
    const runs: string[] = [];
    const engine = new InProcessEngine({ workers: true });
    await engine.start([
      defineJob({ queue: "daily", cron: "0 9 * * *", tz: "Europe/Paris", handler: async () => void runs.push(new Date().toISOString()) }),
    ]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(runs).toEqual(["2030-01-02T08:00:00.000Z"]);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(runs).toEqual(["2030-01-02T08:00:00.000Z", "2030-01-03T08:00:00.000Z"]);
    await engine.stop();
  });
});

describe("schedules and schemas", () => {
  it("reads cron in the schedule's time zone, across a daylight-saving change", () => {
    expect(nextRun("0 9 * * *", "UTC", new Date("2030-03-30T10:00:00Z"))).toEqual(new Date("2030-03-31T09:00:00Z"));
    // Paris moves to summer time on 2030-03-31: 09:00 there is 08:00, then 07:00 UTC.
    expect(nextRun("0 9 * * *", "Europe/Paris", new Date("2030-03-30T07:00:00Z"))).toEqual(new Date("2030-03-30T08:00:00Z"));
    expect(nextRun("0 9 * * *", "Europe/Paris", new Date("2030-03-30T08:00:00Z"))).toEqual(new Date("2030-03-31T07:00:00Z"));
    expect(() => nextRun("not cron", "UTC", new Date())).toThrow();
  });

  it("gives each database schema a job schema of its own", () => {
    expect(jobSchemaOf("public")).toBe("pgboss");
    expect(jobSchemaOf("drill_test_42")).toBe("drill_test_42_pgboss");
  });

  it("refuses a queue name pg-boss would refuse", () => {
    expect(() => defineJob({ queue: "fits/now", handler: async () => {} })).toThrow("letters, digits");
  });
});
