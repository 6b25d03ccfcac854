// Benchmark: fitting FSRS to 100,000 of a learner's ratings, the way the app does it (the fit's own
// process, scripts/fit-worker.ts, started as lib/optimizer/jobs.ts starts it), and whether the app
// keeps answering meanwhile: the study session of another learner is built over and over in this
// process, first idle, then while the fit runs, and the two p95s are compared (target <= 1.5x).
//
//   node --conditions=react-server --import tsx bench/fit.ts [--cards 5000]
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { DEFAULT_SCHEDULER_SETTINGS, newMemory, rate, type MemoryState, type RatingValue } from "../lib/scheduling/fsrs";
import { retrievability } from "../lib/scheduling/interview-plan";
import {
  elapsedMs,
  formatSummary,
  freshDatabase,
  insertRows,
  LOG_COLUMNS,
  ms,
  newId,
  openSqlite,
  random,
  ROOT,
  saveResult,
  seedDeck,
  sqlDate,
  STATE_COLUMNS,
  STUDY_COLUMNS,
  summarize,
  USER_COLUMNS,
} from "./common";

const CARDS = Number(process.argv[process.argv.indexOf("--cards") + 1] || 0) || 8800;
const TARGET_RATINGS = 100_000;
const DAY = 86_400_000;
const TARGET_FIT_MS = 5000;

async function main() {
  const file = await freshDatabase("fit");
  const sqlite = openSqlite(file);
  const now = new Date();
  const at = sqlDate(now);
  const learner = newId();
  const other = newId();
  insertRows(sqlite, "User", USER_COLUMNS, [
    [learner, "fitter@bench.test", "Fitter", null, at, at],
    [other, "other@bench.test", "Other", null, at, at],
  ]);
  const deckId = newId();
  const cardIds = seedDeck(sqlite, { id: deckId, title: "Fit bench" }, CARDS, now);
  insertRows(sqlite, "DeckStudy", STUDY_COLUMNS, [
    [learner, deckId, at],
    [other, deckId, at],
  ]);

  // A learner who remembers each card with its true retrievability, studied with FSRS's defaults
  // for as long as it takes to reach 100,000 ratings.
  const rand = random(11);
  const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  const perCard = Math.ceil(TARGET_RATINGS / CARDS) + 10;
  const start = now.getTime() - 6 * 365 * DAY;
  const logs: unknown[][] = [];
  const states: unknown[][] = [];
  for (const [i, cardId] of cardIds.entries()) {
    let memory: MemoryState = newMemory(new Date(start));
    let t = start + (i % 200) * DAY;
    for (let n = 0; n < perCard && t < now.getTime() && logs.length < TARGET_RATINGS; n++) {
      const r = memory.lastReview ? retrievability(memory.stability, (t - memory.lastReview.getTime()) / DAY) : 0;
      const rating: RatingValue = memory.state === 0 ? 3 : rand() < r ? (rand() < 0.15 ? 4 : 3) : 1;
      const after = rate(memory, rating, new Date(t), settings);
      logs.push([
        newId(),
        learner,
        cardId,
        `f-${logs.length}`,
        rating,
        sqlDate(new Date(t)),
        5000,
        sqlDate(after.due),
        memory.state,
        sqlDate(memory.due),
        memory.stability,
        memory.difficulty,
        memory.scheduledDays,
        memory.learningSteps,
        memory.reps,
        memory.lapses,
        sqlDate(memory.lastReview),
      ]);
      memory = after;
      t = Math.max(memory.due.getTime(), t + 60_000);
    }
    states.push([
      learner,
      cardId,
      deckId,
      sqlDate(memory.due),
      memory.stability,
      memory.difficulty,
      memory.scheduledDays,
      memory.learningSteps,
      memory.reps,
      memory.lapses,
      memory.state,
      sqlDate(memory.lastReview),
      1,
      null,
      0,
      at,
      at,
    ]);
  }
  insertRows(sqlite, "ReviewLog", LOG_COLUMNS, logs);
  insertRows(sqlite, "CardState", STATE_COLUMNS, states);
  console.log(
    `fit: ${logs.length.toLocaleString("en")} ratings on ${CARDS.toLocaleString("en")} cards (load average ${os.loadavg()[0]!.toFixed(2)})`,
  );

  process.env.DATABASE_URL = `file:${file}`;
  const { loadStudySession } = await import("../lib/review/session");
  const { db } = await import("../lib/server/db");
  const request = async () => {
    const t0 = process.hrtime.bigint();
    await loadStudySession({ id: other }, {});
    return elapsedMs(t0);
  };
  const measureWhile = async (running: () => boolean, minMs: number) => {
    const samples: number[] = [];
    const begin = Date.now();
    while (running() || Date.now() - begin < minMs) {
      samples.push(await request());
      // SQLite answers synchronously under its promises: let the event loop run (the child's exit, timers).
      await new Promise((resolve) => setImmediate(resolve));
      if (!running() && Date.now() - begin >= minMs) break;
    }
    return summarize(samples);
  };
  for (let i = 0; i < 20; i++) await request();
  const idle = await measureWhile(() => false, 4000);

  // The fit as the app runs it: a job row, then its own process at the lowest priority.
  const runJob = async (whileRunning: (running: () => boolean) => Promise<void>) => {
    const jobId = newId();
    sqlite
      .prepare(`INSERT INTO "FitJob" ("id", "userId", "status", "progress", "cancel", "startedAt") VALUES (?, ?, 'running', 0, 0, ?)`)
      .run(jobId, learner, sqlDate(new Date()));
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("scripts", "fit-worker.ts"), jobId], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: "inherit",
    });
    if (child.pid) os.setPriority(child.pid, 19);
    let running = true;
    const exited = new Promise<void>((resolve) => child.on("exit", () => ((running = false), resolve())));
    await whileRunning(() => running);
    await exited;
    const fitMs = elapsedMs(t0);
    const job = sqlite.prepare(`SELECT "status", "message" FROM "FitJob" WHERE "id" = ?`).get(jobId) as {
      status: string;
      message: string | null;
    };
    return { fitMs, job };
  };
  // 1. Alone: the fit's own time. 2. With the app answering requests throughout: both p95s.
  const alone = await runJob(async () => {});
  let during = idle;
  const loaded = await runJob(async (running) => {
    during = await measureWhile(running, 0);
  });
  const { fitMs, job } = alone;
  sqlite.close();
  await db.$disconnect();

  const ratio = during.p95 / idle.p95;
  console.log(
    `  fit (its own process, start to exit): ${ms(fitMs)}  -> ${job.status}${job.message ? ` (${job.message})` : ""}; target < ${TARGET_FIT_MS} ms: ${fitMs < TARGET_FIT_MS ? "PASS" : "MISS"}`,
  );
  console.log(`  the same fit while the app answers requests: ${ms(loaded.fitMs)} -> ${loaded.job.status}`);
  console.log(`  a study session, idle:       ${formatSummary(idle)}`);
  console.log(`  a study session, during fit: ${formatSummary(during)}`);
  console.log(`  p95 during / idle ${ratio.toFixed(2)}x (target <= 1.5x): ${ratio <= 1.5 ? "PASS" : "MISS"}`);
  await saveResult("fit", { ratings: logs.length, fitMs, loadedFitMs: loaded.fitMs, status: job.status, idle, during, ratio });
}

void main();
