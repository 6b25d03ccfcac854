// Personal scheduling: a fit on the learner's own ratings (run in-process here; the app runs it in
// its own process), the check against the defaults, applying a set with or without rescheduling,
// restoring the defaults, refusing a damaged set, cancelling, and exact replay across parameter and
// settings changes. A synthetic learner's history is written directly, as a long-time user would have.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadOptimizer } from "@/lib/optimizer/binding";
import { OPTIMIZER_FAILED, runFit } from "@/lib/optimizer/fit";
import {
  applyParameterSet,
  cancelFit,
  dueTodayIfRescheduled,
  fitStatus,
  reschedulePreview,
  retentionAdvice,
  startFit,
  restoreDefaultParameters,
} from "@/lib/optimizer/jobs";
import { MIN_LONG_TERM_REVIEWS } from "@/lib/optimizer/items";
import { replayCard } from "@/lib/review/history";
import { recordRating } from "@/lib/review/rating/record";
import { getStudySettings, saveStudySettings, studySettingsSchema } from "@/lib/review/settings";
import { startStudying } from "@/lib/review/studying";
import { DEFAULT_SCHEDULER_SETTINGS, memoryModel, weightsProblem, type ModelSettings, type RatingValue } from "@/lib/scheduling/fsrs";
import { studyDay } from "@/lib/scheduling/study-day";
import { recallAt } from "@/lib/scheduling/interview-plan";
import { createInterview, getInterview } from "@/lib/interviews/interviews";
import { getReadiness } from "@/lib/interviews/readiness";
import { memoryOf, memorySelect } from "@/lib/review/memory";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";
import { learnerReviewedOn, NOW, seasonedLearner } from "./learner-history";

describe("fitting parameters", () => {
  it("says how many more reviews are needed before a fit", async () => {
    const user = await makeUser("new");
    const status = await fitStatus(user);
    expect(status).toMatchObject({ available: true, ratings: 0, longTermReviews: 0, needed: MIN_LONG_TERM_REVIEWS, job: null, sets: [] });
    await expect(startFit(user, runFit)).rejects.toThrow(`Fitting needs ${MIN_LONG_TERM_REVIEWS} more reviews on later days`);
  });

  it("fits on the learner's own ratings only, checks against the defaults on later ratings, and stores the set", async () => {
    const { user, ratings } = await seasonedLearner(120, 90);
    await seasonedLearner(60, 60, 7); // someone else: never read
    const jobId = await startFit(user, runFit);
    const status = await fitStatus(user);
    expect(status.job).toMatchObject({ id: jobId, status: "done", progress: 1 });
    expect(status.sets).toHaveLength(1);
    const [set] = status.sets;
    expect(set!.reviewCount).toBe(ratings);
    expect(weightsProblem(set!.weights)).toBeNull();
    for (const metric of [set!.logLoss, set!.rmseBins, set!.defaultLogLoss, set!.defaultRmseBins]) expect(metric).toBeGreaterThan(0);
    expect(set!.workloadRatio).toBeGreaterThan(0);
    expect(set!.inUse).toBe(false);
    // Not applied until the learner says so: scheduling still uses the defaults.
    expect((await getStudySettings(user.id)).scheduler.weights).toBeUndefined();
  }, 60_000);

  it("applies a set (rescheduling optionally), restores the defaults, and refuses a damaged set", async () => {
    const { user, ids } = await seasonedLearner(80, 60, 3);
    await startFit(user, runFit);
    const setId = (await fitStatus(user)).sets[0]!.id;

    const preview = await reschedulePreview(user, setId, NOW);
    expect(preview.before).toHaveLength(30);
    expect(preview.after).toHaveLength(30);

    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: ids[0]! } } });
    const { rescheduled } = await applyParameterSet(user, setId, { reschedule: true }, NOW);
    expect(rescheduled).toBe(80);
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: ids[0]! } } });
    expect(after.version).toBe(before.version + 1);
    expect(after.stability).not.toBe(before.stability);
    const settings = await getStudySettings(user.id);
    expect(settings.parameterSetId).toBe(setId);
    expect(settings.scheduler.weights).toHaveLength(21);
    expect((await fitStatus(user)).sets[0]).toMatchObject({ inUse: true, appliedAt: NOW });
    expect((await retentionAdvice(user, NOW)).filter((o) => o.cheapest)).toHaveLength(1);

    await restoreDefaultParameters(user);
    expect((await getStudySettings(user.id)).scheduler.weights).toBeUndefined();

    const damaged = await db.fsrsParameterSet.create({
      data: {
        userId: user.id,
        weights: JSON.stringify([1, 2, 3]),
        reviewCount: 1,
        logLoss: 1,
        rmseBins: 1,
        defaultLogLoss: 1,
        defaultRmseBins: 1,
        workloadRatio: 1,
      },
    });
    await expect(applyParameterSet(user, damaged.id, { reschedule: false })).rejects.toThrow("damaged");
    expect((await getStudySettings(user.id)).parameterSetId).toBeNull();

    // Another learner can't apply it, or even see that it exists.
    const other = await makeUser("other");
    await expect(applyParameterSet(other, setId, { reschedule: false })).rejects.toThrow("not found");
    expect((await fitStatus(other)).sets).toEqual([]);
  }, 60_000);

  it("says before a reschedule how many cards become due today, and the way back reschedules under the defaults too", async () => {
    const { user } = await seasonedLearner(80, 60, 4);
    await startFit(user, runFit);
    const setId = (await fitStatus(user)).sets[0]!.id;
    const settings = await getStudySettings(user.id);
    const { end } = studyDay(NOW, settings.timeZone, settings.dayStartHour);
    const dueToday = () => db.cardState.count({ where: { userId: user.id, suspended: false, state: { not: 0 }, due: { lt: end } } });

    const underSet = await dueTodayIfRescheduled(user, setId, NOW);
    expect(underSet.now).toBe(await dueToday());
    await applyParameterSet(user, setId, { reschedule: true }, NOW);
    expect(await dueToday()).toBe(underSet.rescheduled);

    const underDefaults = await dueTodayIfRescheduled(user, null, NOW);
    expect(underDefaults.now).toBe(underSet.rescheduled);
    expect(await restoreDefaultParameters(user, { reschedule: true })).toEqual({ rescheduled: 80 });
    expect(await dueToday()).toBe(underDefaults.rescheduled);
    expect((await getStudySettings(user.id)).parameterSetId).toBeNull();
    // Not someone else's set.
    await expect(dueTodayIfRescheduled(await makeUser("nosy"), setId, NOW)).rejects.toThrow("not found");
  }, 60_000);

  it("a cancelled fit stops and stores nothing", async () => {
    const { user } = await seasonedLearner(60, 60, 5);
    const jobId = await startFit(user, async (id) => {
      await db.fitJob.update({ where: { id }, data: { cancel: true } });
      await runFit(id);
    });
    expect((await fitStatus(user)).job).toMatchObject({ id: jobId, status: "cancelled" });
    expect((await fitStatus(user)).sets).toEqual([]);
    await expect(cancelFit(await makeUser("stranger"), jobId)).rejects.toThrow("not found");
  }, 60_000);
});

describe("a fit whose later reviews can't be scored on their own", () => {
  it("fits and scores on all the reviews, says so, and never shows the optimizer's error", async () => {
    // 200 cards seen on day 0 and again on day 3; later, 50 more cards, each seen twice with a first
    // gap of its own: the later fifth of the reviews, which the optimizer's outlier filter (it groups
    // by the first gap) empties, so it can't score them ("NotEnoughData").
    const { user } = await learnerReviewedOn(
      Array.from({ length: 250 }, (_, i) => (i < 200 ? [0, 3] : [100 + i, 100 + i + 10 + (i - 200)])),
    );
    const jobId = await startFit(user, runFit);
    const status = await fitStatus(user);
    expect(status.job).toMatchObject({ id: jobId, status: "done", message: null });
    expect(status.sets).toHaveLength(1);
    expect(status.sets[0]).toMatchObject({ heldOut: false });
    expect(weightsProblem(status.sets[0]!.weights)).toBeNull();
    for (const metric of [status.sets[0]!.logLoss, status.sets[0]!.defaultLogLoss]) expect(metric).toBeGreaterThan(0);
  }, 60_000);

  it("a fit the optimizer fails on tells the learner in plain words, never the optimizer's own error", async () => {
    const { user } = await seasonedLearner(60, 60, 21);
    const binding = (await loadOptimizer())!;
    const computeParameters = binding.computeParameters;
    binding.computeParameters = () => Promise.reject(new Error("Evaluation failed: NotEnoughData"));
    try {
      const jobId = await startFit(user, runFit);
      const { job, sets } = await fitStatus(user);
      expect(job).toMatchObject({ id: jobId, status: "failed", message: OPTIMIZER_FAILED });
      expect(job!.message).not.toContain("NotEnoughData");
      expect(sets).toEqual([]);
    } finally {
      binding.computeParameters = computeParameters;
    }
  }, 60_000);
});

describe("an interview's readiness", () => {
  it("is forecast with the learner's applied parameters, and with the defaults once they go back", async () => {
    const { user, deck } = await seasonedLearner(60, 60, 5);
    await startFit(user, runFit);
    const setId = (await fitStatus(user)).sets[0]!.id;
    const form = { label: "Acme", date: "2030-06-20", time: "10:00", timeZone: "UTC", deckIds: [deck.id], tags: [], targetPercent: 90 };
    const interview = (await getInterview(user, (await createInterview(user, form, NOW)).id))!;
    const states = await db.cardState.findMany({ where: { userId: user.id }, select: memorySelect });
    const expected = (settings: ModelSettings) =>
      states.reduce((sum, s) => sum + recallAt(memoryOf(s), interview.at, memoryModel(settings)), 0) / states.length;

    const withDefaults = (await getReadiness(user, interview, NOW)).plan.now;
    expect(withDefaults).toBeCloseTo(expected(DEFAULT_SCHEDULER_SETTINGS), 10);
    await applyParameterSet(user, setId, { reschedule: false }, NOW);
    const own = (await getStudySettings(user.id)).scheduler;
    const withOwn = (await getReadiness(user, interview, NOW)).plan.now;
    expect(withOwn).toBeCloseTo(expected(own), 10);
    expect(withOwn).not.toBeCloseTo(withDefaults, 4);
    await restoreDefaultParameters(user);
    expect((await getReadiness(user, interview, NOW)).plan.now).toBeCloseTo(withDefaults, 10);
  });
});

describe("replaying a card's history", () => {
  it("reproduces its state exactly across a settings change and a parameter change", async () => {
    const { user } = await seasonedLearner(80, 60, 9);
    await startFit(user, runFit);
    const setId = (await fitStatus(user)).sets[0]!.id;
    const deck = await makeDeck(user.id, { cards: 1 });
    await startStudying(user, deck.id);
    const [card] = await db.card.findMany({ where: { deckId: deck.id } });
    const rateAt = async (rating: RatingValue, at: Date) => {
      const version = (await db.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId: card!.id } } }))?.version ?? 0;
      await recordRating(user, { clientId: randomUUID(), cardId: card!.id, rating, expectedVersion: version, durationMs: 3000 }, at);
    };
    await rateAt(3, new Date("2030-06-02T09:00:00Z"));
    await rateAt(3, new Date("2030-06-02T09:10:00Z"));
    const form = {
      desiredRetention: "0.85",
      maximumInterval: "365",
      newPerDay: "10",
      reviewsPerDay: "200",
      learningSteps: "2m",
      relearningSteps: "5m",
      dayStartHour: "4",
      timeZone: "UTC",
    };
    await saveStudySettings(user.id, studySettingsSchema.parse(form));
    await rateAt(1, new Date("2030-06-05T09:00:00Z"));
    await applyParameterSet(user, setId, { reschedule: false });
    await rateAt(3, new Date("2030-06-05T09:06:00Z"));
    await rateAt(4, new Date("2030-06-12T09:00:00Z"));

    const logs = await db.reviewLog.findMany({ where: { userId: user.id, cardId: card!.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => l.parameterSetId)).toEqual([null, null, null, setId, setId]);
    expect(JSON.parse(logs[2]!.scheduler!)).toMatchObject({ desiredRetention: 0.85, learningSteps: ["2m"] });
    const stored = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card!.id } } });
    const replayed = await replayCard(user, card!.id);
    expect(replayed).toEqual({
      due: stored.due,
      stability: stored.stability,
      difficulty: stored.difficulty,
      scheduledDays: stored.scheduledDays,
      learningSteps: stored.learningSteps,
      reps: stored.reps,
      lapses: stored.lapses,
      state: stored.state,
      lastReview: stored.lastReview,
    });
  }, 60_000);
});
