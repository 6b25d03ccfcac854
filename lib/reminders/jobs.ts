// Reminders' scheduled work, as plain definitions for the job engine (lib/jobs/) to register: the
// engine runs each handler on its cron schedule; the handlers need nothing from it but the call.
// Exactly once is the handlers' own business (a claimed delivery row per learner and day, per
// mentor, deck and week), so a tick run twice, on two instances, or late after a restart sends
// nothing twice.
import "server-only";
import { runDigestTick } from "./digest";
import { runReminderTick } from "./tick";

export interface ScheduledJob {
  queue: string;
  cron: string;
  handler: (data: unknown) => Promise<void>;
}

/** The jobs, reading the time from `clock`: the real one in the app, a test's own in the two-instance test. */
export function reminderJobsWith(clock: () => Date): ScheduledJob[] {
  return [
    {
      queue: "reminders-daily-tick",
      // Every 5 minutes: a reminder goes within 5 minutes of the learner's hour.
      cron: "*/5 * * * *",
      handler: async () => {
        const report = await runReminderTick(clock());
        if (report.sent + report.failed > 0)
          console.info(`[reminders] tick: ${report.sent} sent, ${report.failed} failed, ${report.nothingToDo} with nothing to study`);
      },
    },
    {
      queue: "reminders-digest-tick",
      // Every 5 minutes too: a digest goes within 5 minutes of the mentor's hour.
      cron: "*/5 * * * *",
      handler: async () => {
        const report = await runDigestTick(clock());
        if (report.sent + report.failed > 0) console.info(`[reminders] digest tick: ${report.sent} sent, ${report.failed} failed`);
      },
    },
  ];
}

export const reminderJobs: ScheduledJob[] = reminderJobsWith(() => new Date());
