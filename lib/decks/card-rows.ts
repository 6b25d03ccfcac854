// How a card's rows are read and written, said once: its tags as a `select` (one card) or by card (a
// list of cards), tag rows as names, and
// the data of a new card with its tags (the editor, a paste, a copy, a deck file and the seed all
// create cards this way).
import type { Prisma } from "../generated/sqlite/client";
import { joinKeyPoints, type Tag } from "./schema";

/** A card's tags, alphabetical, as a `select` fragment: `select: { ..., ...tagSelect }`. */
export const tagSelect = { tags: { select: { tag: true }, orderBy: { tag: "asc" } } } as const satisfies Prisma.CardSelect;

/**
 * The tags of every card `where` matches, by card id, in one query joined on the cards. For lists of
 * cards: a nested `tags` select there binds one variable per card, past SQLite's limit on a large deck.
 */
export async function tagsByCard(client: TagReader, where: Prisma.CardWhereInput): Promise<Map<string, Tag[]>> {
  const rows = await client.cardTag.findMany({ where: { card: where }, select: { cardId: true, tag: true }, orderBy: { tag: "asc" } });
  const byCard = new Map<string, Tag[]>();
  for (const { cardId, tag } of rows) {
    const tags = byCard.get(cardId);
    if (tags) tags.push(tag);
    else byCard.set(cardId, [tag]);
  }
  return byCard;
}

/** What tagsByCard reads with: the Prisma client or a transaction. */
export interface TagReader {
  cardTag: {
    findMany(args: {
      where: Prisma.CardTagWhereInput;
      select: { cardId: true; tag: true };
      orderBy: { tag: "asc" };
    }): Promise<{ cardId: string; tag: string }[]>;
  };
}

/** Tag rows as names. Tags are checked against the vocabulary when written. */
export function tagNames(rows: readonly { tag: string }[]): Tag[] {
  return rows.map((row) => row.tag);
}

/** A nested write that gives a card exactly these tags (after removing the old ones, if `replace`). */
export function withTags(tags: readonly string[], replace = false) {
  return { ...(replace && { deleteMany: {} }), create: tags.map((tag) => ({ tag })) };
}

export interface NewCard {
  slug: string;
  front: string;
  lead?: string;
  keyPoints?: readonly string[];
  back: string;
  tags: readonly string[];
  ownAnswer?: boolean;
}

/** The data for creating one card of a deck at a position. */
export function newCardData(deckId: string, position: number, card: NewCard): Prisma.CardUncheckedCreateInput {
  return {
    deckId,
    position,
    slug: card.slug,
    front: card.front,
    lead: card.lead ?? "",
    keyPoints: joinKeyPoints(card.keyPoints ?? []),
    back: card.back,
    ownAnswer: card.ownAnswer ?? false,
    tags: withTags(card.tags),
  };
}

/**
 * A card with an answer (the details, or key points). Learners who can't edit a deck never get its
 * cards without one; the sharing checklist and the mentor dashboard list them apart.
 */
export function hasAnswer(card: { back: string; keyPoints: string }): boolean {
  return card.back.trim() !== "" || card.keyPoints.trim() !== "";
}

/** hasAnswer as a query condition (stored text is trimmed, so "not empty" is the same test). */
export const answeredCard = { OR: [{ back: { not: "" } }, { keyPoints: { not: "" } }] } as const satisfies Prisma.CardWhereInput;
