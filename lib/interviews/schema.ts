// What a valid interview is, as the add and edit forms send it. Pure: forms, actions and tests use it.
import { z } from "zod";
import { formNumber, optionalFormNumber } from "../form-fields";
import { isValidTimeZone } from "../scheduling/study-day";

export const INTERVIEW_STATUSES = ["open", "done", "cancelled"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** A repeated form field (checkboxes) as a list: one value arrives as a string, none as nothing. */
const list = (item: z.ZodType<string>) => z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(item));
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That isn't one of your decks.");

/** "2027-02-31" has the shape of a date but no day: Date would quietly make it 3 March. */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

export const interviewFormSchema = z.object({
  label: z.string().trim().min(1, "Name the interview, like “Acme, backend engineer”.").max(80, "Keep the name under 80 characters."),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the interview's date.")
    .refine(isCalendarDate, "That date doesn't exist: check the day and the month."),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Choose the interview's time."),
  timeZone: z.string().trim().refine(isValidTimeZone, "That is not a time zone we know, like Europe/Berlin."),
  deckIds: list(id).pipe(z.array(id).min(1, "Choose at least one deck to be ready on.").max(50, "Choose at most 50 decks.")),
  tags: list(z.string().trim().max(40)).pipe(z.array(z.string()).max(50, "Choose at most 50 tags.")),
  targetPercent: formNumber("Enter a share from 50 to 99 percent.", (n) =>
    n.int("Enter a whole percent.").min(50, "Aim for at least 50%.").max(99, "Aim for at most 99%: nobody recalls everything."),
  ),
});
export type InterviewFormInput = z.infer<typeof interviewFormSchema>;

/** The plan's daily limits for one interview (blank: the learner's own settings). */
export const interviewLimitsSchema = z.object({
  newPerDay: optionalFormNumber("Enter a whole number.", (n) =>
    n.int("Enter a whole number.").min(0, "Use 0 or more.").max(1000, "Use at most 1,000."),
  ),
  reviewsPerDay: optionalFormNumber("Enter a whole number.", (n) =>
    n.int("Enter a whole number.").min(0, "Use 0 or more.").max(10000, "Use at most 10,000."),
  ),
});
