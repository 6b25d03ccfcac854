// A learner's study settings: the form's schema, defaults, and conversion to scheduler settings.
import "server-only";
import { cache as perRequest } from "react";
import { z } from "zod";
import { formNumber } from "../form-fields";
import { db } from "../server/db";
import { DEFAULT_SCHEDULER_SETTINGS, weightsProblem, type SchedulerSettings, type StepUnit } from "../scheduling/fsrs";
import type { QueueLimits } from "../scheduling/queue";
import { isValidTimeZone } from "../scheduling/study-day";

export interface StudySettings extends QueueLimits {
  scheduler: SchedulerSettings;
  dayStartHour: number;
  timeZone: string;
  /** Type the answer before revealing it; it is shown beside the key points, never graded. */
  typeAnswer: boolean;
  /** The learner's own FSRS parameter set in use (its weights are in `scheduler`); null: the defaults. */
  parameterSetId: string | null;
}

export const DEFAULT_STUDY_SETTINGS: StudySettings = {
  scheduler: DEFAULT_SCHEDULER_SETTINGS,
  newPerDay: 10,
  reviewsPerDay: 200,
  dayStartHour: 4,
  timeZone: "UTC",
  typeAnswer: false,
  parameterSetId: null,
};

const STEP = /^(\d{1,6}(?:\.\d{1,2})?)(m|h|d)$/;
const MINUTES_PER_UNIT = { m: 1, h: 60, d: 24 * 60 } as const;
/** A step is at least a minute and at most 30 days: longer is a review interval, not a step. */
const STEP_MIN_MINUTES = 1;
const STEP_MAX_MINUTES = 30 * 24 * 60;

/** "1m 10m" -> ["1m", "10m"]; each step a number of minutes, hours or days, from 1m to 30d. */
const stepsSchema = z
  .string()
  .trim()
  .max(100, "Keep the steps under 100 characters.")
  .transform((text, ctx) => {
    const steps = text.split(/[\s,]+/).filter(Boolean);
    if (steps.length > 10) ctx.addIssue({ code: "custom", message: "Use at most 10 steps." });
    for (const step of steps) {
      const match = STEP.exec(step);
      if (!match) {
        ctx.addIssue({ code: "custom", message: `"${step}" is not a step: use numbers with m, h or d, like "1m 10m".` });
        continue;
      }
      const minutes = Number(match[1]) * MINUTES_PER_UNIT[match[2] as keyof typeof MINUTES_PER_UNIT];
      if (minutes < STEP_MIN_MINUTES || minutes > STEP_MAX_MINUTES) {
        ctx.addIssue({ code: "custom", message: `"${step}" is out of range: each step is from 1m to 30d.` });
      }
    }
    return steps as StepUnit[];
  });

export const studySettingsSchema = z.object({
  // The form asks in percent (90); a share (0.9) is read too, as the API and older forms send it.
  desiredRetention: z.preprocess(
    (v) => {
      const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
      return typeof n === "number" && n > 1 ? n / 100 : n;
    },
    z
      .number({ error: "Enter a percentage from 70 to 99." })
      .min(0.7, "Aim for at least 70%: below that you forget too much to build on.")
      .max(0.99, "Aim for at most 99%: nobody recalls everything, and reviews would pile up."),
  ),
  maximumInterval: formNumber("Enter a whole number of days.", (n) =>
    n
      .int("Enter a whole number of days.")
      .min(1, "The maximum interval is at least 1 day.")
      .max(36500, "The maximum interval is at most 36,500 days (100 years)."),
  ),
  newPerDay: formNumber("Enter a whole number.", (n) =>
    n.int("Enter a whole number.").min(0, "Use 0 or more.").max(1000, "Use at most 1,000."),
  ),
  reviewsPerDay: formNumber("Enter a whole number.", (n) =>
    n.int("Enter a whole number.").min(0, "Use 0 or more.").max(10000, "Use at most 10,000."),
  ),
  learningSteps: stepsSchema,
  relearningSteps: stepsSchema,
  enableFuzz: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  dayStartHour: formNumber("Choose an hour.", (n) =>
    n.int().min(0, "Choose an hour from 0 to 23.").max(23, "Choose an hour from 0 to 23."),
  ),
  timeZone: z.string().trim().refine(isValidTimeZone, "That is not a time zone we know, like Europe/Berlin."),
  typeAnswer: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
export type StudySettingsInput = z.infer<typeof studySettingsSchema>;

/** The settings form's fields, as the form shows them (steps as text): the stored row's shape. */
export type SettingsFormValues = {
  [K in keyof StudySettingsInput]: K extends "learningSteps" | "relearningSteps" ? string : StudySettingsInput[K];
};

/** The learner's settings as the form shows them. */
export function settingsFormValues(settings: StudySettings): SettingsFormValues {
  const { scheduler } = settings;
  return {
    desiredRetention: scheduler.desiredRetention,
    maximumInterval: scheduler.maximumInterval,
    newPerDay: settings.newPerDay,
    reviewsPerDay: settings.reviewsPerDay,
    learningSteps: scheduler.learningSteps.join(" "),
    relearningSteps: scheduler.relearningSteps.join(" "),
    enableFuzz: scheduler.enableFuzz,
    dayStartHour: settings.dayStartHour,
    timeZone: settings.timeZone,
    typeAnswer: settings.typeAnswer,
  };
}

function fromRow(row: SettingsFormValues, parameters: { id: string; weights: number[] } | null): StudySettings {
  const steps = (text: string) => text.split(" ").filter(Boolean) as StepUnit[];
  return {
    scheduler: {
      desiredRetention: row.desiredRetention,
      maximumInterval: row.maximumInterval,
      learningSteps: steps(row.learningSteps),
      relearningSteps: steps(row.relearningSteps),
      enableFuzz: row.enableFuzz,
      ...(parameters && { weights: parameters.weights }),
    },
    newPerDay: row.newPerDay,
    reviewsPerDay: row.reviewsPerDay,
    dayStartHour: row.dayStartHour,
    timeZone: row.timeZone,
    typeAnswer: row.typeAnswer,
    parameterSetId: parameters?.id ?? null,
  };
}

/** A stored parameter set's weights, checked again on the way in: a corrupt set is never used. */
export function storedWeights(json: string): number[] | null {
  try {
    const weights = JSON.parse(json) as unknown;
    return weightsProblem(weights) === null ? (weights as number[]) : null;
  } catch {
    return null;
  }
}

async function activeParameters(userId: string, parameterSetId: string | null) {
  if (!parameterSetId) return null;
  const set = await db.fsrsParameterSet.findFirst({ where: { id: parameterSetId, userId }, select: { id: true, weights: true } });
  const weights = set && storedWeights(set.weights);
  return set && weights ? { id: set.id, weights } : null;
}

/** The scheduler settings a rating was made with, as its log keeps them (weights go by parameter set id). */
export function schedulerSnapshot(scheduler: SchedulerSettings): string {
  const { weights: _weights, ...rest } = scheduler;
  return JSON.stringify(rest);
}

/**
 * The learner's settings. Read once per request: the header (time zone), and the page (history,
 * study, sharing) both ask for them. Outside a request (scripts, tests), React's cache is a pass-through.
 */
export const getStudySettings = perRequest(async (userId: string): Promise<StudySettings> => {
  const row = await db.studySettings.findUnique({ where: { userId } });
  return row ? fromRow(row, await activeParameters(userId, row.parameterSetId)) : DEFAULT_STUDY_SETTINGS;
});

// ---------- a small cache for the rating path ----------

// Every rating needs the learner's scheduler settings, which change a few times a year. The rating
// path reads them from here: kept a minute, dropped when this process saves them. Another app
// instance may schedule with the old settings for up to that minute after a change.
const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { settings: StudySettings; until: number }>();

/** The learner's settings for scheduling a rating, from the cache when it is fresh. */
export async function cachedStudySettings(userId: string, now = Date.now()): Promise<StudySettings> {
  const hit = cache.get(userId);
  if (hit && hit.until > now) return hit.settings;
  const settings = await getStudySettings(userId);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(userId, { settings, until: now + CACHE_MS });
  return settings;
}

export async function saveStudySettings(userId: string, input: StudySettingsInput): Promise<StudySettings> {
  const data = { ...input, learningSteps: input.learningSteps.join(" "), relearningSteps: input.relearningSteps.join(" ") };
  const row = await db.studySettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  cache.delete(userId);
  return fromRow(row, await activeParameters(userId, row.parameterSetId));
}

/** Follows the browser's time zone, so "today" is the learner's own day wherever they are. */
export async function saveTimeZone(userId: string, timeZone: string): Promise<void> {
  if (!isValidTimeZone(timeZone)) return;
  await db.studySettings.upsert({ where: { userId }, create: { userId, timeZone }, update: { timeZone } });
  cache.delete(userId);
}

/** Puts a parameter set in use (null: back to the defaults); the rating path's cache follows at once. */
export async function putParameterSetInUse(userId: string, parameterSetId: string | null): Promise<void> {
  await db.studySettings.upsert({ where: { userId }, create: { userId, parameterSetId }, update: { parameterSetId } });
  cache.delete(userId);
}
