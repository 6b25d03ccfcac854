// Decks and cards: what a deck holds and who may see it.
import { db } from "./db";

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  cardCount: number;
}

/** Decks anyone may browse, signed in or not. */
export async function listPublicDecks(): Promise<DeckSummary[]> {
  const decks = await db.deck.findMany({
    where: { visibility: "public" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      description: true,
      _count: { select: { cards: { where: { retiredAt: null } } } },
    },
  });
  return decks.map(({ _count, ...deck }) => ({ ...deck, cardCount: _count.cards }));
}
