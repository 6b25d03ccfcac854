// Benchmark: an interview's readiness and plan for 5,000 in-scope cards, in-process (the pure plan,
// lib/scheduling/interview-plan.ts), reachable (14 days out) and not (3 days out: the plan also
// searches for the daily rate that would reach the target, and the tags to drop). The baseline in the
// same run is reading off "ready now" alone (one forgetting-curve value per card). Target: under 50 ms.
//
//   node --import tsx bench/interview.ts [--cards 5000] [--runs 30]
import os from "node:os";
import { buildPlan, recallAt, tagsToDrop, weakestTags, type PlanCard, type PlanInput } from "../lib/scheduling/interview-plan";
import { State, type MemoryState } from "../lib/scheduling/fsrs";
import { elapsedMs, formatSummary, ms, random, saveResult, summarize } from "./common";

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || 0) || fallback;
const CARDS = arg("cards", 5000);
const RUNS = arg("runs", 30);
const TARGET_MS = 50;
const DAY = 86_400_000;
const TAGS = ["basics", "types", "functions", "oop", "concurrency", "errors", "files", "modules"];

/** A collection like a learner's a few weeks in: 30% never seen, the rest learned over the last 60 days. */
function collection(now: Date): PlanCard[] {
  const rand = random(7);
  return Array.from({ length: CARDS }, (_, i) => {
    const tags = [TAGS[i % TAGS.length]!];
    if (rand() < 0.3) return { cardId: `c${i}`, memory: null, tags };
    const lastReview = new Date(now.getTime() - rand() * 60 * DAY);
    const stability = 0.5 + rand() ** 2 * 90;
    const memory: MemoryState = {
      due: new Date(lastReview.getTime() + stability * DAY),
      stability,
      difficulty: 1 + rand() * 9,
      scheduledDays: Math.round(stability),
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: State.Review,
      lastReview,
    };
    return { cardId: `c${i}`, memory, tags };
  });
}

function time(label: string, work: () => void) {
  for (let i = 0; i < 5; i++) work();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(elapsedMs(start));
  }
  const used = process.cpuUsage(cpu);
  const summary = summarize(samples);
  console.log(`  ${label.padEnd(34)} ${formatSummary(summary)}  CPU ${ms((used.user + used.system) / 1000 / RUNS)}`);
  return summary;
}

const now = new Date("2026-12-01T09:00:00Z");
const cards = collection(now);
// 14 days out with room for 150 new cards a day: reachable. 3 days out at 20 a day: not, so the
// plan also searches for the rate that would reach it and the tags to drop.
const input = (days: number): PlanInput => ({
  now,
  interviewAt: new Date(now.getTime() + days * DAY),
  target: 0.9,
  cards,
  limits: { newPerDay: days > 7 ? 150 : 20, reviewsPerDay: 1000 },
  timeZone: "Europe/Berlin",
  dayStartHour: 4,
  answerMs: 12_000,
});

console.log(
  `interview: readiness and plan for ${CARDS.toLocaleString("en")} cards, ${RUNS} runs (load average ${os.loadavg()[0]!.toFixed(2)})`,
);
const baseline = time("ready now only (baseline)", () => {
  let sum = 0;
  for (const c of cards) sum += recallAt(c.memory, input(14).interviewAt);
  if (sum < 0) throw new Error("impossible");
});
const reachable = time("14 days out (reachable)", () => {
  const plan = buildPlan(input(14));
  weakestTags(cards, plan.recallNow);
});
const unreachable = time("3 days out (not reachable)", () => {
  const plan = buildPlan(input(3));
  weakestTags(cards, plan.recallNow);
});
const withDrops = time("3 days out, + the tags to drop", () => {
  const plan = buildPlan(input(3));
  tagsToDrop(input(3), weakestTags(cards, plan.recallNow));
});
const plan14 = buildPlan(input(14));
const plan3 = buildPlan(input(3));
console.log(
  `  14 days: now ${(plan14.now * 100).toFixed(1)}%, on plan ${(plan14.onPlan * 100).toFixed(1)}%; 3 days: on plan ${(plan3.onPlan * 100).toFixed(1)}%, needs ${plan3.newPerDayNeeded} new a day`,
);
for (const [label, s] of [
  ["14 days", reachable],
  ["3 days", unreachable],
  ["3 days + tags to drop", withDrops],
] as const)
  console.log(
    `  ${label}: median ${ms(s.p50)} = ${(s.p50 / baseline.p50).toFixed(1)}x the baseline's ${ms(baseline.p50)}; target < ${TARGET_MS} ms: ${s.p50 < TARGET_MS ? "PASS" : "MISS"}`,
  );
void saveResult("interview", { cards: CARDS, runs: RUNS, baseline, reachable, unreachable, withDrops });
