// The daily reminder's pure decisions: when it is due (hour in the learner's zone, both sides of a
// DST change, day boundaries, pauses, never before a first review) and what it says.
import { describe, expect, it } from "vitest";
import { reminderMessage, reminderTiming, type ReminderFacts, type ReminderSchedule } from "@/lib/reminders/plan";

const studied = new Date("2026-01-01T12:00:00Z");
const berlin: ReminderSchedule = {
  enabled: true,
  hour: 8,
  pausedUntil: null,
  timeZone: "Europe/Berlin",
  dayStartHour: 4,
  lastReviewAt: studied,
};

describe("reminderTiming", () => {
  it.each([
    // [case, schedule changes, now (UTC), due?, study day]
    ["07:59 Berlin in winter: not yet", {}, "2027-01-10T06:59:00Z", false, "2027-01-10"],
    ["08:00 Berlin in winter (UTC+1)", {}, "2027-01-10T07:00:00Z", true, "2027-01-10"],
    ["the Saturday before the March change, 08:00 at UTC+1", {}, "2027-03-27T07:00:00Z", true, "2027-03-27"],
    ["the March change day, 07:00 UTC is 09:00 CEST: due", {}, "2027-03-28T07:00:00Z", true, "2027-03-28"],
    ["the March change day, 06:00 UTC is 08:00 CEST: due at 08:00 local", {}, "2027-03-28T06:00:00Z", true, "2027-03-28"],
    ["the March change day, 05:59 UTC is 07:59 CEST: not yet", {}, "2027-03-28T05:59:00Z", false, "2027-03-28"],
    ["the day after the March change, 08:00 CEST is 06:00 UTC", {}, "2027-03-29T06:00:00Z", true, "2027-03-29"],
    ["the October change day, 06:59 UTC is 07:59 CET: not yet", {}, "2027-10-31T06:59:00Z", false, "2027-10-31"],
    ["the October change day, 07:00 UTC is 08:00 CET", {}, "2027-10-31T07:00:00Z", true, "2027-10-31"],
    ["the day before the October change, 08:00 CEST is 06:00 UTC", {}, "2027-10-30T06:00:00Z", true, "2027-10-30"],
    ["late the same evening (missed hour): still due, late", {}, "2027-01-10T22:30:00Z", true, "2027-01-10"],
    ["past midnight but before 04:00: the same study day, still due", {}, "2027-01-11T02:30:00Z", true, "2027-01-10"],
    [
      "04:00 next day: a new study day, its hour not come: the missed day is never caught up",
      {},
      "2027-01-11T03:00:00Z",
      false,
      "2027-01-11",
    ],
    ["off", { enabled: false }, "2027-01-10T07:00:00Z", false, "2027-01-10"],
    ["never studied", { lastReviewAt: null }, "2027-01-10T07:00:00Z", false, "2027-01-10"],
    ["paused until that very day", { pausedUntil: "2027-01-10" }, "2027-01-10T07:00:00Z", false, "2027-01-10"],
    ["paused until the day before", { pausedUntil: "2027-01-09" }, "2027-01-10T07:00:00Z", true, "2027-01-10"],
    ["Tokyo 21:00 is 12:00 UTC", { timeZone: "Asia/Tokyo", hour: 21 }, "2027-01-10T12:00:00Z", true, "2027-01-10"],
    ["Tokyo 20:59 is 11:59 UTC", { timeZone: "Asia/Tokyo", hour: 21 }, "2027-01-10T11:59:00Z", false, "2027-01-10"],
    [
      "a 02:00 reminder with days starting at 04:00 goes at the day's end (next date, 02:00)",
      { hour: 2 },
      "2027-01-11T01:00:00Z",
      true,
      "2027-01-10",
    ],
    ["... and not in the day's morning", { hour: 2 }, "2027-01-10T12:00:00Z", false, "2027-01-10"],
    ["New York 08:00 on its March change day (EDT, UTC-4)", { timeZone: "America/New_York" }, "2027-03-14T12:00:00Z", true, "2027-03-14"],
    ["New York 07:59 EDT", { timeZone: "America/New_York" }, "2027-03-14T11:59:00Z", false, "2027-03-14"],
  ] as const)("%s", (_name, change, now, due, day) => {
    const timing = reminderTiming({ ...berlin, ...change }, new Date(now));
    expect(timing.due).toBe(due);
    expect(timing.day).toBe(day);
  });

  it("gives the reason it is not due", () => {
    expect(reminderTiming({ ...berlin, enabled: false }, new Date("2027-01-10T07:00:00Z"))).toMatchObject({ reason: "off" });
    expect(reminderTiming({ ...berlin, lastReviewAt: null }, new Date("2027-01-10T07:00:00Z"))).toMatchObject({ reason: "never-studied" });
    expect(reminderTiming({ ...berlin, pausedUntil: "2027-02-01" }, new Date("2027-01-10T07:00:00Z"))).toMatchObject({ reason: "paused" });
  });

  it("names the instant it was due (08:00 local on both sides of the changes)", () => {
    const at = (now: string) => (reminderTiming(berlin, new Date(now)) as { at: Date }).at.toISOString();
    expect(at("2027-03-27T12:00:00Z")).toBe("2027-03-27T07:00:00.000Z");
    expect(at("2027-03-28T12:00:00Z")).toBe("2027-03-28T06:00:00.000Z");
    expect(at("2027-10-30T12:00:00Z")).toBe("2027-10-30T06:00:00.000Z");
    expect(at("2027-10-31T12:00:00Z")).toBe("2027-10-31T07:00:00.000Z");
  });
});

const facts: ReminderFacts = { reviews: 12, newCards: 5, minutes: 9, streak: 4, studiedToday: false, interview: null };
const now = new Date("2027-01-10T07:00:00Z");

describe("reminderMessage", () => {
  it.each([
    ["nothing to do: no message", { reviews: 0, newCards: 0 }, null],
    [
      "reviews and new cards, time, streak at stake",
      {},
      ["Today in Drill: 12 reviews and 5 new cards, about 9 minutes.", "Your 4-day streak is at stake: one session today keeps it."],
    ],
    ["one review only, no streak", { reviews: 1, newCards: 0, minutes: 0, streak: 0 }, ["Today in Drill: 1 review, about 1 minute."]],
    [
      "new cards only, studied today already: the streak is safe",
      { reviews: 0, studiedToday: true },
      ["Today in Drill: 5 new cards, about 9 minutes."],
    ],
    [
      "with an interview in 3 days",
      { streak: 0, interview: { label: "Acme backend", at: new Date("2027-01-13T06:00:00Z"), now: 0.614, onPlan: 0.9 } },
      ["Today in Drill: 12 reviews and 5 new cards, about 9 minutes.", "3 days to Acme backend: readiness 61% now, 90% on plan."],
    ],
  ] as const)("%s", (_name, change, lines) => {
    const message = reminderMessage({ ...facts, ...change }, now);
    expect(message?.lines ?? null).toEqual(lines);
  });

  it("has a subject and a short push form with the counts", () => {
    const message = reminderMessage(facts, now)!;
    expect(message.subject).toBe("Drill: 12 reviews and 5 new cards today");
    expect(message.push).toEqual({
      title: "Drill: 12 reviews and 5 new cards today",
      body: "It takes about 9 minutes. Your 4-day streak is at stake: one session today keeps it.",
    });
  });
});
