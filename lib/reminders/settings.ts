// A learner's reminder settings: read, saved and offered, always for the signed-in learner only
// (every query is keyed by their own id, so nobody reads or changes another's).
import "server-only";
import { z } from "zod";
import { db } from "../server/db";

export interface ReminderSettings {
  enabled: boolean;
  hour: number;
  byEmail: boolean;
  byPush: boolean;
  pausedUntil: string | null;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: false, hour: 8, byEmail: true, byPush: false, pausedUntil: null };

const checkbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

export const reminderSettingsSchema = z
  .object({
    enabled: checkbox,
    hour: z.coerce.number().int("Pick a whole hour.").min(0, "Pick an hour from 0 to 23.").max(23, "Pick an hour from 0 to 23."),
    byEmail: checkbox,
    byPush: checkbox,
    pausedUntil: z
      .string()
      .max(10)
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Pick a date, or leave it empty.")
      .refine((v) => v === "" || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "That is not a date.")
      .optional()
      .transform((v) => v || null),
  })
  .refine((s) => !s.enabled || s.byEmail || s.byPush, { message: "Pick email, push, or both.", path: ["byEmail"] });

export type ReminderSettingsInput = z.infer<typeof reminderSettingsSchema>;

const select = { enabled: true, hour: true, byEmail: true, byPush: true, pausedUntil: true } as const;

export async function getReminderSettings(userId: string): Promise<ReminderSettings> {
  return (await db.reminderSettings.findUnique({ where: { userId }, select })) ?? DEFAULT_REMINDER_SETTINGS;
}

export async function saveReminderSettings(userId: string, input: ReminderSettingsInput): Promise<void> {
  // Saving answers the Today page's offer too.
  const data = { ...input, offerClosed: true };
  await db.reminderSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** Stops the daily reminder and nothing else (the unsubscribe link and the settings' switch). */
export async function turnRemindersOff(userId: string): Promise<void> {
  await db.reminderSettings.upsert({
    where: { userId },
    create: { userId, enabled: false, offerClosed: true },
    update: { enabled: false },
  });
}

/** Whether the Today page offers reminders: once the learner has studied, until they answer (or turn them on). */
export async function showsReminderOffer(userId: string): Promise<boolean> {
  const settings = await db.reminderSettings.findUnique({ where: { userId }, select: { offerClosed: true, enabled: true } });
  if (settings?.offerClosed || settings?.enabled) return false;
  return (await db.reviewLog.findFirst({ where: { userId }, select: { id: true } })) !== null;
}

export async function closeReminderOffer(userId: string): Promise<void> {
  await db.reminderSettings.upsert({ where: { userId }, create: { userId, offerClosed: true }, update: { offerClosed: true } });
}
