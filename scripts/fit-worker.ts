// The FSRS fit's own process: `node --conditions=react-server --import tsx scripts/fit-worker.ts JOB_ID`.
// Started by the fit job's handler (lib/optimizer/fit-job.ts), so a fit never runs on the server's request path; it reports
// progress, result or failure through the job's row, and stops at the learner's cancel.
import { runFit } from "../lib/optimizer/fit";
import { db } from "../lib/server/db";

// Started by a job handler with an IPC channel: when that server process dies the channel closes,
// and the fit stops with it (the job engine retries it elsewhere).
process.on("disconnect", () => process.exit(1));

async function main() {
  const jobId = process.argv[2];
  if (!jobId) throw new Error("usage: fit-worker.ts JOB_ID");
  try {
    await runFit(jobId);
  } finally {
    await db.$disconnect();
  }
}

// The optimizer's native threads keep the event loop alive after the fit: exit explicitly, or every
// fit would leave a process behind.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
