// The mentor's weekly digest, pure: when the week's digest is due (the mentor's weekday and hour,
// both sides of a DST change, late but never a day late) and what it says from dashboard figures.
import { describe, expect, it } from "vitest";
import { digestMessage, digestTiming, isoWeek, type DigestFigures, type DigestSchedule } from "@/lib/reminders/digest-plan";

const mondayEightBerlin: DigestSchedule = { enabled: true, weekday: 1, hour: 8, timeZone: "Europe/Berlin" };

describe("isoWeek", () => {
  it.each([
    ["2026-12-06", "2026-W49"],
    ["2026-12-31", "2026-W53"],
    ["2027-01-03", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    ["2024-12-30", "2025-W01"],
    ["2027-03-29", "2027-W13"],
  ])("%s is in %s", (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
});

describe("digestTiming", () => {
  it.each([
    // [case, schedule changes, now (UTC), due?, week]
    ["Monday 07:59 Berlin in winter: not yet", {}, "2027-03-22T06:59:00Z", false, "2027-W12"],
    ["Monday 08:00 Berlin in winter (UTC+1)", {}, "2027-03-22T07:00:00Z", true, "2027-W12"],
    ["the Monday after the March change, 07:59 CEST: not yet", {}, "2027-03-29T05:59:00Z", false, "2027-W13"],
    ["the Monday after the March change, 08:00 CEST is 06:00 UTC", {}, "2027-03-29T06:00:00Z", true, "2027-W13"],
    ["the Monday before the October change, 08:00 CEST is 06:00 UTC", {}, "2027-10-25T06:00:00Z", true, "2027-W43"],
    ["the Monday after the October change, 06:00 UTC is 07:00 CET: not yet", {}, "2027-11-01T06:00:00Z", false, "2027-W44"],
    ["the Monday after the October change, 08:00 CET is 07:00 UTC", {}, "2027-11-01T07:00:00Z", true, "2027-W44"],
    ["late the same Monday (a missed hour, a restart): still due", {}, "2027-03-29T21:59:00Z", true, "2027-W13"],
    ["past local midnight, Tuesday: the day is over, not caught up", {}, "2027-03-29T22:00:00Z", false, "2027-W13"],
    ["Sunday, the day before", {}, "2027-03-28T12:00:00Z", false, "2027-W12"],
    ["off", { enabled: false }, "2027-03-22T07:00:00Z", false, "2027-W12"],
    [
      "Sunday 02:00 on the day the clock skips it: due when it jumps to 03:00",
      { weekday: 0, hour: 2 },
      "2027-03-28T01:00:00Z",
      true,
      "2027-W12",
    ],
    ["Sunday 01:59 CET that day: not yet", { weekday: 0, hour: 2 }, "2027-03-28T00:59:00Z", false, "2027-W12"],
    ["Monday 07:00 in Tokyo is Sunday 22:00 UTC", { timeZone: "Asia/Tokyo", hour: 7 }, "2027-01-10T22:00:00Z", true, "2027-W02"],
    ["Monday 06:59 in Tokyo: not yet", { timeZone: "Asia/Tokyo", hour: 7 }, "2027-01-10T21:59:00Z", false, "2027-W02"],
  ])("%s", (_case, changes, now, due, week) => {
    const timing = digestTiming({ ...mondayEightBerlin, ...changes }, new Date(now));
    expect(timing.due).toBe(due);
    expect(timing.week).toBe(week);
  });

  it("is due at the hour's instant, the same local hour on both sides of the change", () => {
    const before = digestTiming(mondayEightBerlin, new Date("2027-03-22T09:00:00Z"));
    const after = digestTiming(mondayEightBerlin, new Date("2027-03-29T09:00:00Z"));
    expect(before).toEqual({ due: true, week: "2027-W12", at: new Date("2027-03-22T07:00:00Z") });
    expect(after).toEqual({ due: true, week: "2027-W13", at: new Date("2027-03-29T06:00:00Z") });
  });
});

const NOW = new Date("2027-03-22T07:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 3600_000);

const figures: DigestFigures = {
  deck: { title: "System design" },
  mentees: [
    { name: "Ana", joinedAt: daysAgo(40), reviews7d: 12, lastActive: daysAgo(1), interviews: [] },
    {
      name: "Bo",
      joinedAt: daysAgo(30),
      reviews7d: 1,
      lastActive: daysAgo(5),
      interviews: [
        { userId: "u2", at: new Date(NOW.getTime() + 8.5 * 24 * 3600_000), timeZone: "UTC", target: 0.9, now: 0.42, onPlan: 0.6 },
      ],
    },
    { name: "Cy", joinedAt: daysAgo(2), reviews7d: 0, lastActive: null, interviews: [] },
    { name: "Di", joinedAt: daysAgo(20), reviews7d: 0, lastActive: null, interviews: [] },
  ],
  cards: [
    {
      front: "Design a **rate limiter**\nfor an API",
      menteesFailed: 2,
      againCount: 3,
      missedPoints: [
        { point: "token bucket", missed: 3, shown: 4 },
        { point: "per-user keys", missed: 1, shown: 4 },
      ],
    },
    { front: "Explain CAP", menteesFailed: 1, againCount: 1, missedPoints: [] },
    { front: "Consistent hashing", menteesFailed: 0, againCount: 0, missedPoints: [] },
  ],
};

describe("digestMessage", () => {
  it("says who studied, who fell behind (idle days, behind plan before an interview), the hardest cards and who joined", () => {
    expect(digestMessage(figures, NOW)).toEqual({
      subject: "Drill: your mentees on System design this week",
      lines: [
        "This week on System design: 2 of 4 mentees studied.",
        "Studied: Ana (12 reviews), Bo (1 review).",
        "",
        "Fell behind:",
        "- Bo: no review in 5 days",
        "- Di: no review since joining",
        "- Bo: 42% ready, 60% on plan, 9 days before their interview",
        "",
        "Cards the group misses most (last 30 days):",
        "- Design a **rate limiter** for an API: 2 of 4 mentees missed it; key points missed most: token bucket (3 of 4); per-user keys (1 of 4)",
        "- Explain CAP: 1 of 4 mentees missed it",
        "",
        "New this week: Cy.",
      ],
    });
  });

  it("a quiet week says so, without empty sections", () => {
    const quiet: DigestFigures = {
      deck: { title: "SQL" },
      mentees: [{ name: "Ana", joinedAt: daysAgo(40), reviews7d: 0, lastActive: daysAgo(2), interviews: [] }],
      cards: [],
    };
    expect(digestMessage(quiet, NOW)?.lines).toEqual(["This week on SQL: 0 of 1 mentee studied."]);
  });

  it("an interview on plan, or just under it, is not a warning", () => {
    const onPlan = {
      ...figures,
      mentees: [
        {
          ...figures.mentees[0]!,
          interviews: [{ userId: "u1", at: daysAgo(-3), timeZone: "UTC", target: 0.9, now: 0.57, onPlan: 0.6 }],
        },
      ],
    };
    expect(digestMessage(onPlan, NOW)?.lines.join("\n")).not.toContain("Fell behind");
  });

  it("no mentees: no digest that week", () => {
    expect(digestMessage({ ...figures, mentees: [] }, NOW)).toBeNull();
  });
});
