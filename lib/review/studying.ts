// Which decks a learner studies: adding a deck to their study, leaving it, and listing them.
import "server-only";
import { browsableDecks, studiedDecks, type Viewer, liveCardCount } from "../decks/access";
import { db } from "../server/db";
import { notFound } from "../server/errors";

export async function startStudying(viewer: Viewer, deckId: string): Promise<void> {
  const deck = await db.deck.findFirst({ where: { id: deckId, ...browsableDecks(viewer) }, select: { id: true } });
  if (!deck) throw notFound("That deck");
  await db.deckStudy.upsert({
    where: { userId_deckId: { userId: viewer.id, deckId } },
    create: { userId: viewer.id, deckId },
    update: {},
  });
}

/** Leaves the deck; the learner's card states and history stay, ready if they come back. */
export async function stopStudying(viewer: Viewer, deckId: string): Promise<void> {
  await db.deckStudy.deleteMany({ where: { userId: viewer.id, deckId } });
}

export async function isStudying(viewer: Viewer, deckId: string): Promise<boolean> {
  return (await db.deckStudy.count({ where: { userId: viewer.id, deckId } })) > 0;
}

export interface StudiedDeck {
  id: string;
  slug: string | null;
  title: string;
  cardCount: number;
}

export async function listStudiedDecks(viewer: Viewer): Promise<StudiedDeck[]> {
  const decks = await db.deck.findMany({
    where: studiedDecks(viewer),
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, ...liveCardCount },
  });
  return decks.map(({ _count, ...d }) => ({ ...d, cardCount: _count.cards }));
}
