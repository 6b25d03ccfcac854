// Decks and cards as people browse them. Access comes from lib/decks/access.ts.
import "server-only";
import { browsableDecks, roleOf, type DeckRole, type Viewer, liveCardCount, liveCard, NO_DECK } from "./access";
import { db } from "../server/db";
import type { Prisma } from "../generated/sqlite/client";
import { splitKeyPoints, TAGS, type Tag } from "./schema";
import { tagNames, tagsByCard, tagSelect } from "./card-rows";
import { isKey } from "../query-params";

export interface DeckSummary {
  id: string;
  slug: string | null;
  title: string;
  description: string;
  cardCount: number;
}

/** Decks anyone may browse, signed in or not. */
export async function listPublicDecks(): Promise<DeckSummary[]> {
  const decks = await db.deck.findMany({
    where: { visibility: "public", deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      ...liveCardCount,
    },
  });
  return decks.map(({ _count, ...deck }) => ({ ...deck, cardCount: _count.cards }));
}

/** The deck a URL key names (its id or its slug). Combine with an access filter from lib/decks/access.ts. */
export function byDeckKey(key: string): Prisma.DeckWhereInput {
  // A key that can't be one (a NUL byte, 10,000 characters) names no deck and never reaches SQL.
  if (!isKey(key)) return NO_DECK;
  return { OR: [{ id: key }, { slug: key }] };
}

export interface DeckDetail extends DeckSummary {
  source: string;
  visibility: string;
  /** The viewer's role, for showing the controls they may use (every write re-checks access). */
  role: DeckRole;
  ownerName: string | null;
  tagCounts: { tag: Tag; count: number }[];
}

/** A deck's tags on its live cards, most used first. */
async function deckTagCounts(deckId: string): Promise<{ tag: Tag; count: number }[]> {
  const tags = await db.cardTag.groupBy({ by: ["tag"], where: { card: { deckId, ...liveCard } }, _count: { _all: true } });
  return tags.map((t) => ({ tag: t.tag, count: t._count._all })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** The tags a card editor offers: the deck's own, most used first; a deck without any gets the Python deck's. */
export async function tagSuggestions(deck: { id: string }): Promise<string[]> {
  const counts = await deckTagCounts(deck.id);
  return counts.length ? counts.map((t) => t.tag) : [...TAGS];
}

/** A deck by id or slug, if the viewer may browse it. */
export async function getDeck(key: string, viewer: Viewer | null): Promise<DeckDetail | null> {
  const found = await db.deck.findFirst({
    where: { AND: [byDeckKey(key), browsableDecks(viewer)] },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      source: true,
      visibility: true,
      ownerId: true,
      owner: { select: { name: true } },
      members: { where: { userId: viewer?.id ?? "" }, select: { role: true } },
    },
  });
  if (!found) return null;
  const { ownerId, owner, members, ...deck } = found;
  const role = roleOf({ ownerId, visibility: deck.visibility }, viewer, members[0] ?? null);
  const [cardCount, tagCounts] = await Promise.all([db.card.count({ where: { deckId: deck.id, ...liveCard } }), deckTagCounts(deck.id)]);
  return { ...deck, role, ownerName: owner?.name ?? null, cardCount, tagCounts };
}

export interface CardListItem {
  id: string;
  slug: string;
  front: string;
  tags: Tag[];
  /** A short piece of the answer around the search match, when the match is in the answer. */
  excerpt: string | null;
}

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 60);
  const end = Math.min(text.length, index + length + 80);
  const plain = text
    .slice(start, end)
    .replace(/[`*_#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return `${start > 0 ? "…" : ""}${plain}${end < text.length ? "…" : ""}`;
}

/**
 * The deck's live cards in order, filtered by tag and by text in question or answer, if the viewer
 * may browse the deck (else none, as for a deck that does not exist). Text matching is done here
 * rather than in SQL so it is case-insensitive the same way on SQLite and PostgreSQL.
 */
export async function listDeckCards(
  deckId: string,
  filter: { q?: string; tag?: string } = {},
  viewer: Viewer | null = null,
): Promise<CardListItem[]> {
  const where = { deckId, ...liveCard, deck: browsableDecks(viewer), ...(filter.tag && { tags: { some: { tag: filter.tag } } }) };
  const [cards, tags] = await Promise.all([
    db.card.findMany({
      where,
      orderBy: { position: "asc" },
      select: { id: true, slug: true, front: true, lead: true, keyPoints: true, back: true },
    }),
    tagsByCard(db, where),
  ]);
  const needle = filter.q?.trim().toLowerCase();
  const items: CardListItem[] = [];
  for (const card of cards) {
    let excerpt: string | null = null;
    if (needle) {
      const inFront = card.front.toLowerCase().includes(needle);
      // The answer as one text: lead, key points, then the details.
      const answer = [card.lead, card.keyPoints, card.back].filter(Boolean).join("\n");
      const answerIndex = answer.toLowerCase().indexOf(needle);
      if (!inFront && answerIndex < 0) continue;
      if (!inFront) excerpt = excerptAround(answer, answerIndex, needle.length);
    }
    items.push({ id: card.id, slug: card.slug, front: card.front, tags: tags.get(card.id) ?? [], excerpt });
  }
  return items;
}

export interface CardDetail {
  id: string;
  slug: string;
  front: string;
  lead: string;
  keyPoints: string[];
  back: string;
  tags: Tag[];
  deck: { id: string; slug: string | null; title: string };
  previous: string | null;
  next: string | null;
}

/** One live card of a deck the viewer may browse, with its neighbours for navigation. */
export async function getCard(deckKeyOrId: string, cardSlug: string, viewer: Viewer | null): Promise<CardDetail | null> {
  const card = await db.card.findFirst({
    where: {
      slug: isKey(cardSlug) ? cardSlug : { in: [] },
      ...liveCard,
      deck: { AND: [byDeckKey(deckKeyOrId), browsableDecks(viewer)] },
    },
    select: {
      id: true,
      slug: true,
      front: true,
      lead: true,
      keyPoints: true,
      back: true,
      position: true,
      ...tagSelect,
      deck: { select: { id: true, slug: true, title: true } },
    },
  });
  if (!card) return null;
  const [previous, next] = await Promise.all([
    db.card.findFirst({
      where: { deckId: card.deck.id, ...liveCard, position: { lt: card.position } },
      orderBy: { position: "desc" },
      select: { slug: true },
    }),
    db.card.findFirst({
      where: { deckId: card.deck.id, ...liveCard, position: { gt: card.position } },
      orderBy: { position: "asc" },
      select: { slug: true },
    }),
  ]);
  return {
    id: card.id,
    slug: card.slug,
    front: card.front,
    lead: card.lead,
    keyPoints: splitKeyPoints(card.keyPoints),
    back: card.back,
    tags: tagNames(card.tags),
    deck: card.deck,
    previous: previous?.slug ?? null,
    next: next?.slug ?? null,
  };
}
