// When a cron-scheduled job runs next, read as pg-boss reads it (the same cron-parser), so a
// schedule means the same thing on both engines. Pure: `now` is a parameter.
import cronParser from "cron-parser";

/** The next instant strictly after `now` that `cron` names in time zone `tz`; throws on a bad expression. */
export function nextRun(cron: string, tz: string, now: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: now, tz }).next().toDate();
}
