// Beyond today's queue: review ahead takes the started cards due soonest after today, a tag drill
// takes the tag's cards (least recently reviewed first, then unseen ones), and the end of a session
// reports what the server's queue still holds and whether every card has been met. A buried card
// brought back by undo is in the session again.
import { describe, expect, it } from "vitest";
import { State } from "@/lib/scheduling/fsrs";
import { afterSession, loadCustomSession, loadStudySession } from "@/lib/review/session";
import { buryCard, restoreCard, setSuspended } from "@/lib/review/set-aside";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { insertCardState, makeDeck, makeUser } from "./helpers";

const NOW = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;

async function setUp() {
  const user = await makeUser("custom");
  const deck = await makeDeck(user.id, { cards: 4 });
  await startStudying(user, deck.id);
  const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
  await db.cardTag.create({ data: { cardId: cards[3]!.id, tag: "oop" } });
  return { user, deck, cards };
}

describe("custom sessions", () => {
  it("reviews ahead: started cards due after today, soonest first, none of today's", async () => {
    const { user, cards } = await setUp();
    await insertCardState(user.id, cards[0]!, State.Review, new Date(NOW.getTime() + 5 * DAY), {
      lastReview: new Date(NOW.getTime() - DAY),
    });
    await insertCardState(user.id, cards[1]!, State.Review, new Date(NOW.getTime() + 2 * DAY), {
      lastReview: new Date(NOW.getTime() - DAY),
    });
    await insertCardState(user.id, cards[2]!, State.Review, new Date(NOW.getTime() - DAY)); // due today: not ahead
    const session = await loadCustomSession(user, { ahead: true }, NOW);
    expect(session.queue.ready.map((c) => c.cardId)).toEqual([cards[1]!.id, cards[0]!.id]);
  });

  it("drills a tag: its started cards first, then its unseen ones; other tags stay out", async () => {
    const { user, cards } = await setUp();
    await insertCardState(user.id, cards[0]!, State.Review, new Date(NOW.getTime() + 9 * DAY), {
      lastReview: new Date(NOW.getTime() - 3 * DAY),
    });
    const basics = await loadCustomSession(user, { tag: "basics" }, NOW);
    expect(basics.queue.ready.map((c) => c.cardId)).toEqual(cards.map((c) => c.id));
    const oop = await loadCustomSession(user, { tag: "oop" }, NOW);
    expect(oop.queue.ready.map((c) => c.cardId)).toEqual([cards[3]!.id]);
    expect((await loadCustomSession(user, { tag: "nothing-here" }, NOW)).queue.ready).toEqual([]);
  });

  it("after a session: what is left today, and whether every card is met", async () => {
    const { user, cards } = await setUp();
    const before = await afterSession(user, {}, NOW);
    expect(before).toMatchObject({ cards: 4, unseen: 4, left: { new: 4, total: 4 }, nextDue: null });
    for (const card of cards) await insertCardState(user.id, card, State.Review, new Date(NOW.getTime() + 3 * DAY));
    const after = await afterSession(user, {}, NOW);
    expect(after).toMatchObject({ cards: 4, unseen: 0, left: { total: 0 } });
    expect(after.nextDue).toEqual(new Date(NOW.getTime() + 3 * DAY));
  });

  it("a buried or suspended card brought back by undo is in today's session again", async () => {
    const { user, cards } = await setUp();
    await buryCard(user, cards[0]!.id, NOW);
    await setSuspended(user, cards[1]!.id, true, NOW);
    let ids = (await loadStudySession(user, {}, NOW)).queue.ready.map((c) => c.cardId);
    expect(ids).not.toContain(cards[0]!.id);
    expect(ids).not.toContain(cards[1]!.id);
    const restored = await restoreCard(user, cards[0]!.id);
    expect(restored.version).toBe(2);
    await restoreCard(user, cards[1]!.id);
    ids = (await loadStudySession(user, {}, NOW)).queue.ready.map((c) => c.cardId);
    expect(ids).toContain(cards[0]!.id);
    expect(ids).toContain(cards[1]!.id);
    const stranger = await makeUser("stranger");
    await expect(restoreCard(stranger, cards[0]!.id)).rejects.toThrow();
  });
});
