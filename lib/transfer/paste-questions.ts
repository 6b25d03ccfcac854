// Pasting a list of questions into a deck: the text becomes cards (lib/transfer/paste.ts decides
// how), added after the deck's last card with slugs of their own. All or nothing.
import "server-only";
import { z } from "zod";
import type { Viewer } from "../decks/access";
import { requireEditable } from "../decks/authoring";
import { freeSlug, nextPosition } from "../decks/card-authoring";
import { db } from "../server/db";
import { importRefusal } from "./deck-markdown";
import { renderCardHtml } from "../markdown/render";
import { parsePaste, PASTE_SHAPE_LABEL } from "./paste";

export const PASTE_MAX_CHARS = 200_000;

export const pasteSchema = z.object({
  text: z
    .string()
    .max(PASTE_MAX_CHARS, `Paste at most ${PASTE_MAX_CHARS.toLocaleString("en")} characters at once.`)
    .refine((t) => t.trim().length > 0, "Paste at least one question."),
});

/**
 * Adds the cards a paste makes (lib/transfer/paste.ts): question-and-answer pairs, or questions with
 * empty answers to fill in. All or nothing: any problem adds no cards.
 */
export async function addQuestions(viewer: Viewer, deckId: string, text: string): Promise<{ added: number; answered: number }> {
  await requireEditable(viewer, deckId);
  const parsed = parsePaste(text);
  if (!parsed.ok) {
    throw importRefusal(parsed.errors, "Nothing was added.", "text");
  }
  const taken = new Set((await db.card.findMany({ where: { deckId }, select: { slug: true } })).map((c) => c.slug));
  const start = await nextPosition(deckId);
  const rows = [];
  for (const [i, card] of parsed.deck.cards.entries()) {
    rows.push({ deckId, slug: await freeSlug(deckId, card.front, taken), front: card.front, back: card.back, position: start + i });
  }
  await db.$transaction([db.card.createMany({ data: rows }), db.deck.update({ where: { id: deckId }, data: { updatedAt: new Date() } })]);
  return { added: rows.length, answered: rows.filter((r) => r.back).length };
}

/** Cards a rendered preview shows: enough to see the shape was read right. */
const PREVIEW_CARDS = 5;

/**
 * The first cards a paste makes, rendered as they will show (code blocks, lists, line breaks), with
 * how many it makes and the shape it was read as. Nothing is written.
 */
export async function previewPaste(text: string): Promise<{ cards: number; shape: string; rendered: { front: string; back: string }[] }> {
  const parsed = parsePaste(text);
  if (!parsed.ok) throw importRefusal(parsed.errors, "This can't be added yet.", "text");
  const first = parsed.deck.cards.slice(0, PREVIEW_CARDS);
  return {
    cards: parsed.deck.cards.length,
    shape: PASTE_SHAPE_LABEL[parsed.shape],
    rendered: await Promise.all(
      first.map(async (card) => ({ front: await renderCardHtml(card.front), back: card.back ? await renderCardHtml(card.back) : "" })),
    ),
  };
}
