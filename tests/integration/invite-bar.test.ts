// A mentee the mentor removed can't rejoin through the same invite link; the mentor can invite
// them again, and only the deck's owner can.
import { describe, expect, it } from "vitest";
import { listRemovedMentees, reinviteMentee } from "@/lib/decks/mentoring";
import { createInvite, joinDeck, removeMentee } from "@/lib/decks/sharing";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

describe("removing a mentee", () => {
  it("bars the invite they came by, for them only, until the mentor invites them again", async () => {
    const mentor = await makeUser("mentor");
    const mentee = await makeUser("removed");
    const classmate = await makeUser("classmate");
    const deck = await makeDeck(mentor.id);
    const { token } = await createInvite(mentor, deck.id, { label: "class of 2026" });
    await joinDeck(mentee, token);
    await removeMentee(mentor, deck.id, mentee.id);

    await expect(joinDeck(mentee, token)).rejects.toThrow("removed you from this deck");
    expect(await db.deckMember.count({ where: { deckId: deck.id, userId: mentee.id } })).toBe(0);
    await joinDeck(classmate, token); // the link still works for everyone else
    expect(await listRemovedMentees(mentor, deck.id)).toEqual([{ userId: mentee.id, name: "removed" }]);

    // Only the deck's owner sees or lifts the bar.
    expect(await listRemovedMentees(classmate, deck.id)).toEqual([]);
    await expect(reinviteMentee(classmate, deck.id, mentee.id)).rejects.toThrow("not found");
    await expect(joinDeck(mentee, token)).rejects.toThrow("removed you");

    await reinviteMentee(mentor, deck.id, mentee.id);
    await joinDeck(mentee, token);
    expect(await db.deckMember.findUnique({ where: { deckId_userId: { deckId: deck.id, userId: mentee.id } } })).toMatchObject({
      role: "mentee",
    });
    expect(await listRemovedMentees(mentor, deck.id)).toEqual([]);
  });
});
