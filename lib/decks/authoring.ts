// Writing decks: create, edit, copy and delete them, and the decks a viewer may edit. Writing their
// cards is card-authoring.ts.
import "server-only";
import { z } from "zod";
import { browsableDecks, editableDecks, liveCard, liveCardCount, ownedDecks, type Viewer } from "./access";
import { db } from "../server/db";
import { byDeckKey } from "./browse";
import { deckMetaSchema, slugify, splitKeyPoints } from "./schema";
import { notFound } from "../server/errors";
import { newCardData, tagsByCard } from "./card-rows";

export const deckFormSchema = deckMetaSchema.pick({ title: true, description: true });
export type DeckFormInput = z.infer<typeof deckFormSchema>;

export interface EditableDeck {
  id: string;
  slug: string | null;
  title: string;
  description: string;
  visibility: string;
  /** The viewer's role: what they may do here is can(role, ...) in lib/decks/access.ts. */
  role: "owner" | "editor";
}

/** A deck the viewer may edit (owner or co-editor), by id or URL key (slug), or null. */
export async function getEditableDeck(viewer: Viewer, deckIdOrKey: string): Promise<EditableDeck | null> {
  const deck = await db.deck.findFirst({
    where: { AND: [byDeckKey(deckIdOrKey), editableDecks(viewer)] },
    select: { id: true, slug: true, title: true, description: true, visibility: true, ownerId: true },
  });
  if (!deck) return null;
  const { ownerId, ...rest } = deck;
  return { ...rest, role: ownerId === viewer.id ? "owner" : "editor" };
}

/** For writes, which take the deck's id only: a slug there would reach the database as a foreign key. */
export async function requireEditable(viewer: Viewer, deckId: string): Promise<EditableDeck> {
  const deck = await getEditableDeck(viewer, deckId);
  if (!deck || deck.id !== deckId) throw notFound("That deck");
  return deck;
}

export interface OwnDeckSummary {
  id: string;
  slug: string | null;
  title: string;
  description: string;
  cardCount: number;
  visibility: string;
  role: "owner" | "editor";
}

/** Decks the viewer owns or co-edits, newest first. */
export async function listEditableDecks(viewer: Viewer): Promise<OwnDeckSummary[]> {
  const decks = await db.deck.findMany({
    where: editableDecks(viewer),
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      visibility: true,
      ownerId: true,
      ...liveCardCount,
    },
  });
  return decks.map(({ _count, ownerId, ...d }) => ({ ...d, cardCount: _count.cards, role: ownerId === viewer.id ? "owner" : "editor" }));
}

/** Words a deck's URL can't be: they are pages of their own under /decks. */
const RESERVED_SLUGS = new Set(["new", "import", "export"]);

/**
 * A readable URL key for a new deck, from its title ("system-design-basics", then "-2", "-3"...):
 * set once, so links keep working when the deck is renamed.
 */
export async function newDeckSlug(title: string, client: Pick<typeof db, "deck"> = db): Promise<string> {
  const base = slugify(title, 50);
  const root = RESERVED_SLUGS.has(base) ? `${base}-deck` : base;
  const taken = new Set((await client.deck.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } })).map((d) => d.slug));
  for (let n = 1; ; n++) {
    const slug = n === 1 ? root : `${root}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}

export async function createDeck(viewer: Viewer, input: DeckFormInput): Promise<{ id: string; slug: string | null }> {
  return db.deck.create({
    data: { ownerId: viewer.id, title: input.title, description: input.description, slug: await newDeckSlug(input.title) },
    select: { id: true, slug: true },
  });
}

export async function updateDeck(viewer: Viewer, deckId: string, input: DeckFormInput): Promise<void> {
  // Only the form's own fields: the action's input also carries the deck's id and URL key.
  const data = { title: input.title, description: input.description };
  const { count } = await db.deck.updateMany({ where: { id: deckId, ...editableDecks(viewer) }, data });
  if (count === 0) throw notFound("That deck");
}

/** Hides the deck from everyone; learners' review history of its cards is kept. Owner only. */
export async function deleteDeck(viewer: Viewer, deckId: string, now = new Date()): Promise<void> {
  const { count } = await db.deck.updateMany({ where: { id: deckId, ...ownedDecks(viewer) }, data: { deletedAt: now } });
  if (count === 0) throw notFound("That deck");
}

/** Copies the live cards of any deck the viewer can see into a new private deck of their own. */
export async function copyDeck(viewer: Viewer, deckId: string): Promise<{ id: string; slug: string | null }> {
  const source = await db.deck.findFirst({
    where: { id: deckId, ...browsableDecks(viewer) },
    select: {
      title: true,
      description: true,
      cards: {
        where: liveCard,
        orderBy: { position: "asc" },
        select: { id: true, slug: true, front: true, lead: true, keyPoints: true, back: true, ownAnswer: true },
      },
    },
  });
  if (!source) throw notFound("That deck");
  const tags = await tagsByCard(db, { deckId, ...liveCard });
  return db.$transaction(async (tx) => {
    const title = `${source.title} (copy)`.slice(0, 120);
    const copy = await tx.deck.create({
      data: {
        ownerId: viewer.id,
        slug: await newDeckSlug(title, tx),
        title,
        description: source.description,
        source: `Copied from "${source.title}"`.slice(0, 500),
      },
      select: { id: true, slug: true },
    });
    for (const [position, card] of source.cards.entries()) {
      const content = { ...card, keyPoints: splitKeyPoints(card.keyPoints), tags: tags.get(card.id) ?? [] };
      await tx.card.create({ data: newCardData(copy.id, position, content) });
    }
    return copy;
  });
}
