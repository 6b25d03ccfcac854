// Setting a card aside: bury (until the next study day) and suspend, and the card page's status line.
import "server-only";
import { studiedDecks, type Viewer, liveCard } from "../decks/access";
import { newMemory } from "../scheduling/fsrs";
import { studyDay } from "../scheduling/study-day";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import { memoryOf, memorySelect } from "./memory";
import { getStudySettings } from "./settings";

async function studiedCard(viewer: Viewer, cardId: string) {
  const card = await db.card.findFirst({
    where: { id: cardId, ...liveCard, deck: studiedDecks(viewer) },
    select: { id: true, deckId: true },
  });
  if (!card) throw notFound("That card");
  return card;
}

async function changeState(viewer: Viewer, cardId: string, now: Date, change: { buriedUntil?: Date | null; suspended?: boolean }) {
  const card = await studiedCard(viewer, cardId);
  await db.cardState.upsert({
    where: { userId_cardId: { userId: viewer.id, cardId: card.id } },
    create: { userId: viewer.id, cardId: card.id, deckId: card.deckId, ...newMemory(now), ...change, version: 1 },
    update: { ...change, version: { increment: 1 } },
  });
}

/** Hides the card until the next study day starts. */
export async function buryCard(viewer: Viewer, cardId: string, now = new Date()): Promise<void> {
  const settings = await getStudySettings(viewer.id);
  await changeState(viewer, cardId, now, { buriedUntil: studyDay(now, settings.timeZone, settings.dayStartHour).end });
}

export async function setSuspended(viewer: Viewer, cardId: string, suspended: boolean, now = new Date()): Promise<void> {
  await changeState(viewer, cardId, now, { suspended });
}

/**
 * Undoes a bury or suspend from the review screen: the card is back in today's session. Returns the
 * state's new version (the next rating names it) and memory.
 */
export async function restoreCard(viewer: Viewer, cardId: string) {
  const card = await studiedCard(viewer, cardId);
  const state = await db.cardState.update({
    where: { userId_cardId: { userId: viewer.id, cardId: card.id } },
    data: { buriedUntil: null, suspended: false, version: { increment: 1 } },
    select: { version: true, ...memorySelect },
  });
  return { version: state.version, memory: memoryOf(state) };
}

/** The learner's own memory of a card, for the card page (null when never studied). */
export async function cardStudyStatus(viewer: Viewer, cardId: string) {
  return db.cardState.findUnique({
    where: { userId_cardId: { userId: viewer.id, cardId } },
    select: { due: true, state: true, reps: true, lapses: true, suspended: true, buriedUntil: true },
  });
}
