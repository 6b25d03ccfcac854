// FSRS fits as background jobs: the definition the job engine registers (one queue, FIT_CONCURRENCY
// fits at once per instance, one retry when a worker dies), and the handler, which runs the fit in a
// child process (scripts/fit-worker.ts) so the native optimizer never holds up the server's requests.
// What the learner sees lives in the FitJob row; this file keeps it true when a worker dies or the
// engine loses a job.
import "server-only";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { defineJob } from "../jobs/definition";
import { enqueue } from "../jobs/engine";
import { db } from "../server/db";
import { fitConcurrency } from "../server/env";

export const FIT_QUEUE = "fsrs-fit";

/** A fit running longer than this is stopped (and, once retried, failed): far above the largest fits measured. */
const FIT_EXPIRE_SECONDS = 30 * 60;

export interface FitJobData {
  fitJobId: string;
}

/** Runs `scripts/fit-worker.ts JOB_ID` and waits for it; throws if it dies or `signal` stops it. */
export function runFitProcess(fitJobId: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    // The IPC channel is the worker's lifeline: if this process dies, the worker sees it close and
    // exits, so a retry elsewhere never races a leftover worker.
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join("scripts", "fit-worker.ts"), fitJobId],
      {
        cwd: process.cwd(),
        env: process.env,
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      },
    );
    // The fit takes what the server leaves: its threads (created later, when fitting starts) inherit
    // the lowest priority, so requests keep their speed while it runs.
    if (child.pid) {
      try {
        os.setPriority(child.pid, 19);
      } catch {
        // Not allowed here: the fit runs at normal priority.
      }
    }
    const stop = () => child.kill("SIGKILL");
    signal.addEventListener("abort", stop, { once: true });
    child.on("error", reject);
    child.on("exit", (code, killedBy) => {
      signal.removeEventListener("abort", stop);
      if (code === 0) resolve();
      else reject(signal.aborted ? signal.reason : new Error(`the fit's process ended with ${killedBy ?? `exit code ${code}`}`));
    });
  });
}

/** A try that didn't end the fit's row itself: the row waits for the retry, as the learner sees. */
async function requeue(fitJobId: string): Promise<void> {
  await db.fitJob.updateMany({
    where: { id: fitJobId, status: "running" },
    data: { status: "queued", progress: 0, message: "The server fitting your parameters stopped; the fit will start again." },
  });
}

/** Out of tries (or the engine gave up on it): the fit failed, with a reason the learner can act on. */
export async function failFit(fitJobId: string, reason: string): Promise<void> {
  const timedOut = /timeout|exceeded|expir|longer than/i.test(reason);
  await db.fitJob.updateMany({
    where: { id: fitJobId, status: { in: ["queued", "running"] } },
    data: {
      status: "failed",
      message: timedOut
        ? `The fit took longer than ${FIT_EXPIRE_SECONDS / 60} minutes and was stopped; nothing was stored. Start it again.`
        : "The fit was interrupted (the server running it stopped) and nothing was stored. Start it again.",
      finishedAt: new Date(),
      activeKey: null,
    },
  });
}

export const fitJobDefinition = defineJob<FitJobData>({
  queue: FIT_QUEUE,
  concurrency: fitConcurrency(),
  retryLimit: 1,
  expireInSeconds: FIT_EXPIRE_SECONDS,
  async handler({ fitJobId }, { signal }) {
    // Cancelled while queued, or ended while its job waited for a retry: no process to start.
    const row = await db.fitJob.findUnique({ where: { id: fitJobId }, select: { status: true } });
    if (!row || !["queued", "running"].includes(row.status)) return;
    try {
      await runFitProcess(fitJobId, signal);
    } catch (error) {
      await requeue(fitJobId);
      throw error;
    }
  },
  onFailed: ({ fitJobId }, reason) => failFit(fitJobId, reason),
  // In-process (SQLite): fits the last server process had queued or running are gone.
  async onLost() {
    await db.fitJob.updateMany({
      where: { status: { in: ["queued", "running"] } },
      data: {
        status: "failed",
        message: "The fit was interrupted (the server restarted) and nothing was stored. Start it again.",
        finishedAt: new Date(),
        activeKey: null,
      },
    });
  },
});

/** Puts a fit on the job engine's queue; any instance's worker may run it. */
export async function enqueueFit(fitJobId: string): Promise<void> {
  await enqueue(FIT_QUEUE, { fitJobId } satisfies FitJobData);
}
