import { describe, expect, it } from "vitest";
import { inviteSchema } from "@/lib/decks/sharing";
import { ratingSchema } from "@/lib/review/rating/input";
import { studySettingsSchema } from "@/lib/review/settings";

const settings = {
  desiredRetention: "0.9",
  maximumInterval: "36500",
  newPerDay: "10",
  reviewsPerDay: "200",
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: "on",
  dayStartHour: "4",
  timeZone: "Europe/Berlin",
};

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => String(i.path[0]));
}

describe("study settings form", () => {
  it("accepts the defaults as the form sends them", () => {
    expect(studySettingsSchema.safeParse(settings).success).toBe(true);
  });

  // A blank number field used to become 0: "new cards per day" went to 0 without a word.
  it.each(["desiredRetention", "maximumInterval", "newPerDay", "reviewsPerDay", "dayStartHour"])("refuses a blank %s", (field) => {
    expect(fieldErrors(studySettingsSchema.safeParse({ ...settings, [field]: "  " }))).toEqual([field]);
  });

  // "99999999999999999999d" was accepted, and every Again or Hard rating then failed with a 500.
  it.each(["99999999999999999999d", "31d", "0m", "0.5m", "1e3m", "1.234m", "-1m"])("refuses the learning step %s", (step) => {
    expect(fieldErrors(studySettingsSchema.safeParse({ ...settings, learningSteps: step }))).toEqual(["learningSteps"]);
    expect(fieldErrors(studySettingsSchema.safeParse({ ...settings, relearningSteps: step }))).toEqual(["relearningSteps"]);
  });

  it.each(["1m", "30d", "1.5h", "720h", "1m 10m 1d"])("accepts the steps %s", (steps) => {
    expect(studySettingsSchema.safeParse({ ...settings, learningSteps: steps }).success).toBe(true);
  });
});

describe("invite form", () => {
  it("reads a blank expiry as no expiry, and refuses text", () => {
    expect(inviteSchema.parse({ label: "", expiresInDays: "" })).toEqual({ label: "" });
    expect(inviteSchema.parse({ label: "", expiresInDays: "7" })).toEqual({ label: "", expiresInDays: 7 });
    expect(fieldErrors(inviteSchema.safeParse({ label: "", expiresInDays: "a week" }))).toEqual(["expiresInDays"]);
  });
});

describe("a rating as JSON", () => {
  const rating = { clientId: "client-0001", cardId: "card1", rating: 3, expectedVersion: 0, durationMs: 1200 };

  it("accepts a well-formed rating, with or without its time", () => {
    expect(ratingSchema.safeParse(rating).success).toBe(true);
    const timed = ratingSchema.parse({ ...rating, reviewedAt: "2026-11-30T21:00:00.000Z" });
    expect(timed.reviewedAt).toEqual(new Date("2026-11-30T21:00:00.000Z"));
  });

  // Loose coercion let "   ", true and null through as numbers and dates.
  it.each([
    ["expectedVersion", "   "],
    ["expectedVersion", true],
    ["expectedVersion", null],
    ["expectedVersion", "1"],
    ["rating", true],
    ["rating", "3"],
    ["rating", 5],
    ["durationMs", "100"],
    ["reviewedAt", null],
    ["reviewedAt", 0],
    ["reviewedAt", "yesterday"],
    ["clientId", "client\u0000-0001"],
    ["cardId", "card 1"],
  ])("refuses %s = %j", (field, value) => {
    expect(fieldErrors(ratingSchema.safeParse({ ...rating, [field]: value }))).toEqual([field]);
  });
});
