// Daily reminders end to end below the UI: the tick against a real database and a real SMTP server
// started here (smtp-server), the mail parsed (mailparser) and its links followed; exactly once with
// ticks at the same time and after a restart; the unsubscribe link; failures retried and logged; and
// nobody touching another learner's settings or subscriptions.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startStudying } from "@/lib/review/studying";
import { runReminderTick } from "@/lib/reminders/tick";
import { getReminderSettings, saveReminderSettings, showsReminderOffer } from "@/lib/reminders/settings";
import { unsubscribeToken } from "@/lib/reminders/unsubscribe";
import { db } from "@/lib/server/db";
import { insertReviewLog, makeDeck, makeUser } from "./helpers";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/accounts/auth", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST: oneClick } = await import("@/app/reminders/unsubscribe/one-click/route");
const { unsubscribeAction } = await import("@/app/reminders/unsubscribe/actions");
const settingsActions = await import("@/app/settings/actions");

const mails: ParsedMail[] = [];
let refuseMail = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    if (refuseMail) {
      stream.resume();
      stream.on("end", () => callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 451 })));
      return;
    }
    simpleParser(stream).then((mail) => {
      mails.push(mail);
      callback();
    }, callback);
  },
});

const FAST = { retry: { attempts: 3, delaysMs: [0] } };
// 08:00 in Berlin in winter is 07:00 UTC.
const AT_EIGHT = new Date("2031-01-15T07:00:00Z");

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});
beforeEach(() => {
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
  vi.stubEnv("AUTH_URL", "https://drill.example");
  vi.stubEnv("AUTH_SECRET", "reminder-test-secret-0123456789abcdef");
  mails.length = 0;
  refuseMail = false;
});
afterEach(async () => {
  vi.unstubAllEnvs();
  // The tick reads every learner: each test's learners stop here so the next test counts its own.
  await db.reminderSettings.updateMany({ data: { enabled: false } });
});

/** A learner in Berlin who studied yesterday, with a studied deck of new cards, reminded at 08:00 by email. */
async function learner(options: { studied?: boolean; hour?: number } = {}) {
  const user = await makeUser("reminded");
  const deck = await makeDeck(user.id, { cards: 6 });
  await startStudying(user, deck.id);
  await db.studySettings.create({ data: { userId: user.id, timeZone: "Europe/Berlin", newPerDay: 4 } });
  if (options.studied ?? true) {
    const card = (await db.card.findFirst({ where: { deckId: deck.id }, select: { id: true, deckId: true } }))!;
    await insertReviewLog(user.id, card, 3, new Date(AT_EIGHT.getTime() - 20 * 3600_000));
  }
  await saveReminderSettings(user.id, { enabled: true, hour: options.hour ?? 8, byEmail: true, byPush: false, pausedUntil: null });
  return user;
}

const mailsTo = (email: string) => mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === email);

describe("the daily reminder by email", () => {
  it("goes at the learner's hour with counts, one /study link and a one-click unsubscribe that works without sign-in", async () => {
    const user = await learner();
    expect((await runReminderTick(new Date(AT_EIGHT.getTime() - 60_000), FAST)).sent).toBe(0);
    expect(await runReminderTick(AT_EIGHT, FAST)).toEqual({ sent: 1, nothingToDo: 0, failed: 0 });
    const [mail] = mailsTo(user.email);
    expect(mail?.subject).toBe("Drill: 4 new cards today");
    expect(mail!.text).toContain("Today in Drill: 4 new cards, about 1 minute.");
    expect(mail!.text).toContain("Your 1-day streak is at stake");
    // Nothing from a card: neither question nor answer.
    expect(mail!.text).not.toMatch(/Question \d|Answer \d/);
    const links = [...mail!.text!.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0]));
    expect(links.filter((l) => l.pathname === "/study").map(String)).toEqual(["https://drill.example/study"]);

    // RFC 8058: the header names a POST target, and the provider's POST turns reminders off.
    const header = (key: string) => mail!.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const target = /^<(https:\/\/[^>]+)>$/.exec(header("list-unsubscribe") ?? "")?.[1] ?? "";
    expect(target).toMatch(/^https:\/\/drill\.example\/reminders\/unsubscribe\/one-click\?token=/);
    const before = await db.studySettings.findUniqueOrThrow({ where: { userId: user.id } });
    const response = await oneClick(
      new Request(target, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      {},
    );
    expect(response.status).toBe(200);
    expect(await getReminderSettings(user.id)).toMatchObject({ enabled: false, hour: 8, byEmail: true });
    // Nothing else changed.
    expect(await db.studySettings.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(before);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("the link in the body opens a page whose button turns reminders off, signed out; a forged or other purpose token does nothing", async () => {
    const user = await learner();
    await runReminderTick(AT_EIGHT, FAST);
    const link = new URL(/https:\/\/drill\.example\/reminders\/unsubscribe\?token=\S+/.exec(mailsTo(user.email)[0]!.text!)![0]);
    expect(link.pathname).toBe("/reminders/unsubscribe");
    const token = link.searchParams.get("token")!;
    session.user = null;

    const other = await learner();
    const forged = `${other.id}.${token.split(".")[1]}`;
    expect(await unsubscribeAction(null, { token: forged })).toMatchObject({ ok: false, error: expect.stringMatching(/not valid/) });
    expect(
      (await oneClick(new Request(`https://drill.example/x?token=${forged}`, { method: "POST", body: "List-Unsubscribe=One-Click" }), {}))
        .status,
    ).toBe(400);
    expect((await oneClick(new Request(`https://drill.example/x?token=${token}`, { method: "POST", body: "" }), {})).status).toBe(400);
    expect((await getReminderSettings(other.id)).enabled).toBe(true);
    expect((await getReminderSettings(user.id)).enabled).toBe(true);

    expect(await unsubscribeAction(null, { token })).toEqual({ ok: true, data: undefined });
    expect((await getReminderSettings(user.id)).enabled).toBe(false);
    expect((await getReminderSettings(other.id)).enabled).toBe(true);
  });
});

describe("exactly once", () => {
  it("two instances ticking at the same moment send one mail; later ticks that day send none; the next day one more", async () => {
    const user = await learner();
    const reports = await Promise.all([runReminderTick(AT_EIGHT, FAST), runReminderTick(AT_EIGHT, FAST), runReminderTick(AT_EIGHT, FAST)]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    await runReminderTick(new Date(AT_EIGHT.getTime() + 5 * 60_000), FAST);
    // After midnight but before the next study day starts (04:00): the same day, not sent again.
    await runReminderTick(new Date("2031-01-16T02:30:00Z"), FAST);
    expect(mailsTo(user.email)).toHaveLength(1);
    await runReminderTick(new Date("2031-01-16T07:00:00Z"), FAST);
    expect(mailsTo(user.email)).toHaveLength(2);
  });

  it("a day claimed by an instance that stopped before sending goes out once, 30 minutes on, not before", async () => {
    const user = await learner();
    // The claim an instance made at 08:00 before it was killed, its mail unsent.
    await db.reminderDelivery.create({ data: { userId: user.id, day: "2031-01-15", kind: "daily", createdAt: AT_EIGHT } });
    const minutesOn = (minutes: number) => new Date(AT_EIGHT.getTime() + minutes * 60_000);
    expect((await runReminderTick(minutesOn(10), FAST)).sent).toBe(0); // it may still be sending
    const reports = await Promise.all([runReminderTick(minutesOn(31), FAST), runReminderTick(minutesOn(31), FAST)]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect((await runReminderTick(minutesOn(70), FAST)).sent).toBe(0);
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it("a tick after a restart late in the day still sends once; a day that is over is not caught up", async () => {
    const user = await learner();
    // The instance was down all morning: the first tick at 22:00 local sends the day's reminder.
    expect((await runReminderTick(new Date("2031-01-15T21:00:00Z"), FAST)).sent).toBe(1);
    expect((await runReminderTick(new Date("2031-01-15T21:05:00Z"), FAST)).sent).toBe(0);
    // Down from before 08:00 on the 16th until after its day ended: nothing for the 16th when it comes back at 05:00 on the 17th.
    expect((await runReminderTick(new Date("2031-01-17T04:00:00Z"), FAST)).sent).toBe(0);
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it("sends nothing before the first review, while paused, or on a day with nothing to study", async () => {
    const never = await learner({ studied: false });
    const paused = await learner();
    await saveReminderSettings(paused.id, { enabled: true, hour: 8, byEmail: true, byPush: false, pausedUntil: "2031-01-15" });
    const idle = await learner();
    await db.deckStudy.deleteMany({ where: { userId: idle.id } });
    const report = await runReminderTick(AT_EIGHT, FAST);
    expect(report.sent).toBe(0);
    expect(report.nothingToDo).toBe(1);
    expect([...mailsTo(never.email), ...mailsTo(paused.email), ...mailsTo(idle.email)]).toEqual([]);
    // The pause ends with its day.
    expect((await runReminderTick(new Date("2031-01-16T07:00:00Z"), FAST)).sent).toBe(1);
    expect(mailsTo(paused.email)).toHaveLength(1);
  });
});

describe("a failing SMTP server", () => {
  it("is tried a bounded number of times, logged without the token or card text, and the day is not retried forever", async () => {
    const user = await learner();
    refuseMail = true;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await runReminderTick(AT_EIGHT, FAST)).toEqual({ sent: 0, nothingToDo: 0, failed: 1 });
    const logged = errors.mock.calls.map((call) => call.join(" "));
    errors.mockRestore();
    expect(logged.filter((line) => line.includes("[reminders] mail"))).toHaveLength(3);
    expect(logged.join("\n")).not.toContain(unsubscribeToken(user.id).split(".")[1]);
    expect(logged.join("\n")).not.toMatch(/Answer \d/);
    refuseMail = false;
    expect((await runReminderTick(new Date(AT_EIGHT.getTime() + 5 * 60_000), FAST)).sent).toBe(0);
    expect(await db.reminderDelivery.findMany({ where: { userId: user.id }, select: { outcome: true } })).toEqual([{ outcome: "failed" }]);
  });
});

describe("settings belong to their learner", () => {
  it("each action changes the signed-in learner's own settings and subscriptions only", async () => {
    const alice = await learner();
    const bob = await makeUser("bob");
    const endpoint = "https://push.example/alice-browser";
    const keys = { p256dh: "B".repeat(87), auth: "a".repeat(22) };
    session.user = alice;
    expect(await settingsActions.savePushSubscriptionAction(null, { endpoint, keys })).toMatchObject({ ok: true });

    session.user = bob;
    const form = new FormData();
    form.set("enabled", "on");
    form.set("hour", "6");
    form.set("byPush", "on");
    expect(await settingsActions.saveRemindersAction(null, form)).toMatchObject({ ok: true });
    expect(await settingsActions.deletePushSubscriptionAction(null, { endpoint })).toMatchObject({ ok: true });
    expect(await db.pushSubscription.count({ where: { endpoint, userId: alice.id } })).toBe(1);
    expect(await getReminderSettings(alice.id)).toMatchObject({ enabled: true, hour: 8, byEmail: true, byPush: false });
    expect(await getReminderSettings(bob.id)).toMatchObject({ enabled: true, hour: 6, byEmail: false, byPush: true });

    // Bad shapes are refused with a reason, writing nothing.
    const bad = new FormData();
    bad.set("enabled", "on");
    bad.set("hour", "25");
    expect(await settingsActions.saveRemindersAction(null, bad)).toMatchObject({
      ok: false,
      fieldErrors: { hour: [expect.any(String)], byEmail: [expect.any(String)] },
    });
    expect(await settingsActions.savePushSubscriptionAction(null, { endpoint: "http://push.example/x", keys })).toMatchObject({
      ok: false,
    });
    expect((await getReminderSettings(bob.id)).hour).toBe(6);

    session.user = null;
    expect(await settingsActions.saveRemindersAction(null, form)).toMatchObject({ ok: false, error: expect.stringMatching(/session/) });
    expect(await settingsActions.sendTestReminderAction(null, {})).toMatchObject({ ok: false });
  });

  it("the Today page offers reminders once the learner has studied, until they answer", async () => {
    const fresh = await makeUser("fresh");
    expect(await showsReminderOffer(fresh.id)).toBe(false);
    const studied = await learner();
    await db.reminderSettings.deleteMany({ where: { userId: studied.id } });
    expect(await showsReminderOffer(studied.id)).toBe(true);
    session.user = studied;
    await settingsActions.closeReminderOfferAction(null, {});
    expect(await showsReminderOffer(studied.id)).toBe(false);
    expect((await getReminderSettings(studied.id)).enabled).toBe(false);
  });
});
