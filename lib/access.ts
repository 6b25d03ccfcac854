// Who may see what: the one place deck access is decided. Every query that reads a deck or its cards
// puts one of these filters in its `where`, so a deck a user may not see looks exactly like a deck
// that does not exist.
import type { Prisma } from "./generated/sqlite/client";

export interface Viewer {
  id: string;
}

/** Decks a visitor or user may browse: public decks, plus the user's own. */
export function browsableDecks(viewer: Viewer | null): Prisma.DeckWhereInput {
  if (!viewer) return { visibility: "public" };
  return { OR: [{ visibility: "public" }, { ownerId: viewer.id }] };
}

/** Decks the user studies and may still see: the only decks whose cards they can rate or bury. */
export function studiedDecks(viewer: Viewer): Prisma.DeckWhereInput {
  return { AND: [browsableDecks(viewer), { studies: { some: { userId: viewer.id } } }] };
}
