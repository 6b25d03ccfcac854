// How numbers, durations and dates read everywhere in the app. Pure (no Next, no database), so the
// browser's review screen and the server's pages say things the same way.
//
// Dates: an instant is always shown in a named time zone (the learner's, from their settings, or
// the browser's own in client components, which is the same zone once it has synced); a study
// day's calendar date ("2026-11-25") is a date, not an instant, and is read as such.
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./time";

/** "1 review", "3 reviews", "1,204 reviews": a count with its noun. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? word : pluralWord}`;
}

/** Just the noun for a count: "day" or "days". */
export function noun(count: number, word: string, pluralWord = `${word}s`): string {
  return count === 1 ? word : pluralWord;
}

/** "45 s", "12 min", "1 h 5 min": time spent studying. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A short wait, rounded up: "15 seconds", "2 minutes". */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return plural(seconds, "second");
  return plural(Math.ceil(seconds / 60), "minute");
}

/** A wait under an hour, to the second: "42 s", "3 min 05 s", "12 min". */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes >= 10 || rest === 0 ? `${Math.ceil(seconds / 60)} min` : `${minutes} min ${String(rest).padStart(2, "0")} s`;
}

/** "42%". */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** An instant as a date ("Nov 25, 2026"), in the given time zone. */
export function formatDate(
  instant: Date,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
): string {
  return instant.toLocaleDateString("en", { timeZone, ...options });
}

/** An instant as date and time ("Nov 25, 2026, 9:05 PM"), in the given time zone. */
export function formatDateTime(instant: Date, timeZone: string | undefined): string {
  return instant.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone });
}

/** An instant's time of day ("9:05 PM"), in the given time zone. */
export function formatTime(instant: Date, timeZone: string | undefined): string {
  return instant.toLocaleTimeString("en", { timeStyle: "short", timeZone });
}

/** A calendar date ("2030-11-10", e.g. a study day's) as text; it names a day, not an instant. */
export function formatCalendarDate(date: string, options: Intl.DateTimeFormatOptions): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en", { timeZone: "UTC", ...options });
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY_MS],
  ["month", 30 * DAY_MS],
  ["week", 7 * DAY_MS],
  ["day", DAY_MS],
  ["hour", HOUR_MS],
  ["minute", MINUTE_MS],
];

/** "3 days ago", "yesterday", "just now"; "never" for null. */
export function formatTimeAgo(date: Date | null, now: Date): string {
  if (!date) return "never";
  const elapsed = Math.max(0, now.getTime() - date.getTime());
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return "just now";
}

/** "today at 09:22 PM", "tomorrow at 08:00 AM", or "Friday, Dec 4", in the browser's own time zone. */
export function formatWhen(date: Date, now: Date): string {
  // Within the hour, a countdown reads better than a clock time ("in 42 s", "in 12 min").
  const ms = date.getTime() - now.getTime();
  if (ms <= 0) return "now";
  if (ms < HOUR_MS) return `in ${formatCountdown(ms)}`;
  const timeOfDay = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  if (date.toDateString() === now.toDateString()) return `today at ${timeOfDay}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (date.toDateString() === tomorrow.toDateString()) return `tomorrow at ${timeOfDay}`;
  return date.toLocaleDateString([], { weekday: "long", month: "short", day: "numeric" });
}
