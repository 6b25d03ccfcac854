// What a valid deck and card are: one set of rules shared by the Markdown importer, the seed and
// (later) the deck editor's forms.
import { z } from "zod";
import { markdownBudget } from "../markdown/budget";

/** The fixed tag vocabulary: small, so learners can filter by it and stats can group by it. */
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
export type Tag = (typeof TAGS)[number];

export const VISIBILITIES = ["private", "link", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const CARD_TEXT_MAX = 20_000;
export const CARDS_PER_IMPORT_MAX = 1_000;
/**
 * A deck file is at most 2 MB (of UTF-8). Server actions accept bodies up to 3 MB (next.config.ts),
 * so a file within this limit always reaches the importer, which says what is wrong with it.
 */
export const DECK_FILE_MAX_BYTES = 2_000_000;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A slug uses lowercase letters, digits and single hyphens, like args-and-kwargs.")
  .min(3, "A slug has at least 3 characters.")
  .max(80, "A slug has at most 80 characters.");

export const tagSchema = z.enum(TAGS, { error: (issue) => `Unknown tag "${String(issue.input)}". Use one of: ${TAGS.join(", ")}.` });

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

export const cardContentSchema = z.object({
  slug: slugSchema,
  front: questionSchema("The question is empty."),
  back: answerSchema,
  tags: z.array(tagSchema).max(6, "A card has at most 6 tags."),
});
export type CardContent = z.infer<typeof cardContentSchema>;

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
