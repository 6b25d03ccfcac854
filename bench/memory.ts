// The load check against a baseline, in one run: bench/http.ts --memory (10 learners rating for 30 s,
// then the server's resident memory and CPU per rating) on a baseline checkout and on this one,
// alternating base, head, base, head, so both see the same machine. Prints every run's raw figures
// and head/base ratios of the means.
//
//   node --conditions=react-server --import tsx bench/memory.ts --base DIR [--rounds 2] [--postgres URL]
//
// DIR is another checkout of Drill (say, main in a git worktree, with node_modules and
// lib/generated); each checkout serves from its own build (scripts/start.ts builds it when stale).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./common";

const option = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const base = option("base");
if (!base) throw new Error("usage: bench/memory.ts --base DIR [--rounds 2] [--postgres URL]");
const rounds = Number(option("rounds") ?? 2);
const postgres = option("postgres");
const outFile = path.join(ROOT, "bench", "out", "http-memory.json");

interface Run {
  root: string;
  engine: string;
  saved: number;
  requests: number;
  ratingsPerSecond: number;
  serverCpuMs: number | null;
  residentMiB: { afterLoad: number | null };
  correct: boolean;
}

function run(root: string): Run {
  rmSync(outFile, { force: true });
  const args = ["--conditions=react-server", "--import", "tsx", "bench/http.ts", "--memory", "--root", root];
  if (postgres) args.push("--postgres", postgres);
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  if (child.status !== 0 || !existsSync(outFile)) throw new Error(`bench/http.ts --memory failed on ${root}`);
  return JSON.parse(readFileSync(outFile, "utf8")) as Run;
}

const cpuPerRating = (r: Run) => (r.serverCpuMs ?? NaN) / Math.max(1, r.saved);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

console.log(
  `memory: ${rounds} rounds of base (${path.resolve(base)}) then head (${ROOT}); ${os.cpus().length} cores, Node ${process.version}\n`,
);
const runs: { side: "base" | "head"; result: Run }[] = [];
for (let round = 0; round < rounds; round++) {
  for (const [side, root] of [
    ["base", path.resolve(base)],
    ["head", ROOT],
  ] as const) {
    console.log(`==================== round ${round + 1}: ${side} ====================`);
    runs.push({ side, result: run(root) });
  }
}

console.log("\n==================== summary ====================");
console.log("side  engine      RSS after load   server CPU per saved rating   ratings/s   saved   correct");
for (const { side, result: r } of runs) {
  console.log(
    `${side}  ${r.engine.padEnd(10)}  ${String(Math.round(r.residentMiB.afterLoad ?? NaN)).padStart(8)} MiB   ${cpuPerRating(r).toFixed(2).padStart(14)} ms               ${r.ratingsPerSecond.toFixed(1).padStart(8)}   ${String(r.saved).padStart(5)}   ${r.correct}`,
  );
}
const side = (s: "base" | "head") => runs.filter((r) => r.side === s).map((r) => r.result);
const rss = (s: "base" | "head") => mean(side(s).map((r) => r.residentMiB.afterLoad ?? NaN));
const cpu = (s: "base" | "head") => mean(side(s).map(cpuPerRating));
console.log(
  `\nhead/base: RSS after load ${(rss("head") / rss("base")).toFixed(2)} (${rss("head").toFixed(0)} / ${rss("base").toFixed(0)} MiB; target <= 200 MiB: ${rss("head") <= 200 ? "PASS" : "MISS"}), ` +
    `CPU per rating ${(cpu("head") / cpu("base")).toFixed(2)} (${cpu("head").toFixed(2)} / ${cpu("base").toFixed(2)} ms)`,
);
