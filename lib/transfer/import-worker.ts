// What an import's worker thread runs (started by lib/transfer/off-thread.ts through
// scripts/import-worker.mjs): one job, reading and writing with its own database connection, then a
// message with the result, or with the refusal as the AppError's parts (errors don't cross threads).
import { parentPort, workerData } from "node:worker_threads";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { importAnki, previewAnki } from "./anki-import";
import type { ImportJob, WorkerMessage } from "./off-thread";
import { importCsvDeck, importCsvIntoDeck } from "./transfer";

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

async function run(job: ImportJob): Promise<unknown> {
  const progress = (stage: string) => post({ type: "progress", stage });
  switch (job.kind) {
    case "anki-preview":
      progress("Reading the package");
      return previewAnki(job.bytes);
    case "anki-import":
      progress("Reading the package and writing the cards");
      return importAnki(job.viewer, job.bytes, job.options, new Date(job.now));
    case "csv-import":
      progress("Writing the cards");
      return job.deckId
        ? importCsvIntoDeck(job.viewer, job.deckId, job.input)
        : importCsvDeck(job.viewer, { ...job.input, title: job.title ?? "" });
  }
}

const job = (workerData as { job: ImportJob }).job;
try {
  post({ type: "done", result: await run(job) });
} catch (error) {
  if (error instanceof AppError) post({ type: "refused", code: error.code, message: error.message, fieldErrors: error.fieldErrors });
  else {
    // The message only: a stack or a value from the upload has no place in the server's log.
    console.error("import worker:", error instanceof Error ? error.message : "failed");
    post({ type: "failed" });
  }
} finally {
  await db.$disconnect();
}
