// The interview plan against a simulated learner whose true memory follows FSRS: seeded, so the
// figures are the same on every run. The learner does exactly what the plan says each day (the
// reviews FSRS has due, the reviews brought forward, the new cards), recalling each card with its
// true retrievability; a recalled card is rated Good, a forgotten one Again (then relearned at its
// step). Plain FSRS with the same limits is the baseline. Figures are printed for the notes.
import { describe, expect, it } from "vitest";
import { buildPlan, planDays, retrievability, type PlanCard } from "@/lib/scheduling/interview-plan";
import { DEFAULT_SCHEDULER_SETTINGS, newMemory, rate, State, type MemoryState } from "@/lib/scheduling/fsrs";

const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
const DAY = 86_400_000;
const ZONE = "Europe/Berlin";
const DAY_START = 4;
const LIMITS = { newPerDay: 10, reviewsPerDay: 200 };
const CARDS = 60;
const SEEDS = 20;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const trueRecall = (m: MemoryState | null, at: number) =>
  !m || m.state === State.New || !m.lastReview ? 0 : retrievability(m.stability, (at - m.lastReview.getTime()) / DAY);

/** One study session at `at`: the given cards, then each learning step as it comes due before `end`. */
function study(memories: (MemoryState | null)[], indices: number[], at: number, end: number, random: () => number) {
  const queue = indices.map((i) => ({ i, at }));
  while (queue.length) {
    queue.sort((a, b) => a.at - b.at);
    const { i, at: when } = queue.shift()!;
    const before = memories[i] ?? newMemory(new Date(when));
    const isNew = before.state === State.New;
    const recalled = isNew || random() < trueRecall(before, when);
    const after = rate(before, recalled ? 3 : 1, new Date(when), settings);
    memories[i] = after;
    if ((after.state === State.Learning || after.state === State.Relearning) && after.due.getTime() < end)
      queue.push({ i, at: after.due.getTime() });
  }
}

interface Outcome {
  /** Expected share recalled at the interview, from the learner's true memory. */
  recall: number;
  predicted: number;
  reachable: boolean;
  newPerDayNeeded: number | null;
}

function simulate(seed: number, days: number, follow: "plan" | "fsrs", target: number): Outcome {
  const random = mulberry32(seed);
  const now = new Date("2026-12-01T08:00:00Z");
  const interviewAt = new Date(now.getTime() + days * DAY + 5 * 3_600_000);
  const memories: (MemoryState | null)[] = Array.from({ length: CARDS }, () => null);
  const cardsNow = (): PlanCard[] => memories.map((memory, i) => ({ cardId: `c${i}`, memory, tags: [i % 2 ? "odd" : "even"] }));
  const first = buildPlan({ now, interviewAt, target, cards: cardsNow(), limits: LIMITS, timeZone: ZONE, dayStartHour: DAY_START });
  let nextNew = 0;
  for (const [index, day] of planDays(now, interviewAt, ZONE, DAY_START).entries()) {
    const at = index === 0 ? now.getTime() : day.start.getTime();
    const end = Math.min(day.end.getTime(), interviewAt.getTime());
    const due = memories.flatMap((m, i) => (m && m.state !== State.New && m.due.getTime() < day.end.getTime() ? [i] : []));
    let picked: number[];
    if (follow === "plan") {
      const plan = buildPlan({
        now: new Date(at),
        interviewAt,
        target,
        cards: cardsNow(),
        limits: LIMITS,
        timeZone: ZONE,
        dayStartHour: DAY_START,
      });
      const ids = [...plan.today.pulledIds, ...plan.today.newCardIds].map((id) => Number(id.slice(1)));
      picked = [...due, ...ids.filter((i) => !due.includes(i))];
    } else {
      const fresh: number[] = [];
      while (fresh.length < LIMITS.newPerDay && nextNew < CARDS) fresh.push(nextNew++);
      picked = [...due, ...fresh];
    }
    study(memories, picked, at, end, random);
  }
  const T = interviewAt.getTime();
  const recall = memories.reduce((sum, m) => sum + trueRecall(m, T), 0) / CARDS;
  return { recall, predicted: first.onPlan, reachable: first.reachable, newPerDayNeeded: first.newPerDayNeeded };
}

function average(days: number, follow: "plan" | "fsrs", target = 0.9) {
  const runs = Array.from({ length: SEEDS }, (_, seed) => simulate(seed + 1, days, follow, target));
  return { ...runs[0]!, recall: runs.reduce((sum, r) => sum + r.recall, 0) / SEEDS };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe("the interview plan with a simulated learner (60 cards, 10 new a day)", () => {
  it.each([0.9, 0.95])(
    "14 days out, target %s: following the plan reaches the target in expectation",
    (target) => {
      const plan = average(14, "plan", target);
      const fsrs = average(14, "fsrs", target);
      console.info(
        `[simulation] 14 days, target ${pct(target)}: plan predicted ${pct(plan.predicted)}, simulated ${pct(plan.recall)}; plain FSRS simulated ${pct(fsrs.recall)} (mean of ${SEEDS} seeds)`,
      );
      expect(plan.reachable).toBe(true);
      expect(plan.recall).toBeGreaterThanOrEqual(target);
      expect(plan.recall).toBeGreaterThanOrEqual(fsrs.recall);
      expect(Math.abs(plan.recall - plan.predicted)).toBeLessThan(0.03);
    },
    60_000,
  );

  it("3 days out: the plan says the target can't be reached, and the reachable figure it gives comes true", { timeout: 60_000 }, () => {
    const plan = average(3, "plan");
    const fsrs = average(3, "fsrs");
    console.info(
      `[simulation] 3 days: reachable ${plan.reachable}, plan predicted ${pct(plan.predicted)}, simulated ${pct(plan.recall)}; plain FSRS ${pct(fsrs.recall)}; new cards a day needed: ${plan.newPerDayNeeded}`,
    );
    expect(plan.reachable).toBe(false);
    expect(plan.predicted).toBeLessThan(0.9);
    expect(Math.abs(plan.recall - plan.predicted)).toBeLessThan(0.03);
    expect(plan.newPerDayNeeded).not.toBeNull();
  });
});
