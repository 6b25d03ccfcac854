// The study day: like Anki, a day starts at a fixed hour (default 04:00) in the learner's own time
// zone, so a late-night session still counts as "today". All of Drill's "today" logic calls this.
import { HOUR_MS } from "../time";

// Building a DateTimeFormat costs far more than formatting with one: one per zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (formats.size > 500) formats.clear();
    formats.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = formatFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** How far the wall clock in `timeZone` is ahead of UTC at `instant` (ms). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant when the wall clock in `timeZone` shows the given date at `hour`:00 or later: on
 * a day the clock repeats that hour, its first time; on a day it skips it, the moment it jumps past.
 */
function instantAt(year: number, month: number, day: number, hour: number, timeZone: string, minute = 0): Date {
  const target = Date.UTC(year, month - 1, day, hour, minute);
  // the zone's offsets before and after any change near the target (the same on most days)
  const offsets = [offsetAt(target - 36 * HOUR_MS, timeZone), offsetAt(target + 36 * HOUR_MS, timeZone)];
  const exact = offsets.map((o) => target - o).filter((t) => offsetAt(t, timeZone) === target - t);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // the clock skips the target: find the jump, between the two readings of the target
  let [before, after] = [target - offsets[1]!, target - offsets[0]!];
  while (after - before > 1000) {
    const mid = before + Math.floor((after - before) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === offsets[0]) before = mid;
    else after = mid;
  }
  return new Date(after);
}

export interface StudyDay {
  /** When the current study day began. */
  start: Date;
  /** When the next one begins (23, 24 or 25 hours later, depending on DST). */
  end: Date;
  /** The study day's calendar date, "2026-11-25". */
  date: string;
}

export function studyDay(now: Date, timeZone: string, dayStartHour: number): StudyDay {
  const local = wallClock(now, timeZone);
  // Before the start hour, it is still the previous study day.
  const base = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (local.hour < dayStartHour) base.setUTCDate(base.getUTCDate() - 1);
  const next = new Date(base);
  next.setUTCDate(next.getUTCDate() + 1);
  const start = instantAt(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), dayStartHour, timeZone);
  const end = instantAt(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), dayStartHour, timeZone);
  return { start, end, date: base.toISOString().slice(0, 10) };
}

/**
 * The instant a wall-clock date and time ("2027-03-28", "10:30") names in `timeZone`: on a day the
 * clock repeats that time, its first occurrence; on a day it skips it, the moment the clock jumps past.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return instantAt(year, month, day, hour, timeZone, minute);
}

/** The wall-clock date and time ("2027-03-28", "10:30") of an instant in `timeZone`. */
export function zonedDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
