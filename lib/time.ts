// Lengths of time in milliseconds, the unit of Date arithmetic. Pure: no imports, so every layer may
// use it. A "day" here is 24 hours of elapsed time; the study day (which starts at the learner's
// chosen hour, in their time zone, and may be 23 or 25 hours long) is lib/scheduling/study-day.ts.
export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
