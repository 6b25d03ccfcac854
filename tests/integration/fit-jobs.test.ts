// FSRS fits on the job engine, with the fit in its real child process: on PostgreSQL an instance
// that only enqueues (the web instance that got the click) and others that work; on SQLite the
// in-process engine. One fit per learner however many starts race; a per-instance cap with an
// honest queue; a worker stopped mid-fit leaves the fit retried or failed with a message, never running.
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { createJobEngine, jobCounts, startJobEngine, stopJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { FIT_QUEUE, fitJobDefinition } from "@/lib/optimizer/fit-job";
import { cancelFit, fitStatus, startFit } from "@/lib/optimizer/jobs";
import { databaseConfig } from "@/lib/server/database-url";
import { db } from "@/lib/server/db";
import { seasonedLearner } from "./learner-history";
import { makeUser } from "./helpers";

const postgres = inject("engine") === "postgresql";
const definition = { ...fitJobDefinition, concurrency: 1 };
const workers: JobEngine[] = [];
const polling = { pollingIntervalSeconds: 0.5 };

/**
 * The instance whose engine startFit enqueues on: on PostgreSQL an enqueue-only web instance (the
 * fits run on workers()), on SQLite the one in-process engine, which runs them too.
 */
const startWeb = () => startJobEngine([definition], { workers: !postgres, ...polling });

/** Another app instance on the same database that runs fits (PostgreSQL). */
async function worker(): Promise<JobEngine> {
  const engine = await createJobEngine(databaseConfig(), polling);
  await engine.start([definition]);
  workers.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((engine) => engine.stop()));
  await stopJobEngine();
  // A fit a test left waiting would otherwise queue ahead of the next test's (on PostgreSQL its job survives).
  await db.fitJob.updateMany({ where: { status: { in: ["queued", "running"] } }, data: { status: "cancelled", activeKey: null } });
});

const statusOf = async (user: { id: string }) => (await fitStatus(user)).job;
const fitsQueued = async () => (await jobCounts()).filter((c) => c.queue === FIT_QUEUE).reduce((sum, c) => sum + c.count, 0);

describe("fits on the job engine", () => {
  it("a fit enqueued by one instance runs once, in its own process, on a worker, and the learner sees it done", async () => {
    const { user } = await seasonedLearner(60, 60, 11);
    await startWeb();
    if (postgres) await worker();
    const jobId = await startFit(user);
    await vi.waitFor(async () => expect(await statusOf(user)).toMatchObject({ id: jobId, status: "done", progress: 1 }), {
      timeout: 150_000,
      interval: 200,
    });
    expect(await db.fsrsParameterSet.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.fitJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ activeKey: null });
  }, 180_000);

  it("50 starts at once by one learner make one fit and one job", async () => {
    const { user } = await seasonedLearner(60, 60, 12);
    await startWeb();
    const before = await fitsQueued();
    const ids = await Promise.all(Array.from({ length: 50 }, () => startFit(user)));
    expect(new Set(ids).size).toBe(1);
    expect(await db.fitJob.count({ where: { userId: user.id } })).toBe(1);
    expect((await fitsQueued()) - before).toBe(1);
    await cancelFit(user, ids[0]!);
    await vi.waitFor(async () => expect((await statusOf(user))?.status).toBe("cancelled"), { timeout: 60_000, interval: 200 });
    // Once it has ended, the learner can start another.
    expect(await startFit(user)).not.toBe(ids[0]);
    await cancelFit(user, (await statusOf(user))!.id);
  }, 90_000);

  it("runs one fit at a time per instance (FIT_CONCURRENCY) and says honestly how many wait ahead", async () => {
    const learners = [await seasonedLearner(60, 60, 13), await seasonedLearner(60, 60, 14), await seasonedLearner(60, 60, 15)];
    const users = learners.map((l) => l.user);
    await startWeb();
    if (postgres) {
      for (const user of users) await startFit(user);
      // Nothing works yet: every fit waits, each behind the ones queued before it.
      expect((await Promise.all(users.map(statusOf))).map((j) => [j?.status, j?.ahead])).toEqual([
        ["queued", 0],
        ["queued", 1],
        ["queued", 2],
      ]);
      await worker();
    } else {
      for (const user of users) await startFit(user);
    }
    // Polled until all are done (a busy machine may miss a short state, so no single moment is
    // awaited): never two running at once, and each waiting fit told how many wait before it.
    let most = 0;
    const aheadSeen = new Set<number>();
    await vi.waitFor(
      async () => {
        const jobs = await Promise.all(users.map(statusOf));
        most = Math.max(most, jobs.filter((j) => j?.status === "running").length);
        jobs.forEach((job, i) => {
          if (job?.status !== "queued") return;
          aheadSeen.add(job.ahead);
          expect(job.ahead).toBe(jobs.slice(0, i).filter((j) => j?.status === "queued").length);
        });
        expect(jobs.map((j) => j?.status)).toEqual(["done", "done", "done"]);
      },
      { timeout: 300_000, interval: 100 },
    );
    expect(most).toBe(1);
    expect(aheadSeen.has(0)).toBe(true);
  }, 480_000);

  it("a fit whose worker stopped mid-fit is retried on another instance (PostgreSQL) or failed with a message (SQLite)", async () => {
    const { user } = await seasonedLearner(150, 120, 16);
    await startWeb();
    const first = postgres ? await worker() : undefined;
    const jobId = await startFit(user);
    await vi.waitFor(async () => expect((await statusOf(user))?.status).toBe("running"), { timeout: 120_000, interval: 50 });
    if (postgres) {
      await first!.stop();
      expect(await statusOf(user)).toMatchObject({ id: jobId, status: "queued", message: expect.stringContaining("will start again") });
      await worker();
      await vi.waitFor(async () => expect(await statusOf(user)).toMatchObject({ id: jobId, status: "done" }), {
        timeout: 150_000,
        interval: 200,
      });
      expect(await db.fsrsParameterSet.count({ where: { userId: user.id } })).toBe(1);
    } else {
      await stopJobEngine();
      expect(await statusOf(user)).toMatchObject({ id: jobId, status: "failed", message: expect.stringContaining("interrupted") });
      expect(await db.fsrsParameterSet.count({ where: { userId: user.id } })).toBe(0);
    }
  }, 330_000);

  it("a running fit whose instance died without a word is shown failed once its row stops moving, and can be started again", async () => {
    const { user } = await seasonedLearner(60, 60, 17);
    const silent = await db.fitJob.create({
      data: { userId: user.id, activeKey: user.id, status: "running", progress: 0.3, updatedAt: new Date(Date.now() - 3 * 60_000) },
    });
    expect(await statusOf(user)).toMatchObject({ id: silent.id, status: "failed", message: expect.stringContaining("interrupted") });
    await startWeb();
    const next = await startFit(user);
    expect(next).not.toBe(silent.id);
    await cancelFit(user, next);
  }, 60_000);

  it("on SQLite, a restart marks the fits the last process had queued or running as failed", async () => {
    if (postgres) return expect(definition.onLost).toBeDefined();
    const learner = await makeUser("restarted");
    const left = await db.fitJob.create({ data: { userId: learner.id, activeKey: learner.id, status: "queued" } });
    await startWeb();
    expect(await db.fitJob.findUniqueOrThrow({ where: { id: left.id } })).toMatchObject({
      status: "failed",
      activeKey: null,
      message: expect.stringContaining("restarted"),
    });
  });
});
