// One fit, as the worker process runs it: the learner's own ratings (nobody else's) into training
// items; a fit on the earlier 80% scored on the later 20% next to FSRS's defaults (or, when the
// later ones can't be scored on their own, both scored on all of them); the fit on all of them; a
// short simulation of what it changes; then the result stored as a parameter set. Progress and
// cancellation go through the job's row, so the page can follow it from any server process.
import "server-only";
import { DEFAULT_WEIGHTS, weightsProblem } from "../scheduling/fsrs";
import { studyDay } from "../scheduling/study-day";
import { getStudySettings } from "../review/settings";
import { db } from "../server/db";
import { plural } from "../format";
import { DAY_MS, HOUR_MS } from "../time";
import { loadOptimizer } from "./binding";
import { MIN_LONG_TERM_REVIEWS, splitByTime, trainingItems, type TrainingItem } from "./items";
import { historiesByCard, workloadRatio } from "./simulate";

/** How often the worker writes progress and reads the cancel flag. */
const REPORT_MS = 400;

class Cancelled extends Error {}

/** Study-day numbers for a learner's zone and day start, cached by hour (a fit reads 100,000 ratings). */
function dayNumbers(timeZone: string, dayStartHour: number) {
  const byHour = new Map<number, number>();
  return (instant: Date) => {
    const hour = Math.floor(instant.getTime() / HOUR_MS);
    let day = byHour.get(hour);
    if (day === undefined) {
      day = Date.parse(`${studyDay(instant, timeZone, dayStartHour).date}T00:00:00Z`) / DAY_MS;
      byHour.set(hour, day);
    }
    return day;
  };
}

/**
 * The job's row as the fit goes: its progress written and its cancel flag read every REPORT_MS (the
 * optimizer runs in between), the flag read at once at each checkpoint, and the outcome written at the end.
 */
function followJob(jobId: string, cancelled: boolean) {
  const run = { progress: 0, cancelled };
  const timer = setInterval(() => {
    void db.fitJob
      .update({ where: { id: jobId }, data: { progress: run.progress }, select: { cancel: true } })
      .then((row) => (run.cancelled ||= row.cancel))
      .catch(() => {});
  }, REPORT_MS);
  return {
    run,
    checkpoint: async () => {
      run.cancelled ||= (await db.fitJob.findUnique({ where: { id: jobId }, select: { cancel: true } }))?.cancel ?? false;
      if (run.cancelled) throw new Cancelled();
    },
    finish: (data: { status: string; message?: string; resultSetId?: string }) =>
      db.fitJob.update({
        where: { id: jobId },
        data: { ...data, progress: data.status === "done" ? 1 : run.progress, finishedAt: new Date(), activeKey: null },
      }),
    stop: () => clearInterval(timer),
  };
}

/**
 * The job's row as a worker takes it: queued (or running, when a retry follows a worker that died)
 * becomes running from now. Null when there is nothing to run: gone, ended, or ended by this.
 */
async function takeJob(jobId: string) {
  const job = await db.fitJob.findUnique({ where: { id: jobId }, select: { userId: true, status: true, cancel: true } });
  if (!job || !["queued", "running"].includes(job.status)) return null;
  if (job.cancel) {
    await db.fitJob.update({
      where: { id: jobId },
      data: { status: "cancelled", message: "Cancelled.", finishedAt: new Date(), activeKey: null },
    });
    return null;
  }
  await db.fitJob.update({ where: { id: jobId }, data: { status: "running", progress: 0, message: null, startedAt: new Date() } });
  return job;
}

/** What the learner reads when the optimizer itself fails: never its raw error (that goes to the log). */
export const OPTIMIZER_FAILED =
  "The optimizer couldn't fit your reviews, so nothing was stored and your scheduling is unchanged. Try again later.";

/** Both sets' scores, or null where the optimizer can't score these reviews (it throws). */
function tryScores<T>(score: () => T): T | null {
  try {
    return score();
  } catch {
    return null;
  }
}

export async function runFit(jobId: string): Promise<void> {
  const job = await takeJob(jobId);
  if (!job) return;
  const { run, checkpoint, finish, stop } = followJob(jobId, job.cancel);
  try {
    const binding = await loadOptimizer();
    if (!binding) return void (await finish({ status: "failed", message: "The optimizer is not available on this server." }));
    const settings = await getStudySettings(job.userId);
    const logs = await db.reviewLog.findMany({
      where: { userId: job.userId },
      orderBy: { reviewedAt: "asc" },
      select: { cardId: true, rating: true, reviewedAt: true },
    });
    const items = trainingItems(logs, dayNumbers(settings.timeZone, settings.dayStartHour));
    if (items.length < MIN_LONG_TERM_REVIEWS) {
      return void (await finish({
        status: "failed",
        message: `Fitting needs ${plural(MIN_LONG_TERM_REVIEWS - items.length, "more review")} on later days.`,
      }));
    }
    await checkpoint();
    const toBinding = (list: TrainingItem[]) =>
      list.map((item) => new binding.FSRSBindingItem(item.reviews.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT))));
    // Progress: the check fit is the first 45%, the final fit the next 45%, the simulation the rest.
    // (Run side by side, the two fits were slower: each already uses every core.)
    const phase = (from: number) => (current: number, total: number) => {
      run.progress = from + (0.45 * current) / Math.max(1, total);
      return !run.cancelled;
    };
    const fit = async (list: TrainingItem[], from: number) => {
      const weights = await binding.computeParameters(toBinding(list), { enableShortTerm: true, timeout: 5, progress: phase(from) });
      if (run.cancelled) throw new Cancelled();
      return weights;
    };

    const { train, test } = splitByTime(items);
    const checkWeights = await fit(train, 0);
    const score = (weights: number[], list: TrainingItem[]) => new binding.FSRSBinding(weights).evaluate(toBinding(list));
    let scores = tryScores(() => ({ fitted: score(checkWeights, test), defaults: score([...DEFAULT_WEIGHTS], test) }));
    await checkpoint();
    const weights = await fit(items, 0.45);
    // The later reviews alone can be too few or too spread out for the optimizer to score (its
    // "NotEnoughData": typical of a long-studied imported collection). Then the fit on everything
    // is scored, with the defaults, on everything, and the page says so.
    const heldOut = scores !== null;
    scores ??= tryScores(() => ({ fitted: score(weights, items), defaults: score([...DEFAULT_WEIGHTS], items) }));
    if (!scores)
      return void (await finish({
        status: "failed",
        message: "Your reviews couldn't be scored by the optimizer, so no parameters were stored. Keep studying and try again later.",
      }));
    const { fitted, defaults } = scores;
    const problem = weightsProblem(weights);
    if (problem)
      return void (await finish({ status: "failed", message: `The fit gave unusable parameters, so none were stored: ${problem}` }));

    // What it changes: reviews a day over the coming 90 days, each card's memory rebuilt from its history.
    const histories = [...historiesByCard(logs).values()];
    const workloadChange = workloadRatio(histories, weights, settings.scheduler.desiredRetention, new Date());
    run.progress = 1;
    const set = await db.fsrsParameterSet.create({
      data: {
        userId: job.userId,
        weights: JSON.stringify(weights),
        reviewCount: logs.length,
        logLoss: fitted.logLoss,
        rmseBins: fitted.rmseBins,
        defaultLogLoss: defaults.logLoss,
        defaultRmseBins: defaults.rmseBins,
        heldOut,
        workloadRatio: workloadChange,
      },
      select: { id: true },
    });
    await finish({ status: "done", resultSetId: set.id });
  } catch (error) {
    if (error instanceof Cancelled || run.cancelled) await finish({ status: "cancelled", message: "Cancelled." });
    else {
      console.error(`fit ${jobId} failed: ${error instanceof Error ? error.message : String(error)}`);
      await finish({ status: "failed", message: OPTIMIZER_FAILED });
    }
  } finally {
    stop();
  }
}
