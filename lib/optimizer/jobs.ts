// Personal scheduling from the learner's side: whether they can fit, starting a fit (queued on the
// job engine, one per learner at a time) and following or cancelling it, the parameter sets they have, applying one (optionally
// rescheduling every card under it), going back to the defaults, and the advice the page shows.
// Everything is scoped to the viewer: a learner's fit reads only their ratings, sets are never shared.
import "server-only";
import type { Viewer } from "../decks/access";
import { memoryOf, memorySelect } from "../review/memory";
import { getStudySettings, storedWeights, putParameterSetInUse } from "../review/settings";
import { replay, State } from "../scheduling/fsrs";
import { studyDay } from "../scheduling/study-day";
import { db } from "../server/db";
import { plural } from "../format";
import { DAY_MS } from "../time";
import { AppError, notFound } from "../server/errors";
import { optimizerAvailable } from "./binding";
import { enqueueFit } from "./fit-job";
import { MIN_LONG_TERM_REVIEWS, trainingItems } from "./items";
import { historiesByCard, memoriesUnder, retentionOptions, workload, type History, type RetentionOption } from "./simulate";

/**
 * A running fit's row moves several times a second (fit.ts); one that hasn't moved for this long
 * lost its worker without the engine noticing yet (the instance was killed): shown as interrupted.
 */
const SILENT_MS = 2 * 60_000;

const INTERRUPTED = "The fit was interrupted (the server running it stopped) and nothing was stored. Start it again.";

export interface FitJobView {
  id: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  progress: number;
  message: string | null;
  /** When it was queued, then when it began running. */
  startedAt: Date;
  resultSetId: string | null;
  /** While queued: fits queued before it, on every instance. */
  ahead: number;
}

const jobSelect = { id: true, status: true, progress: true, message: true, startedAt: true, resultSetId: true, updatedAt: true } as const;

export interface ParameterSetView {
  id: string;
  weights: number[] | null;
  reviewCount: number;
  logLoss: number;
  rmseBins: number;
  defaultLogLoss: number;
  defaultRmseBins: number;
  /** false: scored on all the reviews it was fitted on (the later ones alone couldn't be scored). */
  heldOut: boolean;
  workloadRatio: number;
  createdAt: Date;
  appliedAt: Date | null;
  inUse: boolean;
}

export interface FitStatus {
  available: boolean;
  ratings: number;
  /** Reviews on a later day than the card's previous one: what fitting learns from. */
  longTermReviews: number;
  needed: number;
  job: FitJobView | null;
  sets: ParameterSetView[];
  inUse: string | null;
}

async function latestJob(userId: string, now = new Date()): Promise<FitJobView | null> {
  // The active fit when there is one (a newer row can't exist then), else the latest.
  const row =
    (await db.fitJob.findUnique({ where: { activeKey: userId }, select: jobSelect })) ??
    (await db.fitJob.findFirst({ where: { userId }, orderBy: { startedAt: "desc" }, select: jobSelect }));
  if (!row) return null;
  const { updatedAt, ...job } = row;
  const view = { ...job, ahead: 0 } as FitJobView;
  if (view.status === "running" && now.getTime() - updatedAt.getTime() > SILENT_MS) {
    const { count } = await db.fitJob.updateMany({
      where: { id: view.id, status: "running", updatedAt },
      data: { status: "failed", message: INTERRUPTED, finishedAt: now, activeKey: null },
    });
    if (count === 1) return { ...view, status: "failed", message: INTERRUPTED };
  }
  if (view.status === "queued") view.ahead = await db.fitJob.count({ where: { status: "queued", startedAt: { lt: view.startedAt } } });
  return view;
}

export async function fitStatus(viewer: Viewer): Promise<FitStatus> {
  const [available, settings, logs, job, sets] = await Promise.all([
    optimizerAvailable(),
    getStudySettings(viewer.id),
    db.reviewLog.findMany({ where: { userId: viewer.id }, select: { cardId: true, rating: true, reviewedAt: true } }),
    latestJob(viewer.id),
    db.fsrsParameterSet.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" } }),
  ]);
  // Whole days are enough to count what the optimizer learns from (the fit itself uses study days).
  const longTermReviews = trainingItems(logs, (d) => Math.floor(d.getTime() / DAY_MS)).length;
  return {
    available,
    ratings: logs.length,
    longTermReviews,
    needed: Math.max(0, MIN_LONG_TERM_REVIEWS - longTermReviews),
    job,
    inUse: settings.parameterSetId,
    sets: sets.map((s) => ({ ...s, weights: storedWeights(s.weights), inUse: s.id === settings.parameterSetId })),
  };
}

/**
 * A new queued fit for the user, or null when one is already queued or running: the row's unique
 * activeKey (the user's id until the fit ends) makes that one check across every instance at once.
 */
async function claimFit(userId: string): Promise<string | null> {
  try {
    return (await db.fitJob.create({ data: { userId, activeKey: userId }, select: { id: true } })).id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/**
 * Starts a fit, or returns the one already queued or running. `run` puts it on the job engine's
 * queue (tests pass runFit to run it in-process, at once).
 */
export async function startFit(viewer: Viewer, run: (jobId: string) => unknown = enqueueFit): Promise<string> {
  const status = await fitStatus(viewer);
  if (!status.available) throw new AppError("conflict", "Fitting parameters is not available on this server.");
  if (status.job?.status === "running" || status.job?.status === "queued") return status.job.id;
  if (status.needed > 0)
    throw new AppError("invalid", `Fitting needs ${plural(status.needed, "more review")} on later days; keep studying.`);
  const jobId = await claimFit(viewer.id);
  if (!jobId) {
    // Another start won the race a moment ago (or its fit just ended): theirs is the learner's fit.
    const active = await db.fitJob.findFirst({ where: { userId: viewer.id }, orderBy: { startedAt: "desc" }, select: { id: true } });
    return active!.id;
  }
  try {
    await run(jobId);
  } catch (error) {
    await db.fitJob.update({
      where: { id: jobId },
      data: {
        status: "failed",
        message: "The fit couldn't be queued; nothing changed. Try again.",
        finishedAt: new Date(),
        activeKey: null,
      },
    });
    console.error(`fit ${jobId} couldn't be queued: ${error instanceof Error ? error.message : String(error)}`);
    throw new AppError("conflict", "The fit couldn't be started just now; try again in a moment.");
  }
  return jobId;
}

/** A queued fit is cancelled at once; a running one stops at its worker's next progress report. */
export async function cancelFit(viewer: Viewer, jobId: string): Promise<void> {
  const queued = await db.fitJob.updateMany({
    where: { id: jobId, userId: viewer.id, status: "queued" },
    data: { status: "cancelled", cancel: true, message: "Cancelled.", finishedAt: new Date(), activeKey: null },
  });
  if (queued.count > 0) return;
  const { count } = await db.fitJob.updateMany({ where: { id: jobId, userId: viewer.id, status: "running" }, data: { cancel: true } });
  if (count === 0) throw notFound("That fit");
}

async function ownSet(viewer: Viewer, setId: string) {
  const set = await db.fsrsParameterSet.findFirst({ where: { id: setId, userId: viewer.id } });
  if (!set) throw notFound("That parameter set");
  const weights = storedWeights(set.weights);
  if (!weights) throw new AppError("invalid", "That parameter set is damaged (its numbers are out of FSRS's ranges), so it can't be used.");
  return { ...set, weights };
}

/** Each card's rating history, oldest first. */
async function histories(userId: string): Promise<Map<string, History>> {
  const logs = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "asc" }, { reps: "asc" }],
    select: { cardId: true, rating: true, reviewedAt: true },
  });
  return historiesByCard(logs);
}

export interface WorkloadPreview {
  before: number[];
  after: number[];
}

/** Reviews a day over the next 30 days: as the cards stand now, and rescheduled under the set. */
export async function reschedulePreview(viewer: Viewer, setId: string, now = new Date()): Promise<WorkloadPreview> {
  const [set, settings, states, byCard] = await Promise.all([
    ownSet(viewer, setId),
    getStudySettings(viewer.id),
    db.cardState.findMany({ where: { userId: viewer.id, suspended: false, state: { not: 0 } }, select: memorySelect }),
    histories(viewer.id),
  ]);
  const retention = settings.scheduler.desiredRetention;
  return {
    before: workload(states.map(memoryOf), settings.scheduler.weights, retention, now, 30),
    after: workload(memoriesUnder([...byCard.values()], set.weights, retention), set.weights, retention, now, 30),
  };
}

/**
 * Each studied card's state as its own history gives it under `weights` (undefined: FSRS's
 * defaults), due date included, with the version it was computed from: what a reschedule writes.
 */
async function rescheduledStates(userId: string, weights: number[] | undefined) {
  const settings = await getStudySettings(userId);
  const scheduler = { ...settings.scheduler, weights };
  const [byCard, states] = await Promise.all([
    histories(userId),
    db.cardState.findMany({ where: { userId }, select: { cardId: true, version: true, state: true, suspended: true } }),
  ]);
  const rescheduled = [];
  for (const state of states) {
    const history = byCard.get(state.cardId);
    if (!history || state.state === State.New) continue;
    const memory = replay(history, scheduler);
    if (memory) rescheduled.push({ ...state, memory });
  }
  return { settings, rescheduled };
}

/** Writes rescheduled states, each only if its card wasn't rated meanwhile (its version still matches). */
async function writeStates(userId: string, rescheduled: Awaited<ReturnType<typeof rescheduledStates>>["rescheduled"]): Promise<number> {
  let count = 0;
  await db.$transaction(async (tx) => {
    for (const { cardId, version, memory } of rescheduled) {
      const result = await tx.cardState.updateMany({ where: { userId, cardId, version }, data: { ...memory, version: version + 1 } });
      count += result.count;
    }
  });
  return count;
}

export interface DueToday {
  /** Cards due by the end of the learner's study day as they stand. */
  now: number;
  /** The same if every card were rescheduled under the set (or the defaults). */
  rescheduled: number;
}

/**
 * What "reschedule" would do to today before the learner says yes: cards due by the end of today
 * now, and after rescheduling under the set `setId` (null: FSRS's defaults). Suspended cards don't count.
 */
export async function dueTodayIfRescheduled(viewer: Viewer, setId: string | null, now = new Date()): Promise<DueToday> {
  const weights = setId ? (await ownSet(viewer, setId)).weights : undefined;
  const { settings, rescheduled } = await rescheduledStates(viewer.id, weights);
  const { end } = studyDay(now, settings.timeZone, settings.dayStartHour);
  const active = rescheduled.filter((s) => !s.suspended);
  const dueNow = await db.cardState.count({ where: { userId: viewer.id, suspended: false, state: { not: State.New }, due: { lt: end } } });
  return { now: dueNow, rescheduled: active.filter((s) => s.memory.due < end).length };
}

/**
 * Puts a set in use. With `reschedule`, every card the learner has studied gets the state its own
 * history gives under the set (its due date included); otherwise cards keep their due dates and the
 * set schedules them from their next review.
 */
export async function applyParameterSet(
  viewer: Viewer,
  setId: string,
  options: { reschedule: boolean },
  now = new Date(),
): Promise<{ rescheduled: number }> {
  const set = await ownSet(viewer, setId);
  const rescheduled = options.reschedule ? await writeStates(viewer.id, (await rescheduledStates(viewer.id, set.weights)).rescheduled) : 0;
  await db.fsrsParameterSet.updateMany({ where: { id: set.id, userId: viewer.id }, data: { appliedAt: now } });
  await putParameterSetInUse(viewer.id, set.id);
  return { rescheduled };
}

/** Back to FSRS's defaults; with `reschedule`, every studied card rescheduled under them (undoing a reschedule under a set). */
export async function restoreDefaultParameters(
  viewer: Viewer,
  options: { reschedule: boolean } = { reschedule: false },
): Promise<{ rescheduled: number }> {
  const rescheduled = options.reschedule ? await writeStates(viewer.id, (await rescheduledStates(viewer.id, undefined)).rescheduled) : 0;
  await putParameterSetInUse(viewer.id, null);
  return { rescheduled };
}

/** Workload and recall at several desired retentions under the parameters in use. */
export async function retentionAdvice(viewer: Viewer, now = new Date()): Promise<RetentionOption[]> {
  const [settings, byCard] = await Promise.all([getStudySettings(viewer.id), histories(viewer.id)]);
  if (byCard.size === 0) return [];
  // Straight through FSRS's memory model: the settings page shows this on every visit, and replaying
  // 100,000 ratings through the scheduler would take a second.
  const weights = settings.scheduler.weights;
  return retentionOptions(memoriesUnder([...byCard.values()], weights, settings.scheduler.desiredRetention), weights, now);
}
