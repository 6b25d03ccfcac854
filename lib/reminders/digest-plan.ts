// A mentor's weekly digest, pure (now passed in): whether the week's digest of a deck is due at an
// instant, and what it says from the mentor dashboard's figures. The tick (digest.ts) reads and sends.
import type { CardDifficulty, MenteeProgress } from "../views/mentor-dashboard-summary";
import { zonedDateTime, zonedInstant } from "../scheduling/study-day";
import { DAY_MS } from "../time";

export interface DigestSchedule {
  enabled: boolean;
  /** 0 Sunday ... 6 Saturday, on the mentor's wall clock. */
  weekday: number;
  /** 0-23, on the mentor's wall clock. */
  hour: number;
  timeZone: string;
}

export type DigestTiming = { due: true; week: string; at: Date } | { due: false; reason: "off" | "not-yet"; week: string };

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const pad = (n: number) => String(n).padStart(2, "0");
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * The ISO week a calendar date ("2026-12-06") falls in, "2026-W49": the key of "once a week", so a
 * mentor who moves the digest's day within a week still gets one that week, not two.
 */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  // The week's Thursday decides its year (ISO 8601).
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${pad(week)}`;
}

/**
 * The digest goes at `hour` on `weekday`, on the mentor's wall clock (so at the same local hour on
 * both sides of a DST change). From that instant to the end of that local day it is due: a tick
 * that comes late (a restart, a missed hour) still sends it, and a day that is over is not caught up.
 */
export function digestTiming(schedule: DigestSchedule, now: Date): DigestTiming {
  const { date } = zonedDateTime(now, schedule.timeZone);
  const week = isoWeek(date);
  if (!schedule.enabled) return { due: false, reason: "off", week };
  if (weekdayOf(date) !== schedule.weekday) return { due: false, reason: "not-yet", week };
  // On the day the clock skips the hour, zonedInstant gives the moment it jumps past.
  const at = zonedInstant(date, `${pad(schedule.hour)}:00`, schedule.timeZone);
  return now < at ? { due: false, reason: "not-yet", week } : { due: true, week, at };
}

/** A mentee who hasn't rated a card of the deck for this many days has fallen behind. */
export const BEHIND_DAYS = 3;
/** Readiness this far (or more) under the plan's line before a shared interview is worth telling. */
export const BEHIND_PLAN = 0.05;
/** How many of the hardest cards the digest lists. */
export const HARDEST_LISTED = 3;

/** What the digest reads: the mentor dashboard's own figures (lib/views/mentor-dashboard.ts). */
export interface DigestFigures {
  deck: { title: string };
  mentees: Pick<MenteeProgress, "name" | "joinedAt" | "reviews7d" | "lastActive" | "interviews">[];
  cards: Pick<CardDifficulty, "front" | "menteesFailed" | "againCount" | "missedPoints">[];
}

export interface DigestMessage {
  subject: string;
  /** The body's lines, without the links (the mail adds them). */
  lines: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;
const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);
/** A card's question on one line, short: it is Markdown written for a card, not for a mail. */
const oneLine = (text: string, max = 100) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

function whyBehind(mentee: DigestFigures["mentees"][number], now: Date): string | null {
  if (mentee.lastActive) {
    const idle = daysBetween(mentee.lastActive, now);
    return idle >= BEHIND_DAYS ? `no review in ${plural(idle, "day")}` : null;
  }
  // Someone who joined a day ago hasn't fallen behind yet.
  return daysBetween(mentee.joinedAt, now) >= BEHIND_DAYS ? "no review since joining" : null;
}

function readinessWarnings(mentee: DigestFigures["mentees"][number], now: Date): string[] {
  return mentee.interviews
    .filter((i) => i.now <= i.onPlan - BEHIND_PLAN)
    .map(
      (i) =>
        `${mentee.name}: ${percent(i.now)} ready, ${percent(i.onPlan)} on plan, ${plural(Math.max(0, Math.ceil((i.at.getTime() - now.getTime()) / DAY_MS)), "day")} before their interview`,
    );
}

function hardestCardLines(cards: DigestFigures["cards"], menteeCount: number): string[] {
  const hardest = cards.filter((c) => c.againCount > 0).slice(0, HARDEST_LISTED);
  if (hardest.length === 0) return [];
  return [
    "",
    "Cards the group misses most (last 30 days):",
    ...hardest.map((card) => {
      const points = card.missedPoints.map((p) => `${oneLine(p.point, 60)} (${p.missed} of ${p.shown})`).join("; ");
      return `- ${oneLine(card.front)}: ${card.menteesFailed} of ${plural(menteeCount, "mentee")} missed it${points ? `; key points missed most: ${points}` : ""}`;
    }),
  ];
}

/**
 * The week's digest of one deck, or null for a deck without mentees (no mail that week). It holds
 * what the dashboard shows, by the names the mentor uses: never an email, never a card's answer.
 */
export function digestMessage(figures: DigestFigures, now: Date): DigestMessage | null {
  const { mentees } = figures;
  if (mentees.length === 0) return null;
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const studied = mentees.filter((m) => m.reviews7d > 0);
  const behind = mentees.flatMap((m) => {
    const why = whyBehind(m, now);
    return why ? [`${m.name}: ${why}`] : [];
  });
  const readiness = mentees.flatMap((m) => readinessWarnings(m, now));
  const joined = mentees.filter((m) => m.joinedAt >= weekAgo);
  const lines = [`This week on ${figures.deck.title}: ${studied.length} of ${plural(mentees.length, "mentee")} studied.`];
  if (studied.length > 0) lines.push(`Studied: ${studied.map((m) => `${m.name} (${plural(m.reviews7d, "review")})`).join(", ")}.`);
  if (behind.length + readiness.length > 0) lines.push("", "Fell behind:", ...[...behind, ...readiness].map((line) => `- ${line}`));
  lines.push(...hardestCardLines(figures.cards, mentees.length));
  if (joined.length > 0) lines.push("", `New this week: ${joined.map((m) => m.name).join(", ")}.`);
  return { subject: `Drill: your mentees on ${figures.deck.title} this week`, lines };
}
