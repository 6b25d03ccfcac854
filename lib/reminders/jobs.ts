// Reminders' scheduled work, as plain definitions for the job engine (lib/jobs/) to register: the
// engine runs each handler on its cron schedule; the handlers need nothing from it but the call.
// Exactly once is the handlers' own business (a claimed delivery row per learner and day), so a
// tick run twice, on two instances, or late after a restart sends nothing twice.
import "server-only";
import { runReminderTick } from "./tick";

export interface ScheduledJob {
  queue: string;
  cron: string;
  handler: (data: unknown) => Promise<void>;
}

export const reminderJobs: ScheduledJob[] = [
  {
    queue: "reminders-daily-tick",
    // Every 5 minutes: a reminder goes within 5 minutes of the learner's hour.
    cron: "*/5 * * * *",
    handler: async () => {
      const report = await runReminderTick(new Date());
      if (report.sent + report.failed > 0)
        console.info(`[reminders] tick: ${report.sent} sent, ${report.failed} failed, ${report.nothingToDo} with nothing to study`);
    },
  },
];
