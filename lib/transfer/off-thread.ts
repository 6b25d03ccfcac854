// Imports off the request thread: each Anki preview or import, and each large CSV import, runs in a
// worker thread (scripts/import-worker.mjs → lib/transfer/import-worker.ts) with a memory limit and a
// wall-clock limit past which the worker is terminated, so a hostile upload costs at most one worker
// and never stalls the pages and ratings of everyone else. A small pool: at most two run at once, a
// few wait their turn, and beyond that an import is refused with a message saying to try again soon.
// A refused or stopped import leaves nothing behind: the worker writes in one transaction, which a
// terminated worker never commits.
import "server-only";
import path from "node:path";
import type { Viewer } from "../decks/access";
import { AppError, type AppErrorCode } from "../server/errors";
import type { FieldChoice } from "./anki-conversion";
import type { CsvMapping } from "./csv";
import { importCsvDeck, importCsvIntoDeck } from "./transfer";

export const IMPORT_POOL: { running: number; waiting: number; timeoutMs: number; heapMb: number } = {
  running: 2,
  waiting: 4,
  /** A real collection of 30,000 notes and 500,000 reviews imports in well under a minute. */
  timeoutMs: 180_000,
  /** The worker's JavaScript heap; unpacked bytes are budgeted separately (lib/transfer/zip-budget.ts). */
  heapMb: 768,
};

export type ImportJob =
  | { kind: "anki-preview"; bytes: Uint8Array }
  | {
      kind: "anki-import";
      viewer: Viewer;
      bytes: Uint8Array;
      options: { title: string; choices: Record<string, FieldChoice>; withHistory: boolean };
      now: number;
    }
  | { kind: "csv-import"; viewer: Viewer; deckId?: string; title?: string; input: { text: string; mapping: CsvMapping } };

export type WorkerMessage =
  | { type: "progress"; stage: string }
  | { type: "done"; result: unknown }
  | { type: "refused"; code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> }
  | { type: "failed" };

/** What the page shows while an import runs: waiting its turn, or the step it is on. */
export interface ImportProgress {
  stage: string;
  startedAt: number;
}

let running = 0;
const queue: (() => void)[] = [];
/** Progress by `${userId}:${importId}`, while the import runs (this instance's imports only). */
const progressById = new Map<string, ImportProgress>();

export function importProgress(viewer: Viewer, importId: string): ImportProgress | null {
  return progressById.get(`${viewer.id}:${importId}`) ?? null;
}

/** Imports running and waiting now (for the benchmark and the tests). */
export function importLoad(): { running: number; waiting: number } {
  return { running, waiting: queue.length };
}

const BUSY = "Drill is busy with other imports right now, so this one wasn't started. Try again in a minute.";

/**
 * Runs `job` in a worker of the pool and answers its result, or throws its refusal as an AppError.
 * `importId`, when the page sends one, names the job's progress for importProgress().
 */
export async function runOffThread<T>(
  job: ImportJob,
  {
    importId,
    viewer,
    limits = IMPORT_POOL,
  }: { importId?: string; viewer?: Viewer; limits?: Pick<typeof IMPORT_POOL, "timeoutMs" | "heapMb"> } = {},
): Promise<T> {
  const key = importId && viewer ? `${viewer.id}:${importId}` : null;
  const report = (stage: string) => key && progressById.set(key, { stage, startedAt: progressById.get(key)?.startedAt ?? Date.now() });
  if (running >= IMPORT_POOL.running) {
    if (queue.length >= IMPORT_POOL.waiting) throw new AppError("rate_limited", BUSY);
    report(`Waiting for ${queue.length + 1 === 1 ? "another import" : `${queue.length + 1} other imports`} to finish`);
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  running++;
  try {
    return await inWorker<T>(job, limits, report);
  } finally {
    running--;
    queue.shift()?.();
    if (key) progressById.delete(key);
  }
}

function inWorker<T>(
  job: ImportJob,
  limits: Pick<typeof IMPORT_POOL, "timeoutMs" | "heapMb">,
  report: (stage: string) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    // The path from the working directory (the app's root, as for the optimizer's scripts/fit-worker.ts):
    // the worker runs the sources through tsx, so nothing of it goes into Next's bundle. Worker is
    // taken from Node at run time: Next's bundler follows a `new Worker(path)` of worker_threads it can
    // see, and would bundle tsx (and esbuild's binary) into the server.
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    const worker = new Worker(path.join(process.cwd(), "scripts", "import-worker.mjs"), {
      workerData: { job },
      // "server-only" resolves to its empty server build, as in the server itself.
      execArgv: ["--conditions=react-server"],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new AppError(
              "invalid",
              `The import took longer than ${Math.round(limits.timeoutMs / 1000)} seconds, so it was stopped and nothing was imported.`,
              { file: ["The import took too long."] },
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") report(message.stage);
      else if (message.type === "done") settle(() => resolve(message.result as T));
      else if (message.type === "refused") settle(() => reject(new AppError(message.code, message.message, message.fieldErrors)));
      else settle(() => reject(new Error("The import's worker failed.")));
    });
    worker.on("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new AppError(
                "invalid",
                `The import needed more than ${limits.heapMb} MB of memory, so it was stopped and nothing was imported.`,
                {
                  file: ["The import needed too much memory."],
                },
              )
            : error,
        ),
      ),
    );
    worker.on("exit", () => settle(() => reject(new Error("The import's worker stopped without an answer."))));
  });
}

/** Past this much text, a CSV import runs in a worker (a few thousand rows); below, it is quicker in place. */
export const CSV_OFF_THREAD_CHARS = 100_000;

type CsvInput = { text: string; mapping: CsvMapping };

/** importCsvDeck, in a worker when the CSV is large. */
export function importCsvDeckOffThread(viewer: Viewer, input: CsvInput & { title: string }): ReturnType<typeof importCsvDeck> {
  if (input.text.length <= CSV_OFF_THREAD_CHARS) return importCsvDeck(viewer, input);
  return runOffThread({
    kind: "csv-import",
    viewer: { id: viewer.id },
    title: input.title,
    input: { text: input.text, mapping: input.mapping },
  });
}

/** importCsvIntoDeck, in a worker when the CSV is large. */
export function importCsvIntoDeckOffThread(viewer: Viewer, deckId: string, input: CsvInput): ReturnType<typeof importCsvIntoDeck> {
  if (input.text.length <= CSV_OFF_THREAD_CHARS) return importCsvIntoDeck(viewer, deckId, input);
  return runOffThread({ kind: "csv-import", viewer: { id: viewer.id }, deckId, input: { text: input.text, mapping: input.mapping } });
}
