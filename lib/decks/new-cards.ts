// The new-card cursor: where each learner's search for never-studied cards of a deck starts. Every
// change that can make an earlier card unseen again (reorder, "new question", a seed update) rewinds
// it here, so the cursor is kept in this one module.
import "server-only";
import { db } from "../server/db";

/** Extra rows read for a deck whose blank cards are skipped. */
const BLANK_SLACK = 50;

/**
 * Never-studied cards in deck order, up to `room`. Each deck's search starts at the learner's cursor
 * (everything before it is known to be seen) and moves the cursor to what it learns, so a learner
 * with 100,000 cards behind them doesn't walk all of them on every session.
 */
export async function neverSeenCards(
  userId: string,
  studies: { deckId: string; newCursor: number }[],
  room: number,
  /** Decks whose cards without any answer are left out (the learner can't write one there). */
  answeredOnly: ReadonlySet<string> = new Set(),
) {
  const found: { id: string; position: number }[] = [];
  for (const study of studies) {
    if (found.length >= room) break;
    const deck = { id: study.deckId };
    const cursor = study.newCursor;
    const skipBlank = answeredOnly.has(deck.id);
    // Live (liveCard), at or after the cursor, never studied. Raw SQL: whether a card has an answer
    // (hasAnswer) is computed here, where the query API would read every candidate's whole answer
    // text to decide (on a study page, the page's largest read).
    const cards = await db.$queryRaw<{ id: string; position: number; answered: number }[]>`
      SELECT c."id", c."position", CASE WHEN c."back" <> '' OR c."keyPoints" <> '' THEN 1 ELSE 0 END AS "answered"
      FROM "Card" c
      WHERE c."deckId" = ${deck.id} AND c."retiredAt" IS NULL AND c."position" >= ${cursor}
        AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${userId} AND s."cardId" = c."id")
      ORDER BY c."position"
      LIMIT ${room - found.length + (skipBlank ? BLANK_SLACK : 0)}`;
    const answered = skipBlank ? cards.filter((c) => Number(c.answered) === 1) : cards;
    found.push(...answered.slice(0, room - found.length).map(({ id, position }) => ({ id, position })));
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
