// A mentee whose mentor hasn't answered a deck's cards yet: Today says so on the deck's row, rather
// than "Done for today" as if the deck had nothing more.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getToday } from "@/lib/views/today";
import { makeDeck, makeUser } from "./helpers";

describe("Today with cards nobody has answered yet", () => {
  it("counts them on the deck's row, from the mentor when the learner is a mentee", async () => {
    const mentor = await makeUser("mentor");
    const mentee = await makeUser("mentee");
    const deck = await makeDeck(mentor.id, { cards: 0, visibility: "link" });
    for (let i = 0; i < 3; i++) {
      await db.card.create({ data: { deckId: deck.id, slug: `q-${i}`, front: `Question ${i}?`, back: "", position: i } });
    }
    await db.deckMember.create({ data: { deckId: deck.id, userId: mentee.id, role: "mentee" } });
    await db.deckStudy.create({ data: { deckId: deck.id, userId: mentee.id } });

    const today = await getToday(mentee);
    expect(today.counts.total).toBe(0);
    expect(today.decks).toEqual([expect.objectContaining({ id: deck.id, unanswered: 3, mentored: true })]);

    await db.card.update({ where: { deckId_slug: { deckId: deck.id, slug: "q-0" } }, data: { back: "An answer." } });
    const after = await getToday(mentee);
    expect(after.decks[0]).toMatchObject({ unanswered: 2, mentored: true });
    expect(after.counts.new).toBe(1);

    // The author studying their own deck writes the answers themselves: nothing to wait for.
    await db.deckStudy.create({ data: { deckId: deck.id, userId: mentor.id } });
    expect((await getToday(mentor)).decks[0]).toMatchObject({ unanswered: 0, mentored: false });
  });
});
