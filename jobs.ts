// Every background job Drill runs, for the job engine (lib/jobs): each domain declares its own
// definitions; this list is where the app names them all. instrumentation.ts starts the engine with
// it once per server process; graceful shutdown calls stopJobs(); metrics read jobCounts().
import { jobCounts, startJobEngine, stopJobEngine } from "@/lib/jobs/engine";
import { defineJob, type AnyJobDefinition } from "@/lib/jobs/definition";
import { fitJobDefinition } from "@/lib/optimizer/fit-job";
import { reminderJobs } from "@/lib/reminders/jobs";
import { onShutdown } from "@/lib/server/lifecycle";
import { addGaugeCollector } from "@/lib/server/metrics";

export const jobDefinitions: AnyJobDefinition[] = [fitJobDefinition, ...reminderJobs.map((job) => defineJob(job))];

/** How long to wait before trying again when the engine can't start (the database isn't up yet). */
const RETRY_MS = 5_000;

let stopping = false;

/**
 * Starts the engine; never throws, so the server serves while the database comes up. Until the
 * engine runs, starting a fit says to try again in a moment.
 */
export async function startJobs(): Promise<void> {
  if (stopping) return;
  // Stopped before the database pool closes (scripts/serve.ts runs the hooks on SIGTERM).
  onShutdown("jobs", stopJobs);
  addGaugeCollector({ name: "drill_jobs", help: "Background jobs by state, across every queue", label: "state", read: jobsByState });
  try {
    await startJobEngine(jobDefinitions);
  } catch (error) {
    console.error(
      `jobs: the job engine couldn't start (${error instanceof Error ? error.message : String(error)}); trying again in ${RETRY_MS / 1000} s`,
    );
    setTimeout(() => void startJobs(), RETRY_MS).unref();
  }
}

/** For graceful shutdown: running jobs are aborted (retried by another instance on PostgreSQL) and the engine closes. */
export async function stopJobs(): Promise<void> {
  stopping = true;
  await stopJobEngine();
}

/** Job counts summed over queues, by state: the metrics' gauge. */
async function jobsByState(): Promise<Record<string, number>> {
  const byState: Record<string, number> = {};
  for (const { state, count } of await jobCounts()) byState[state] = (byState[state] ?? 0) + count;
  return byState;
}

export { jobCounts };
