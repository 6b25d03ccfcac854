// One app instance for tests/integration/reminder-instances.test.ts, in a process of its own: its own
// Prisma client and job engine (pg-boss on PostgreSQL, in-process on SQLite) on the test's database,
// running the reminders' real jobs with a clock the test sets. Started with
// `node --conditions=react-server --import tsx` (as the fit worker is), driven over IPC:
//   { clock: iso }  set this instance's clock              → { clockSet: iso }
//   { tick: true }  enqueue both reminder ticks on its engine → { enqueued: 2 }
// and reports each tick it ran, whichever instance enqueued it: { ran: queue }.
import { defineJob } from "../../lib/jobs/definition";
import { createJobEngine } from "../../lib/jobs/engine";
import { reminderJobsWith } from "../../lib/reminders/jobs";
import { databaseConfig } from "../../lib/server/database-url";

type Message = { clock: string } | { tick: true };

let now = new Date(0);
const send = (message: object) => process.send!(message);

// The app's reminder jobs, without their cron: the test says when a tick comes (its clock's instants).
const jobs = reminderJobsWith(() => now);
const engine = await createJobEngine(databaseConfig(), { pollingIntervalSeconds: 0.5 });
await engine.start(
  jobs.map(({ queue, handler }) =>
    defineJob({
      queue,
      handler: async (data) => {
        await handler(data);
        send({ ran: queue });
      },
    }),
  ),
);

process.on("message", (message: Message) => {
  if ("clock" in message) {
    now = new Date(message.clock);
    send({ clockSet: message.clock });
    return;
  }
  void Promise.all(jobs.map((job) => engine.enqueue(job.queue, {}))).then(() => send({ enqueued: jobs.length }));
});
process.on("SIGTERM", () => void engine.stop().finally(() => process.exit(0)));
send({ ready: true });
