// Every background job Drill runs, for the job engine (lib/jobs): each domain declares its own
// definitions; this list is where the app names them all. instrumentation.ts starts the engine with
// it once per server process; graceful shutdown calls stopJobs(); metrics read jobCounts().
import { jobCounts, startJobEngine, stopJobEngine } from "@/lib/jobs/engine";
import type { AnyJobDefinition } from "@/lib/jobs/definition";
import { fitJobDefinition } from "@/lib/optimizer/fit-job";

export const jobDefinitions: AnyJobDefinition[] = [fitJobDefinition];

/** How long to wait before trying again when the engine can't start (the database isn't up yet). */
const RETRY_MS = 5_000;

let stopping = false;

/**
 * Starts the engine; never throws, so the server serves while the database comes up. Until the
 * engine runs, starting a fit says to try again in a moment.
 */
export async function startJobs(): Promise<void> {
  if (stopping) return;
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

export { jobCounts };
