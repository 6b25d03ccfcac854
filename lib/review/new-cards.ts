// The new-card cursor: where each learner's search for never-studied cards of a deck starts. Every
// change that can make an earlier card unseen again (reorder, "new question", a seed update) rewinds
// it here, so the cursor is kept in this one module.
import "server-only";
import { liveCard } from "../decks/access";
import { db } from "../server/db";

/**
 * Never-studied cards in deck order, up to `room`. Each deck's search starts at the learner's cursor
 * (everything before it is known to be seen) and moves the cursor to what it learns, so a learner
 * with 100,000 cards behind them doesn't walk all of them on every session.
 */
export async function neverSeenCards(userId: string, studies: { deckId: string; newCursor: number }[], room: number) {
  const found: { id: string; position: number }[] = [];
  for (const study of studies) {
    if (found.length >= room) break;
    const deck = { id: study.deckId };
    const cursor = study.newCursor;
    const cards = await db.card.findMany({
      where: { deckId: deck.id, ...liveCard, position: { gte: cursor }, cardStates: { none: { userId } } },
      orderBy: { position: "asc" },
      take: room - found.length,
      select: { id: true, position: true },
    });
    found.push(...cards);
    // All live cards before the first unseen one are seen; with none unseen, all cards so far are.
    const next =
      cards[0]?.position ?? ((await db.card.aggregate({ where: { deckId: deck.id }, _max: { position: true } }))._max.position ?? -1) + 1;
    if (next > cursor) {
      // Compare-and-set: a rewind that happened meanwhile (an editor reordering) wins.
      await db.deckStudy.updateMany({ where: { userId, deckId: deck.id, newCursor: cursor }, data: { newCursor: next } });
    }
  }
  return found;
}

/** Cards before `position` may have become unseen (reordered, reset, re-seeded): search from there again. */
export async function rewindNewCursors(deckId: string, position: number, client: Pick<typeof db, "deckStudy"> = db): Promise<void> {
  await client.deckStudy.updateMany({ where: { deckId, newCursor: { gt: position } }, data: { newCursor: position } });
}
