// Mentors' weekly digest below the UI: saved from the dashboard's action for the deck's owner only;
// the tick against a real database and a real SMTP server started here (smtp-server), the mail
// parsed (mailparser): the dashboard's figures by the mentor's names, no mentee's email, no answer;
// once a week whatever ticks come; a week without mentees skipped; the unsubscribe links.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { remindersSettled } from "@/lib/reminders/deliver";
import { runDigestTick } from "@/lib/reminders/digest";
import { getDigestSettings } from "@/lib/reminders/digest-settings";
import { unsubscribeToken } from "@/lib/reminders/unsubscribe";
import { db } from "@/lib/server/db";
import { insertReviewLog, makeDeck, makeUser } from "./helpers";
import { smtpInbox } from "./smtp-inbox";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/accounts/auth", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST: oneClick } = await import("@/app/reminders/digest/unsubscribe/one-click/route");
const { unsubscribeDigestAction } = await import("@/app/reminders/digest/unsubscribe/actions");
const { saveDigestAction, sendTestDigestAction } = await import("@/app/decks/[deckKey]/dashboard/actions");

const smtp = smtpInbox();
const { mails } = smtp;

const FAST = { retry: { attempts: 2, delaysMs: [0] } };
// Monday 13 January 2031, 08:00 in Berlin (UTC+1).
const MONDAY_EIGHT = new Date("2031-01-13T07:00:00Z");
const DAY = 24 * 3600_000;
const daysBefore = (n: number) => new Date(MONDAY_EIGHT.getTime() - n * DAY);

beforeAll(async () => {
  await smtp.listen();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => {
  vi.stubEnv("SMTP_URL", smtp.url());
  vi.stubEnv("AUTH_URL", "https://drill.example");
  vi.stubEnv("AUTH_SECRET", "digest-test-secret-0123456789abcdef");
  mails.length = 0;
});
afterEach(async () => {
  vi.unstubAllEnvs();
  session.user = null;
  // The tick reads every digest: each test's digests stop here so the next test counts its own.
  await db.mentorDigest.updateMany({ data: { enabled: false } });
});

const mailsTo = smtp.to;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/**
 * A mentor in Berlin with a deck and two mentees who joined through their invites: Alice (whom the
 * mentor calls "Ali"), who missed a card and one of its key points this week, and Bob, who joined
 * two days ago and studied once. A third learner joined through another mentor's invite.
 */
async function mentorWithMentees() {
  const mentor = await makeUser("mentor");
  await db.studySettings.create({ data: { userId: mentor.id, timeZone: "Europe/Berlin" } });
  const otherMentor = await makeUser("other-mentor");
  const alice = await makeUser("Alice");
  const bob = await makeUser("Bob");
  const stranger = await makeUser("Stranger");
  const deck = await makeDeck(mentor.id, { cards: 3 });
  const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, select: { id: true, deckId: true } });
  await db.deckMember.create({
    data: { deckId: deck.id, userId: alice.id, role: "mentee", invitedById: mentor.id, joinedAt: daysBefore(30), nickname: "Ali" },
  });
  await db.deckMember.create({
    data: { deckId: deck.id, userId: bob.id, role: "mentee", invitedById: mentor.id, joinedAt: daysBefore(2) },
  });
  await db.deckMember.create({
    data: { deckId: deck.id, userId: stranger.id, role: "mentee", invitedById: otherMentor.id, joinedAt: daysBefore(3) },
  });
  await insertReviewLog(alice.id, cards[0]!, 1, daysBefore(2));
  await db.reviewLog.updateMany({
    where: { userId: alice.id },
    data: { pointsShown: "Big-O of the lookup\nHash collisions", pointsMissed: "Hash collisions" },
  });
  await insertReviewLog(alice.id, cards[1]!, 3, daysBefore(1));
  await insertReviewLog(bob.id, cards[1]!, 3, daysBefore(1));
  await insertReviewLog(stranger.id, cards[0]!, 1, daysBefore(1));
  return { mentor, otherMentor, alice, bob, stranger, deck };
}

async function turnOn(mentor: { id: string; email: string }, deckId: string, weekday = "1", hour = "8") {
  session.user = mentor;
  expect(await saveDigestAction(null, form({ deckId, enabled: "on", weekday, hour }))).toEqual({ ok: true, data: true });
  session.user = null;
}

describe("the weekly digest", () => {
  it("goes once a week to a mentor with two mentees: who studied, by the mentor's names, the missed card, the new joiner; no email address", async () => {
    const { mentor, alice, bob, stranger, deck } = await mentorWithMentees();
    await turnOn(mentor, deck.id);

    expect(await runDigestTick(new Date(MONDAY_EIGHT.getTime() - 60_000), FAST)).toEqual({ sent: 0, nothingToSend: 0, failed: 0 });
    expect(await runDigestTick(MONDAY_EIGHT, FAST)).toEqual({ sent: 1, nothingToSend: 0, failed: 0 });
    const [mail] = mailsTo(mentor.email);
    expect(mails).toHaveLength(1);
    expect(mail!.subject).toBe(`Drill: your mentees on ${deck.title} this week`);
    const text = mail!.text!;
    expect(text).toContain(`This week on ${deck.title}: 2 of 2 mentees studied.`);
    expect(text).toContain("Studied: Ali (2 reviews), Bob (1 review).");
    expect(text).toContain("- Question 0?: 1 of 2 mentees missed it; key points missed most: Hash collisions (1 of 1)");
    expect(text).toContain("New this week: Bob.");
    expect(text).toContain(`Open the dashboard: https://drill.example/decks/${deck.id}/dashboard`);
    // Nothing the dashboard doesn't show: no email address, no answer, nobody else's mentee.
    const raw = [text, ...mail!.headerLines.map((h) => h.line)].join("\n");
    for (const email of [alice.email, bob.email, stranger.email]) expect(raw).not.toContain(email);
    expect(text).not.toMatch(/@example\.test|Answer \d|Stranger|Alice/);

    // Later ticks that week, on the same day and days later, send nothing; the next Monday one more.
    expect((await runDigestTick(new Date(MONDAY_EIGHT.getTime() + 5 * 60_000), FAST)).sent).toBe(0);
    await turnOn(mentor, deck.id, "4");
    expect((await runDigestTick(new Date("2031-01-16T07:00:00Z"), FAST)).sent).toBe(0);
    await turnOn(mentor, deck.id);
    expect((await runDigestTick(new Date(MONDAY_EIGHT.getTime() + 7 * DAY), FAST)).sent).toBe(1);
    expect(mailsTo(mentor.email)).toHaveLength(2);
  });

  it("two ticks at the same moment send one digest; a deck without mentees is skipped that week", async () => {
    const { mentor, deck } = await mentorWithMentees();
    const lonely = await makeDeck(mentor.id, { cards: 1 });
    await turnOn(mentor, deck.id);
    await turnOn(mentor, lonely.id);
    const reports = await Promise.all([runDigestTick(MONDAY_EIGHT, FAST), runDigestTick(MONDAY_EIGHT, FAST)]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(reports.reduce((sum, r) => sum + r.nothingToSend, 0)).toBe(1);
    expect(mailsTo(mentor.email)).toHaveLength(1);
    expect(
      await db.mentorDigestDelivery.findMany({ where: { userId: mentor.id }, select: { deckId: true, week: true, outcome: true } }),
    ).toEqual(
      expect.arrayContaining([
        { deckId: deck.id, week: "2031-W03", outcome: "sent" },
        { deckId: lonely.id, week: "2031-W03", outcome: "nothing" },
      ]),
    );
  });

  it("a week claimed by an instance that stopped before sending goes out once, 30 minutes on, not before", async () => {
    const { mentor, deck } = await mentorWithMentees();
    await turnOn(mentor, deck.id);
    await db.mentorDigestDelivery.create({ data: { userId: mentor.id, deckId: deck.id, week: "2031-W03", createdAt: MONDAY_EIGHT } });
    const minutesOn = (minutes: number) => new Date(MONDAY_EIGHT.getTime() + minutes * 60_000);
    expect((await runDigestTick(minutesOn(10), FAST)).sent).toBe(0); // it may still be sending
    const reports = await Promise.all([runDigestTick(minutesOn(31), FAST), runDigestTick(minutesOn(31), FAST)]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect((await runDigestTick(minutesOn(70), FAST)).sent).toBe(0);
    expect(mailsTo(mentor.email)).toHaveLength(1);
  });

  it("its one-click link stops that deck's digest only, signed out; the body's link page too; other tokens do nothing", async () => {
    const { mentor, deck } = await mentorWithMentees();
    const other = await mentorWithMentees();
    const second = await makeDeck(mentor.id, { cards: 1 });
    await turnOn(mentor, deck.id);
    await turnOn(mentor, second.id);
    await turnOn(other.mentor, other.deck.id);
    await runDigestTick(MONDAY_EIGHT, FAST);
    const [mail] = mailsTo(mentor.email);
    const header = (key: string) => mail!.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const target = /^<(https:\/\/[^>]+)>$/.exec(header("list-unsubscribe") ?? "")?.[1] ?? "";
    expect(target).toMatch(/^https:\/\/drill\.example\/reminders\/digest\/unsubscribe\/one-click\?token=/);
    const post = (url: string, body = "List-Unsubscribe=One-Click") =>
      oneClick(new Request(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }), {});

    // A daily reminder's token, a forged one, or a POST without the one-click body change nothing.
    const token = new URL(target).searchParams.get("token")!;
    const forged = `${other.mentor.id}.${other.deck.id}.${token.split(".")[2]}`;
    expect((await post(`https://drill.example/x?token=${unsubscribeToken(mentor.id)}`)).status).toBe(400);
    expect((await post(`https://drill.example/x?token=${forged}`)).status).toBe(400);
    expect((await post(target, "")).status).toBe(400);
    expect(await unsubscribeDigestAction(null, { token: forged })).toMatchObject({ ok: false, error: expect.stringMatching(/not valid/) });
    expect((await getDigestSettings(mentor, deck.id))?.enabled).toBe(true);
    expect((await getDigestSettings(other.mentor, other.deck.id))?.enabled).toBe(true);

    expect((await post(target)).status).toBe(200);
    expect(await getDigestSettings(mentor, deck.id)).toEqual({ enabled: false, weekday: 1, hour: 8 });
    expect((await getDigestSettings(mentor, second.id))?.enabled).toBe(true);
    expect((await getDigestSettings(other.mentor, other.deck.id))?.enabled).toBe(true);

    // The body's link names a page whose button does the same, signed out.
    const page = new URL(/https:\/\/drill\.example\/reminders\/digest\/unsubscribe\?token=\S+/.exec(mail!.text!)![0]);
    await turnOn(mentor, deck.id);
    expect(await unsubscribeDigestAction(null, { token: page.searchParams.get("token")! })).toEqual({ ok: true, data: undefined });
    expect((await getDigestSettings(mentor, deck.id))?.enabled).toBe(false);
    expect((await getDigestSettings(mentor, second.id))?.enabled).toBe(true);
  });

  it("only the deck's owner turns its digest on; bad input is refused with a reason, writing nothing", async () => {
    const { mentor, alice, deck } = await mentorWithMentees();
    session.user = alice;
    expect(await saveDigestAction(null, form({ deckId: deck.id, enabled: "on", weekday: "1", hour: "8" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not found/),
    });
    expect(await getDigestSettings(alice, deck.id)).toBeNull();
    session.user = mentor;
    expect(await saveDigestAction(null, form({ deckId: deck.id, enabled: "on", weekday: "7", hour: "24" }))).toMatchObject({
      ok: false,
      fieldErrors: { weekday: [expect.any(String)], hour: [expect.any(String)] },
    });
    session.user = null;
    expect(await saveDigestAction(null, form({ deckId: deck.id, enabled: "on", weekday: "1", hour: "8" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/session/),
    });
    expect(await db.mentorDigest.count({ where: { deckId: deck.id } })).toBe(0);
    expect(await getDigestSettings(mentor, deck.id)).toEqual({ enabled: false, weekday: 1, hour: 8 });
  });

  it("a test digest goes to the deck's owner at once, not counted as the week's; anyone else is told the deck is not found", async () => {
    const { mentor, alice, deck } = await mentorWithMentees();
    session.user = alice;
    expect(await sendTestDigestAction(null, form({ deckId: deck.id }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not found/),
    });
    session.user = mentor;
    expect(await sendTestDigestAction(null, form({ deckId: deck.id }))).toEqual({ ok: true, data: undefined });
    await remindersSettled();
    expect(mails).toHaveLength(1);
    expect(mailsTo(mentor.email)[0]?.text).toContain("Studied: Ali (2 reviews), Bob (1 review).");
    await turnOn(mentor, deck.id);
    expect((await runDigestTick(MONDAY_EIGHT, FAST)).sent).toBe(1);
  });
});
