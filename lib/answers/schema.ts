// What a valid own answer is: one schema shared by the writing form and the server action.
import { z } from "zod";
import { markdownBudget } from "../markdown/budget";
import { CARD_TEXT_MAX } from "../decks/schema";
import { splitOwnPoints } from "./core";

export const OWN_POINTS_MIN = 3;
export const OWN_POINTS_MAX = 5;
export const OWN_POINT_MAX = 200;
/** An answer is as long as a card's answer may be: a story of a few minutes, spoken, fits easily. */
export const OWN_ANSWER_MAX = CARD_TEXT_MAX;

export const ownAnswerBodySchema = z
  .string()
  .trim()
  .min(1, "Write your answer first.")
  .max(OWN_ANSWER_MAX, `An answer is at most ${OWN_ANSWER_MAX.toLocaleString("en")} characters.`)
  .superRefine((text, ctx) => {
    const budget = markdownBudget(text);
    if (!budget.ok) ctx.addIssue({ code: "custom", message: `This answer is too complex to show: ${budget.reason}` });
  });

/** Key points typed one per line: 3 to 5 lines, each short, none twice. Stored as the cleaned lines. */
export const ownPointsSchema = z
  .string()
  .max(OWN_POINTS_MAX * (OWN_POINT_MAX + 2), "Your key points are too long: one short line each.")
  .transform(splitOwnPoints)
  .superRefine((points, ctx) => {
    if (points.length < OWN_POINTS_MIN || points.length > OWN_POINTS_MAX)
      ctx.addIssue({
        code: "custom",
        message: `Write ${OWN_POINTS_MIN} to ${OWN_POINTS_MAX} key points, one per line (you have ${points.length}).`,
      });
    if (points.some((p) => p.length > OWN_POINT_MAX))
      ctx.addIssue({ code: "custom", message: `A key point is at most ${OWN_POINT_MAX} characters.` });
    if (new Set(points.map((p) => p.toLowerCase())).size !== points.length)
      ctx.addIssue({ code: "custom", message: "Two key points say the same thing." });
  })
  .transform((points) => points.join("\n"));

export const ownAnswerSchema = z.object({ body: ownAnswerBodySchema, keyPoints: ownPointsSchema });
export type OwnAnswerInput = z.infer<typeof ownAnswerSchema>;
