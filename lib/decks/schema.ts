// What a valid deck and card are: one set of rules shared by the Markdown importer, the seed and
// (later) the deck editor's forms.
import { z } from "zod";
import { markdownBudget } from "../markdown/budget";

/**
 * The Python deck's tags: the suggestions a new deck starts from. Tags are free-form per deck
 * (tagSchema): a mentor names their own, and Anki's hierarchical "a::b" tags come through as they are.
 */
export const TAGS = [
  "basics",
  "types",
  "functions",
  "oop",
  "concurrency",
  "errors",
  "files",
  "modules",
  "tooling",
  "internals",
  "strings",
  "data-structures",
] as const;
/** A tag: lowercase letters, digits and - _ . + # :, like "system-design", "c++" or "python::asyncio". */
export type Tag = string;
export const TAG_MAX = 40;

export const VISIBILITIES = ["private", "link", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const CARD_TEXT_MAX = 20_000;
export const CARDS_PER_IMPORT_MAX = 1_000;
/**
 * A deck file is at most 2 MB (of UTF-8). Server actions accept bodies up to 3 MB (next.config.mjs),
 * so a file within this limit always reaches the importer, which says what is wrong with it.
 */
export const DECK_FILE_MAX_BYTES = 2_000_000;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A slug uses lowercase letters, digits and single hyphens, like args-and-kwargs.")
  .min(3, "A slug has at least 3 characters.")
  .max(80, "A slug has at most 80 characters.");

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((tag) => tag.replace(/\s+/g, "-"))
  .pipe(
    z
      .string()
      .min(1, "A tag can't be empty.")
      .max(TAG_MAX, `A tag has at most ${TAG_MAX} characters.`)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.+#:-]*$/u, "A tag uses letters, digits and - _ . + # : (like system-design or python::asyncio)."),
  );

/** Card text within the renderer's budget (nesting depth, Markdown markers): see lib/markdown/budget.ts. */
function withinBudget(what: string) {
  return (text: string, ctx: z.RefinementCtx) => {
    const budget = markdownBudget(text);
    if (!budget.ok) ctx.addIssue({ code: "custom", message: `This ${what} is too complex to show: ${budget.reason}` });
  };
}

/** A card's question, as every way of writing one (editor, paste, deck file, seed) checks it. */
export function questionSchema(emptyMessage: string) {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(CARD_TEXT_MAX, `A question is at most ${CARD_TEXT_MAX.toLocaleString("en")} characters.`)
    .superRefine(withinBudget("question"));
}

/** A card's answer (Markdown), as every way of writing one checks it. */
export const answerSchema = z
  .string()
  .trim()
  .max(CARD_TEXT_MAX, `An answer is at most ${CARD_TEXT_MAX.toLocaleString("en")} characters.`)
  .superRefine(withinBudget("answer"));

/** What a learner says first: short enough to say in the first seconds of an answer. */
export const LEAD_MAX_WORDS = 45;
/** The key points an interviewer listens for: a checklist the learner grades themselves by. */
export const KEY_POINTS_MIN = 3;
export const KEY_POINTS_MAX = 6;
/** "About 15 words" each: the deck's own points keep to 15, others get a little slack. */
export const KEY_POINT_MAX_WORDS = 20;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export const leadSchema = z
  .string()
  .trim()
  .max(1_000, "A lead is at most 1,000 characters.")
  .refine((text) => wordCount(text) <= LEAD_MAX_WORDS, {
    error: (issue) =>
      `A lead is at most ${LEAD_MAX_WORDS} words (this one has ${wordCount(String(issue.input))}): say the core, put the rest under More.`,
  })
  .superRefine(withinBudget("lead"));

export const keyPointSchema = z
  .string()
  .trim()
  .min(1, "A key point is empty.")
  .max(200, "A key point is at most 200 characters.")
  .refine((text) => !text.includes("\n"), "A key point is one line.")
  .refine((text) => wordCount(text) <= KEY_POINT_MAX_WORDS, {
    error: (issue) =>
      `A key point is at most ${KEY_POINT_MAX_WORDS} words (this one has ${wordCount(String(issue.input))}): keep what an interviewer listens for.`,
  })
  .superRefine(withinBudget("key point"));

export const keyPointsSchema = z
  .array(keyPointSchema)
  .superRefine((points, ctx) => {
    if (points.length > 0 && (points.length < KEY_POINTS_MIN || points.length > KEY_POINTS_MAX))
      ctx.addIssue({
        code: "custom",
        message: `A card has ${KEY_POINTS_MIN} to ${KEY_POINTS_MAX} key points (this one has ${points.length}).`,
      });
  })
  .refine((points) => new Set(points.map((p) => p.toLowerCase())).size === points.length, "Two key points say the same thing.");

export const cardContentSchema = z
  .object({
    slug: slugSchema,
    front: questionSchema("The question is empty."),
    lead: leadSchema.default(""),
    keyPoints: keyPointsSchema.default([]),
    back: answerSchema,
    tags: z.array(tagSchema).max(6, "A card has at most 6 tags."),
    /** "Answer in your own words": the answer part is guidance and each learner writes their own. */
    ownAnswer: z.boolean().optional(),
  })
  .superRefine(requireLeadWithPoints);
export type CardContent = z.infer<typeof cardContentSchema>;

/** Key points without a lead leave the learner nothing to say first; a lead alone has nothing to check. */
export function requireLeadWithPoints(card: { lead: string; keyPoints: string[] }, ctx: z.RefinementCtx) {
  if (card.keyPoints.length > 0 && !card.lead)
    ctx.addIssue({ code: "custom", path: ["lead"], message: "A card with key points needs a lead: what you say first." });
  if (card.lead && card.keyPoints.length === 0)
    ctx.addIssue({
      code: "custom",
      path: ["keyPoints"],
      message: `A card with a lead needs ${KEY_POINTS_MIN} to ${KEY_POINTS_MAX} key points.`,
    });
}

/** Key points as stored (one per line) and as used. */
export function splitKeyPoints(stored: string): string[] {
  return stored ? stored.split("\n") : [];
}
export function joinKeyPoints(points: readonly string[]): string {
  return points.join("\n");
}

export const deckMetaSchema = z.object({
  title: z.string().trim().min(1, "The deck needs a title.").max(120, "A deck title is at most 120 characters."),
  slug: slugSchema.optional(),
  visibility: z.enum(VISIBILITIES, { error: `Visibility is one of: ${VISIBILITIES.join(", ")}.` }).default("private"),
  source: z.string().trim().max(500, "The source is at most 500 characters.").default(""),
  description: z.string().trim().max(2_000, "A deck description is at most 2,000 characters.").default(""),
});
export type DeckMeta = z.infer<typeof deckMetaSchema>;

/** A slug from free text: "What is __init__.py used for?" -> "what-is-init-py-used-for". */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.slice(0, maxLength).replace(/-+$/, "");
  return cut.length >= 3 ? cut : `card-${cut || "x"}`.padEnd(3, "x");
}

/**
 * A question as a heading and the rest: its first paragraph, then anything after (code to read,
 * say). The deck file writes the rest under "Question:"; the card page shows it under the heading.
 */
export function splitQuestion(front: string): { heading: string; more: string } {
  const split = front.search(/\n\s*\n/);
  return split < 0 ? { heading: front, more: "" } : { heading: front.slice(0, split), more: front.slice(split).trim() };
}
