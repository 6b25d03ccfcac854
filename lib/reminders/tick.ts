// The reminder tick, run every few minutes by the job engine: each learner whose reminder hour has
// come today gets the day's one message. Exactly once without trusting the engine: a delivery row
// keyed (learner, study day, kind) is inserted before sending, so of two instances ticking at once
// one claims and sends, and a tick after a restart finds the day's row and sends nothing again.
import "server-only";
import { db } from "../server/db";
import { DEFAULT_STUDY_SETTINGS } from "../review/settings";
import { studyDay } from "../scheduling/study-day";
import { getToday } from "../views/today";
import { reminderMessage, reminderTiming, type ReminderFacts, type ReminderMessage } from "./plan";
import { claimDelivery, isStaleClaim, staleBefore } from "./claim";
import { deliverReminder, type DeliveryOptions, type Recipient } from "./deliver";

export const DAILY = "daily";

export interface TickReport {
  sent: number;
  nothingToDo: number;
  failed: number;
}

/** What the learner faces at `now`, from the Today page's own read model. */
export async function reminderFacts(userId: string, now: Date): Promise<ReminderFacts> {
  const [today, settings, last] = await Promise.all([
    getToday({ id: userId }, now),
    db.studySettings.findUnique({ where: { userId }, select: { timeZone: true, dayStartHour: true } }),
    lastReviewAt(userId),
  ]);
  const { timeZone, dayStartHour } = settings ?? DEFAULT_STUDY_SETTINGS;
  const next = today.next;
  return {
    reviews: today.counts.learning + today.counts.review,
    newCards: today.counts.new,
    minutes: today.minutes,
    streak: today.streak.current,
    studiedToday: last !== null && last >= studyDay(now, timeZone, dayStartHour).start,
    interview: next ? { label: next.interview.label, at: next.interview.at, now: next.now, onPlan: next.onPlan } : null,
  };
}

async function lastReviewAt(userId: string): Promise<Date | null> {
  const last = await db.reviewLog.findFirst({ where: { userId }, orderBy: { reviewedAt: "desc" }, select: { reviewedAt: true } });
  return last?.reviewedAt ?? null;
}

/** Claims the learner's day (lib/reminders/claim.ts); false when another tick has it. */
const claim = (userId: string, day: string, now: Date) =>
  claimDelivery(
    () => db.reminderDelivery.create({ data: { userId, day, kind: DAILY, createdAt: now } }),
    () =>
      db.reminderDelivery.updateMany({
        where: { userId, day, kind: DAILY, outcome: "claimed", createdAt: { lt: staleBefore(now) } },
        data: { createdAt: now },
      }),
  );

export async function runReminderTick(now = new Date(), options: DeliveryOptions = {}): Promise<TickReport> {
  const report: TickReport = { sent: 0, nothingToDo: 0, failed: 0 };
  const learners = await db.reminderSettings.findMany({
    where: { enabled: true, OR: [{ byEmail: true }, { byPush: true }] },
    select: {
      userId: true,
      hour: true,
      byEmail: true,
      byPush: true,
      pausedUntil: true,
      user: { select: { email: true, studySettings: { select: { timeZone: true, dayStartHour: true } } } },
    },
  });
  for (const learner of learners) {
    const { timeZone, dayStartHour } = learner.user.studySettings ?? DEFAULT_STUDY_SETTINGS;
    const schedule = { enabled: true, hour: learner.hour, pausedUntil: learner.pausedUntil, timeZone, dayStartHour };
    // The cheap checks first: most learners, most ticks, are not due or were reminded already.
    if (!reminderTiming({ ...schedule, lastReviewAt: now }, now).due) continue;
    const timing = reminderTiming({ ...schedule, lastReviewAt: await lastReviewAt(learner.userId) }, now);
    if (!timing.due) continue;
    const delivery = await db.reminderDelivery.findUnique({
      where: { userId_day_kind: { userId: learner.userId, day: timing.day, kind: DAILY } },
      select: { outcome: true, createdAt: true },
    });
    if (delivery && !isStaleClaim(delivery, now)) continue;
    if (!(await claim(learner.userId, timing.day, now))) continue;
    const message = reminderMessage(await reminderFacts(learner.userId, now), now);
    const outcome = message ? await send({ ...learner, email: learner.user.email }, message, options) : "nothing";
    report[outcome === "sent" ? "sent" : outcome === "nothing" ? "nothingToDo" : "failed"]++;
    await db.reminderDelivery.update({
      where: { userId_day_kind: { userId: learner.userId, day: timing.day, kind: DAILY } },
      data: { outcome },
    });
  }
  return report;
}

async function send(recipient: Recipient, message: ReminderMessage, options: DeliveryOptions): Promise<"sent" | "failed"> {
  return (await deliverReminder(recipient, message, options)) ? "sent" : "failed";
}

/** The settings' "Send a test reminder": today's message now (or a sample when nothing is due), not counted as the day's one. */
export async function testReminder(userId: string, now = new Date()): Promise<{ recipient: Recipient; message: ReminderMessage } | null> {
  const settings = await db.reminderSettings.findUnique({
    where: { userId },
    select: { byEmail: true, byPush: true, user: { select: { email: true } } },
  });
  if (!settings || (!settings.byEmail && !settings.byPush)) return null;
  const facts = await reminderFacts(userId, now);
  const message = reminderMessage(facts, now) ?? {
    subject: "Drill: a test reminder",
    lines: ["This is a test reminder. Nothing is due right now: on such a day no reminder comes."],
    push: { title: "Drill: a test reminder", body: "Nothing is due right now." },
  };
  return { recipient: { userId, email: settings.user.email, byEmail: settings.byEmail, byPush: settings.byPush }, message };
}
