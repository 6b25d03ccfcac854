// The daily reminder's decisions, pure (now passed in): whether a learner's reminder is due at an
// instant, and what it says. The tick (lib/reminders/tick.ts) reads the facts and sends.
import { studyDay, zonedInstant } from "../scheduling/study-day";
import { DAY_MS } from "../time";

export interface ReminderSchedule {
  enabled: boolean;
  /** The hour (0-23) of the learner's wall clock the reminder goes at. */
  hour: number;
  /** No reminder on study days up to and including this date ("2027-01-31"); null: not paused. */
  pausedUntil: string | null;
  timeZone: string;
  dayStartHour: number;
  /** When the learner last rated a card (null: never studied: no reminder yet). */
  lastReviewAt: Date | null;
}

export type ReminderTiming =
  { due: true; day: string; at: Date } | { due: false; reason: "off" | "never-studied" | "paused" | "not-yet"; day: string };

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The reminder belongs to a study day (the day key of "at most once a day"): it goes at `hour` on
 * the study day's own date, or on the next calendar date when the hour comes before the day starts
 * (a 02:00 reminder with days starting at 04:00). From that instant to the study day's end it is
 * due; a tick that comes late (a restart, a missed hour) still finds it due, and a day that is over
 * is never caught up.
 */
export function reminderTiming(schedule: ReminderSchedule, now: Date): ReminderTiming {
  const { start, end, date: day } = studyDay(now, schedule.timeZone, schedule.dayStartHour);
  if (!schedule.enabled) return { due: false, reason: "off", day };
  if (!schedule.lastReviewAt) return { due: false, reason: "never-studied", day };
  if (schedule.pausedUntil && day <= schedule.pausedUntil) return { due: false, reason: "paused", day };
  const date = schedule.hour < schedule.dayStartHour ? addDays(day, 1) : day;
  const at = zonedInstant(date, `${pad(schedule.hour)}:00`, schedule.timeZone);
  // On a day the clock skips the day's start hour, `at` can land before `start`: then it is due at once.
  if (now < at || now >= end) return { due: false, reason: "not-yet", day };
  return { due: true, day, at: at < start ? start : at };
}

/** What the learner faces today, from the Today read model (lib/views/today.ts). */
export interface ReminderFacts {
  reviews: number;
  newCards: number;
  minutes: number;
  streak: number;
  /** A card was rated in the current study day: the streak isn't at stake. */
  studiedToday: boolean;
  interview: { label: string; at: Date; now: number; onPlan: number } | null;
}

export interface ReminderMessage {
  subject: string;
  /** The body's lines, without the link (each channel adds its own). */
  lines: string[];
  /** The notification's short form. */
  push: { title: string; body: string };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Whole days from now to the interview, counted in 24-hour days and rounded up (a day and a bit is 2). */
export function daysUntil(at: Date, now: Date): number {
  return Math.max(0, Math.ceil((at.getTime() - now.getTime()) / DAY_MS));
}

/**
 * The reminder's text, or null when there is nothing to study (no message on such a day). It holds
 * counts and the names the learner chose (the interview's label), never a card's content.
 */
export function reminderMessage(facts: ReminderFacts, now: Date): ReminderMessage | null {
  if (facts.reviews + facts.newCards === 0) return null;
  const work = [facts.reviews > 0 && plural(facts.reviews, "review"), facts.newCards > 0 && plural(facts.newCards, "new card")]
    .filter(Boolean)
    .join(" and ");
  const about = `about ${plural(Math.max(1, facts.minutes), "minute")}`;
  const lines = [`Today in Drill: ${work}, ${about}.`];
  if (facts.streak > 0 && !facts.studiedToday) lines.push(`Your ${facts.streak}-day streak is at stake: one session today keeps it.`);
  const interview = facts.interview;
  if (interview) {
    const days = daysUntil(interview.at, now);
    lines.push(
      `${plural(days, "day")} to ${interview.label}: readiness ${percent(interview.now)} now, ${percent(interview.onPlan)} on plan.`,
    );
  }
  return {
    subject: `Drill: ${work} today`,
    lines,
    push: { title: `Drill: ${work} today`, body: [`It takes ${about}.`, ...lines.slice(1)].join(" ") },
  };
}
