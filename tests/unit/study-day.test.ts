import { describe, expect, it } from "vitest";
import { isValidTimeZone, studyDay } from "@/lib/scheduling/study-day";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const hoursOf = (day: { start: Date; end: Date }) => (day.end.getTime() - day.start.getTime()) / HOUR;

/** The study day containing `now`, as ISO strings, for compact expectations. */
function dayOf(now: string, timeZone: string, hour = 4) {
  const day = studyDay(at(now), timeZone, hour);
  return { date: day.date, start: day.start.toISOString(), end: day.end.toISOString() };
}

describe("the study day starts at 04:00 in the learner's time zone", () => {
  it.each([
    // zone, last moment of the previous day, first moment of the new day, new day's date, its end
    ["UTC", "2026-11-25T03:59:59.999Z", "2026-11-25T04:00:00.000Z", "2026-11-25", "2026-11-26T04:00:00.000Z"],
    ["Europe/Berlin", "2026-01-15T02:59:59.999Z", "2026-01-15T03:00:00.000Z", "2026-01-15", "2026-01-16T03:00:00.000Z"], // CET +1
    ["Europe/Berlin", "2026-07-15T01:59:59.999Z", "2026-07-15T02:00:00.000Z", "2026-07-15", "2026-07-16T02:00:00.000Z"], // CEST +2
    ["America/New_York", "2026-01-15T08:59:59.999Z", "2026-01-15T09:00:00.000Z", "2026-01-15", "2026-01-16T09:00:00.000Z"], // EST -5
    ["America/New_York", "2026-07-15T07:59:59.999Z", "2026-07-15T08:00:00.000Z", "2026-07-15", "2026-07-16T08:00:00.000Z"], // EDT -4
    ["Asia/Kolkata", "2026-11-24T22:29:59.999Z", "2026-11-24T22:30:00.000Z", "2026-11-25", "2026-11-25T22:30:00.000Z"], // +5:30
    ["Pacific/Auckland", "2026-11-24T14:59:59.999Z", "2026-11-24T15:00:00.000Z", "2026-11-25", "2026-11-25T15:00:00.000Z"], // NZDT +13
    ["Pacific/Auckland", "2026-07-14T15:59:59.999Z", "2026-07-14T16:00:00.000Z", "2026-07-15", "2026-07-15T16:00:00.000Z"], // NZST +12
  ])("%s: %s is the day before, %s starts %s", (zone, before, start, date, end) => {
    expect(dayOf(start, zone)).toEqual({ date, start, end });
    const previous = dayOf(before, zone);
    expect(previous.end).toBe(start);
    expect(previous.date < date).toBe(true);
    expect(hoursOf(studyDay(at(before), zone, 4))).toBe(24);
    // anywhere inside the day gives the same day
    expect(dayOf(new Date(at(start).getTime() + 20 * HOUR).toISOString(), zone)).toEqual({ date, start, end });
  });

  it("counts a late-night session as the day it started (before 04:00 it is still yesterday)", () => {
    // 01:30 in Berlin on 26 Nov is still the study day of 25 Nov
    expect(dayOf("2026-11-26T00:30:00Z", "Europe/Berlin").date).toBe("2026-11-25");
    // 23:30 on 25 Nov in New York is 04:30 UTC on 26 Nov: still the 25th there
    expect(dayOf("2026-11-26T04:30:00Z", "America/New_York").date).toBe("2026-11-25");
    // while in Auckland the same instant is already the afternoon of the 26th
    expect(dayOf("2026-11-26T04:30:00Z", "Pacific/Auckland").date).toBe("2026-11-26");
  });
});

describe("days across a DST change are 23 or 25 hours long", () => {
  it.each([
    // spring forward: the clock skips an hour during the night, so the study day that contains it is 23 hours
    [
      "Europe/Berlin",
      "2026-03-28T12:00:00Z",
      { date: "2026-03-28", start: "2026-03-28T03:00:00.000Z", end: "2026-03-29T02:00:00.000Z" },
      23,
    ],
    [
      "America/New_York",
      "2026-03-07T12:00:00Z",
      { date: "2026-03-07", start: "2026-03-07T09:00:00.000Z", end: "2026-03-08T08:00:00.000Z" },
      23,
    ],
    [
      "Pacific/Auckland",
      "2026-09-26T12:00:00Z",
      { date: "2026-09-26", start: "2026-09-25T16:00:00.000Z", end: "2026-09-26T15:00:00.000Z" },
      23,
    ],
    // fall back: one hour happens twice, 25 hours
    [
      "Europe/Berlin",
      "2026-10-24T12:00:00Z",
      { date: "2026-10-24", start: "2026-10-24T02:00:00.000Z", end: "2026-10-25T03:00:00.000Z" },
      25,
    ],
    [
      "America/New_York",
      "2026-10-31T12:00:00Z",
      { date: "2026-10-31", start: "2026-10-31T08:00:00.000Z", end: "2026-11-01T09:00:00.000Z" },
      25,
    ],
    [
      "Pacific/Auckland",
      "2026-04-04T12:00:00Z",
      { date: "2026-04-04", start: "2026-04-03T15:00:00.000Z", end: "2026-04-04T16:00:00.000Z" },
      25,
    ],
  ])("%s around %s", (zone, now, expected, hours) => {
    expect(dayOf(now, zone)).toEqual(expected);
    expect(hoursOf(studyDay(at(now), zone, 4))).toBe(hours);
    // the next day is back to 24 hours and starts where this one ends
    const next = studyDay(at(expected.end), zone, 4);
    expect(next.start.toISOString()).toBe(expected.end);
    expect(hoursOf(next)).toBe(24);
  });

  it("puts the moments around the skipped and the repeated hour in the right day", () => {
    // New York, 8 Mar: 01:59 EST (06:59Z) then 03:00 EDT (07:00Z); the day starts at 04:00 EDT (08:00Z)
    expect(dayOf("2026-03-08T07:59:59Z", "America/New_York").date).toBe("2026-03-07");
    expect(dayOf("2026-03-08T08:00:00Z", "America/New_York").date).toBe("2026-03-08");
    // New York, 1 Nov: 01:00-01:59 happens twice (05:00Z EDT, 06:00Z EST); the day starts at 04:00 EST (09:00Z)
    expect(dayOf("2026-11-01T05:30:00Z", "America/New_York").date).toBe("2026-10-31");
    expect(dayOf("2026-11-01T06:30:00Z", "America/New_York").date).toBe("2026-10-31");
    expect(dayOf("2026-11-01T08:59:59Z", "America/New_York").date).toBe("2026-10-31");
    expect(dayOf("2026-11-01T09:00:00Z", "America/New_York").date).toBe("2026-11-01");
  });
});

describe("dayStartHour 0: the calendar day", () => {
  it("starts at midnight", () => {
    expect(dayOf("2026-11-25T23:59:59.999Z", "UTC", 0)).toEqual({
      date: "2026-11-25",
      start: "2026-11-25T00:00:00.000Z",
      end: "2026-11-26T00:00:00.000Z",
    });
    expect(dayOf("2026-11-26T00:00:00Z", "UTC", 0).date).toBe("2026-11-26");
    expect(dayOf("2026-11-25T22:59:59Z", "Europe/Berlin", 0).date).toBe("2026-11-25");
    expect(dayOf("2026-11-25T23:00:00Z", "Europe/Berlin", 0)).toEqual({
      date: "2026-11-26",
      start: "2026-11-25T23:00:00.000Z",
      end: "2026-11-26T23:00:00.000Z",
    });
    expect(dayOf("2026-11-25T18:29:59Z", "Asia/Kolkata", 0).date).toBe("2026-11-25");
    expect(dayOf("2026-11-25T18:30:00Z", "Asia/Kolkata", 0).date).toBe("2026-11-26");
  });

  it("is 23 and 25 hours long on DST days", () => {
    expect(hoursOf(studyDay(at("2026-03-08T12:00:00Z"), "America/New_York", 0))).toBe(23);
    expect(hoursOf(studyDay(at("2026-11-01T12:00:00Z"), "America/New_York", 0))).toBe(25);
    expect(hoursOf(studyDay(at("2026-03-29T12:00:00Z"), "Europe/Berlin", 0))).toBe(23);
    expect(hoursOf(studyDay(at("2026-10-25T12:00:00Z"), "Europe/Berlin", 0))).toBe(25);
  });
});

describe("a start hour the clock skips or repeats", () => {
  it("starts the day when the clock jumps past a skipped start hour", () => {
    // Berlin, 29 Mar: 02:00 CET does not exist; the clock jumps from 01:59:59 CET (00:59:59Z) to 03:00 CEST (01:00Z)
    expect(dayOf("2026-03-29T00:59:59Z", "Europe/Berlin", 2)).toEqual({
      date: "2026-03-28",
      start: "2026-03-28T01:00:00.000Z",
      end: "2026-03-29T01:00:00.000Z",
    });
    expect(dayOf("2026-03-29T01:00:00Z", "Europe/Berlin", 2)).toEqual({
      date: "2026-03-29",
      start: "2026-03-29T01:00:00.000Z",
      end: "2026-03-30T00:00:00.000Z",
    });
    // Santiago, 6 Sep: midnight does not exist; 23:59:59 -04 (03:59:59Z) is followed by 01:00 -03 (04:00Z)
    expect(dayOf("2026-09-06T03:59:59Z", "America/Santiago", 0).end).toBe("2026-09-06T04:00:00.000Z");
    expect(dayOf("2026-09-06T04:00:00Z", "America/Santiago", 0)).toMatchObject({ date: "2026-09-06", start: "2026-09-06T04:00:00.000Z" });
  });

  it("starts the day at the first of a repeated start hour", () => {
    // Berlin, 25 Oct: 02:00-02:59 happens twice, first in CEST (00:00Z), then in CET (01:00Z)
    expect(dayOf("2026-10-24T23:59:59Z", "Europe/Berlin", 2).date).toBe("2026-10-24");
    for (const now of ["2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"]) {
      expect(dayOf(now, "Europe/Berlin", 2)).toEqual({
        date: "2026-10-25",
        start: "2026-10-25T00:00:00.000Z",
        end: "2026-10-26T01:00:00.000Z",
      });
    }
  });
});

describe("every instant belongs to exactly one study day", () => {
  // the days around each zone's DST changes in 2026 (an ordinary day for zones without DST)
  const changes: [string, string[]][] = [
    ["UTC", ["2026-03-29"]],
    ["Asia/Kolkata", ["2026-03-29"]],
    ["Europe/Berlin", ["2026-03-29", "2026-10-25"]],
    ["America/New_York", ["2026-03-08", "2026-11-01"]],
    ["Pacific/Auckland", ["2026-04-05", "2026-09-27"]],
    ["America/Santiago", ["2026-04-05", "2026-09-06"]], // changes at midnight
    ["Australia/Lord_Howe", ["2026-04-05", "2026-10-04"]], // half-hour changes
  ];

  it.each(changes)(
    "%s: start <= now < end, 23-25 hours, each day starts where the last ended",
    (zone, dates) => {
      for (const hour of [0, 1, 2, 3, 4, 23]) {
        for (const date of dates) {
          const from = at(`${date}T00:00:00Z`).getTime() - 2 * 24 * HOUR;
          let previous = studyDay(new Date(from), zone, hour);
          for (let t = from; t < from + 4 * 24 * HOUR; t += 43 * 60_000) {
            const day = studyDay(new Date(t), zone, hour);
            const where = `${zone} hour ${hour} at ${new Date(t).toISOString()}`;
            expect(day.start.getTime(), where).toBeLessThanOrEqual(t);
            expect(day.end.getTime(), where).toBeGreaterThan(t);
            expect([23, 23.5, 24, 24.5, 25], where).toContain(hoursOf(day));
            if (day.date !== previous.date) {
              expect(day.start.getTime(), where).toBe(previous.end.getTime());
              expect(day.date > previous.date, where).toBe(true);
            } else {
              expect(day, where).toEqual(previous);
            }
            previous = day;
          }
        }
      }
    },
    30_000,
  );
});

describe("isValidTimeZone", () => {
  it("knows IANA zones and refuses anything else", () => {
    for (const zone of ["UTC", "Europe/Berlin", "Asia/Kolkata", "Pacific/Auckland"]) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus", "", "Europe/Berlinn"]) expect(isValidTimeZone(zone)).toBe(false);
  });
});
