import { describe, expect, it } from "vitest";
import { interviewFormSchema } from "@/lib/interviews/schema";

const form = (date: string) => ({
  label: "Acme",
  date,
  time: "09:00",
  timeZone: "Europe/Berlin",
  deckIds: ["deck1"],
  tags: [],
  targetPercent: "90",
});

describe("an interview's date", () => {
  it.each(["2027-02-31", "2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-01-00"])(
    "refuses %s, a day the calendar doesn't have",
    (date) => {
      const parsed = interviewFormSchema.safeParse(form(date));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["date"], message: "That date doesn't exist: check the day and the month." });
    },
  );

  it.each(["2028-02-29", "2027-12-31", "2027-03-28"])("takes %s", (date) => {
    expect(interviewFormSchema.safeParse(form(date)).success).toBe(true);
  });
});
