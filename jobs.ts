// Every background job Drill runs, for the job engine (lib/jobs): each domain declares its own
// definitions; this list is where the app names them all. instrumentation.ts starts the engine with
// it once per server process; graceful shutdown calls stopJobs(); metrics read jobCounts().
import { jobCounts, startJobEngine, stopJobEngine } from "@/lib/jobs/engine";
import type { AnyJobDefinition } from "@/lib/jobs/definition";
import { fitJobDefinition } from "@/lib/optimizer/fit-job";

export const jobDefinitions: AnyJobDefinition[] = [fitJobDefinition];

export async function startJobs(): Promise<void> {
  await startJobEngine(jobDefinitions);
}

export { jobCounts, stopJobEngine as stopJobs };
