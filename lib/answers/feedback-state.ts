// The pure rules of a mentor's feedback on a learner's own answer: whether a mentor may see an
// answer at all, where the feedback stands against the answer's latest wording, and the shape of the
// feedback form (shared by the form, the action and the tests). No database: the queries in
// lib/answers/feedback.ts and sharing.ts put the same rule in their `where`.
import { z } from "zod";
import { KEY_POINTS_MAX, keyPointSchema } from "../decks/schema";
import { markdownBudget } from "../markdown/budget";

/**
 * Whether a mentor may see a learner's answer: only a shared one, only of a mentee the mentor sees on
 * the deck's dashboard (`joinedAt`: lib/decks/mentoring.ts listMentees, each mentee's joining), never
 * their own, and only if shared since the learner joined: a removed mentee who is invited back shares
 * afresh, their old shares stay hidden.
 */
export function mentorMaySee(
  answer: { userId: string; sharedAt: Date | null },
  mentorId: string,
  joinedAt: ReadonlyMap<string, Date>,
): boolean {
  const joined = joinedAt.get(answer.userId);
  return answer.sharedAt !== null && answer.userId !== mentorId && joined !== undefined && answer.sharedAt >= joined;
}

/**
 * Where a shared answer stands for its mentor: "new" (no feedback from them yet), "given" (their
 * feedback is on the current wording), "revised" (the learner changed it after the feedback).
 */
export type FeedbackState = "new" | "given" | "revised";

export function feedbackState(answerRevisedAt: Date, feedback: { answerRevisedAt: Date } | null): FeedbackState {
  if (!feedback) return "new";
  return answerRevisedAt.getTime() > feedback.answerRevisedAt.getTime() ? "revised" : "given";
}

export const VERDICTS = ["strong", "needs-work"] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = { strong: "Strong", "needs-work": "Needs work" };

/** A stored verdict as the app knows it (anything else, such as a hand-edited row, as none). */
export function verdictOf(stored: string | null): Verdict | null {
  return VERDICTS.find((v) => v === stored) ?? null;
}

/** A comment is a few paragraphs of Markdown, not a second answer. */
export const COMMENT_MAX = 5_000;

export const feedbackSchema = z
  .object({
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX, `A comment is at most ${COMMENT_MAX.toLocaleString("en")} characters.`)
      .superRefine((text, ctx) => {
        const budget = markdownBudget(text);
        if (!budget.ok) ctx.addIssue({ code: "custom", message: `This comment is too complex to show: ${budget.reason}` });
      }),
    // One per line, as the form's textarea has them; blank lines are ignored.
    suggestedPoints: z
      .string()
      .max(KEY_POINTS_MAX * 210, "Too much text for a few key points.")
      .transform((text) =>
        text
          .split(/\r\n|\r|\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .pipe(z.array(keyPointSchema).max(KEY_POINTS_MAX, `Suggest at most ${KEY_POINTS_MAX} key points.`)),
    // The radio "none" sends "", and no radio ticked sends nothing: both mean no verdict.
    verdict: z
      .enum(VERDICTS)
      .or(z.literal(""))
      .optional()
      .transform((v) => v || null),
  })
  .refine((f) => f.comment !== "" || f.suggestedPoints.length > 0 || f.verdict !== null, {
    error: "Write a comment, suggest a key point or give a verdict.",
  });
export type FeedbackInput = z.infer<typeof feedbackSchema>;
