// Exactly once across real instances: two app instances, each a process of its own with its own
// Prisma client and job engine (pg-boss on PostgreSQL, in-process on SQLite) on this run's database,
// tick for the same instants of a clock the test sets (tests/integration/reminder-instance.ts). A
// real SMTP server started here receives the mail: one reminder per learner per day and one digest
// per mentor and week, however the ticks fall, after an instance is killed mid-day, and late after
// a missed hour.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { saveReminderSettings } from "@/lib/reminders/settings";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { insertReviewLog, makeDeck, makeUser } from "./helpers";
import { smtpInbox } from "./smtp-inbox";

const smtp = smtpInbox();
const { mails } = smtp;

beforeAll(async () => {
  await smtp.listen();
});
afterAll(async () => {
  await smtp.close();
});

interface Instance {
  child: ChildProcess;
  /** How many messages of this kind the instance sent ("ready", "clockSet", "enqueued", "ran"). */
  count: (kind: string) => number;
}

const running: Instance[] = [];

async function startInstance(): Promise<Instance> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/reminder-instance.ts"], {
    env: {
      ...process.env,
      SMTP_URL: smtp.url(),
      AUTH_URL: "https://drill.example",
      AUTH_SECRET: "instances-test-secret-0123456789abcdef",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const counts = new Map<string, number>();
  child.on("message", (message: object) => {
    for (const kind of Object.keys(message)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  });
  const instance = { child, count: (kind: string) => counts.get(kind) ?? 0 };
  running.push(instance);
  // A start that failed ends the wait at once, with its exit.
  const failed = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the instance exited with ${code}`))));
  await Promise.race([vi.waitFor(() => expect(instance.count("ready")).toBe(1), { timeout: 30_000, interval: 100 }), failed]);
  return instance;
}

/** Kills an instance without warning, as a crash or a redeploy's kill would. */
async function kill(instance: Instance): Promise<void> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) {
    const exited = new Promise((resolve) => instance.child.once("exit", resolve));
    instance.child.kill("SIGKILL");
    await exited;
  }
  running.splice(running.indexOf(instance), 1);
}

afterEach(async () => {
  await Promise.all(running.map((instance) => kill(instance)));
  // The ticks read every learner and digest: this file's stop here, so later files count their own.
  await db.reminderSettings.updateMany({ data: { enabled: false } });
  await db.mentorDigest.updateMany({ data: { enabled: false } });
});

const total = (instances: Instance[], kind: string) => instances.reduce((sum, i) => sum + i.count(kind), 0);

/** Every instance's clock set to `iso`, then each enqueues both ticks at once; waits until every tick ran. */
async function tickAt(instances: Instance[], iso: string): Promise<void> {
  const set = total(instances, "clockSet");
  for (const instance of instances) instance.child.send({ clock: iso });
  await vi.waitFor(() => expect(total(instances, "clockSet")).toBe(set + instances.length), { timeout: 10_000, interval: 20 });
  const ran = total(running, "ran");
  for (const instance of instances) instance.child.send({ tick: true });
  // On PostgreSQL any instance may run a tick another enqueued: counted over all of them.
  await vi.waitFor(() => expect(total(running, "ran")).toBe(ran + 2 * instances.length), { timeout: 20_000, interval: 50 });
}

const mailsTo = smtp.to;

/** A mentor in Berlin with a weekly digest on Monday 08:00, and two mentees with daily reminders at 08:00. */
async function mentorAndLearners() {
  const mentor = await makeUser("mentor");
  await db.studySettings.create({ data: { userId: mentor.id, timeZone: "Europe/Berlin" } });
  const deck = await makeDeck(mentor.id, { visibility: "public", cards: 6 });
  const card = (await db.card.findFirst({ where: { deckId: deck.id }, select: { id: true, deckId: true } }))!;
  const learners = [await makeUser("learner"), await makeUser("learner")];
  for (const learner of learners) {
    await db.deckMember.create({
      data: { deckId: deck.id, userId: learner.id, role: "mentee", invitedById: mentor.id, joinedAt: new Date("2031-01-01T00:00:00Z") },
    });
    await startStudying(learner, deck.id);
    await db.studySettings.create({ data: { userId: learner.id, timeZone: "Europe/Berlin", newPerDay: 4 } });
    await insertReviewLog(learner.id, card, 3, new Date("2031-01-12T12:00:00Z"));
    await saveReminderSettings(learner.id, { enabled: true, hour: 8, byEmail: true, byPush: false, pausedUntil: null });
  }
  await db.mentorDigest.create({ data: { userId: mentor.id, deckId: deck.id, weekday: 1, hour: 8 } });
  return { mentor, learners };
}

describe("two instances ticking together", () => {
  it("send one reminder per learner per day and one digest per week, across a crash mid-day and a missed hour", async () => {
    const { mentor, learners } = await mentorAndLearners();
    const [started, second] = await Promise.all([startInstance(), startInstance()]);
    let first = started;
    const perLearner = () => learners.map((learner) => mailsTo(learner.email).length);

    // Monday 13 January 2031; 08:00 in Berlin is 07:00 UTC.
    await tickAt([first, second], "2031-01-13T06:55:00Z");
    expect(mails).toHaveLength(0);
    await tickAt([first, second], "2031-01-13T07:00:00Z");
    expect(perLearner()).toEqual([1, 1]);
    expect(mailsTo(mentor.email)).toHaveLength(1);
    await tickAt([first, second], "2031-01-13T07:05:00Z");

    // One instance dies mid-day and comes back; the rest of the day's ticks send nothing more.
    await kill(first);
    first = await startInstance();
    await tickAt([first, second], "2031-01-13T12:00:00Z");
    await tickAt([first, second], "2031-01-13T21:55:00Z");
    expect(perLearner()).toEqual([1, 1]);
    expect(mailsTo(mentor.email)).toHaveLength(1);

    // Tuesday: no tick from before 08:00 until 10:30 (a missed hour); the first ticks after send the day's reminder, late, once.
    await tickAt([first, second], "2031-01-14T06:55:00Z");
    await tickAt([first, second], "2031-01-14T09:30:00Z");
    await tickAt([first, second], "2031-01-14T09:35:00Z");
    expect(perLearner()).toEqual([2, 2]);
    expect(mailsTo(mentor.email)).toHaveLength(1);
    expect(mails).toHaveLength(5);

    const deliveries = await db.reminderDelivery.findMany({
      where: { userId: { in: learners.map((l) => l.id) } },
      select: { day: true, outcome: true },
      orderBy: { day: "asc" },
    });
    expect(deliveries).toEqual([
      { day: "2031-01-13", outcome: "sent" },
      { day: "2031-01-13", outcome: "sent" },
      { day: "2031-01-14", outcome: "sent" },
      { day: "2031-01-14", outcome: "sent" },
    ]);
    expect(await db.mentorDigestDelivery.findMany({ where: { userId: mentor.id }, select: { week: true, outcome: true } })).toEqual([
      { week: "2031-W03", outcome: "sent" },
    ]);
  }, 120_000);
});
