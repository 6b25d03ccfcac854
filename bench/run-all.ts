// `npm run bench`: runs the three benchmarks one after another, each in its own process (each sets its
// own DATABASE_URL), then prints the figures against the targets. On demand only: not part of npm test.
//
//   npm run bench                 all three
//   npm run bench -- rating queue only those
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./common";

const ALL = ["rating", "queue", "http"] as const;
type Name = (typeof ALL)[number];

const asked = process.argv.slice(2).filter((a): a is Name => (ALL as readonly string[]).includes(a));
const names: readonly Name[] = asked.length ? asked : ALL;
const outFile = (name: Name) => path.join(ROOT, "bench", "out", `${name}.json`);

console.log(
  `bench: ${names.join(", ")} on ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}\n`,
);
const crashed: Name[] = [];
for (const name of names) {
  rmSync(outFile(name), { force: true });
  console.log(`==================== ${name} ====================`);
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("bench", `${name}.ts`)], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (run.status !== 0 || !existsSync(outFile(name))) crashed.push(name);
  console.log();
}

const read = <T>(name: Name): T | null => (existsSync(outFile(name)) ? (JSON.parse(readFileSync(outFile(name), "utf8")) as T) : null);
const f = (n: number) => `${n.toFixed(2)} ms`;
const mark = (ok: boolean) => (ok ? "PASS" : "MISS");

console.log("==================== summary ====================");
if (names.includes("rating")) {
  const r = read<{ all: { p50: number; p95: number; p99: number; max: number }; failures: { new: number; review: number }; pass: boolean }>(
    "rating",
  );
  if (r) {
    const failed = r.failures.new + r.failures.review;
    console.log(
      `record one rating (in-process)   p50 ${f(r.all.p50)}  p95 ${f(r.all.p95)}  p99 ${f(r.all.p99)}  max ${f(r.all.max)}${failed ? `  (${failed} threw)` : ""}   target p95 < 15 ms: ${mark(r.pass)}`,
    );
  }
}
if (names.includes("queue")) {
  const q = read<{
    small: { summary: { p50: number } };
    big: { summary: { p50: number; p95: number } };
    ratio: number;
    equalRatio: number;
    scans: number;
    overreading: number;
  }>("queue");
  if (q) {
    console.log(`session queue, 1,000 states      median ${f(q.small.summary.p50)}`);
    console.log(
      `session queue, 100,000 states    median ${f(q.big.summary.p50)}  p95 ${f(q.big.summary.p95)}   target < 50 ms: ${mark(q.big.summary.p50 < 50)}`,
    );
    console.log(`  ratio big/small                ${q.ratio.toFixed(2)}x   (queues of different sizes)`);
    console.log(`  ratio big/small, equal queues  ${q.equalRatio.toFixed(2)}x   target <= 1.5x: ${mark(q.equalRatio <= 1.5)}`);
    console.log(`  SCAN plan steps ${q.scans}; statements reading far more rows than they return ${q.overreading}`);
  }
}
if (names.includes("http")) {
  const h = read<{
    learners: number;
    ratingsPerSecond: number;
    latency: { p50: number; p95: number; p99: number };
    correct: boolean;
    saved: number;
    db: { logs: number };
  }>("http");
  if (h) {
    console.log(
      `HTTP, ${h.learners} learners              ${h.ratingsPerSecond.toFixed(1)} ratings/s  latency p50 ${f(h.latency.p50)}  p95 ${f(h.latency.p95)}  p99 ${f(h.latency.p99)}`,
    );
    console.log(`  ${h.saved} saved, ${h.db.logs} review logs   none lost or doubled: ${mark(h.correct)}`);
  }
}
if (crashed.length) {
  console.log(`\ndid not finish: ${crashed.join(", ")}`);
  process.exitCode = 1;
}
