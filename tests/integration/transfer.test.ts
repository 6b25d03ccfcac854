import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordRating } from "@/lib/review/rating/record";
import { startStudying } from "@/lib/review/studying";
import { exportDeck, exportUserData, importDeckFile } from "@/lib/transfer/transfer";
import { makeDeck, makeUser } from "./helpers";

describe("importing a deck file", () => {
  it("creates a private deck of the importer's with the file's cards", async () => {
    const user = await makeUser("importer");
    const { id, cards } = await importDeckFile(
      user,
      "# Imported\nvisibility: public\n\nAbout.\n\n## One?\ntags: basics\n\nA1\n\n## Two?\n\nA2\n",
    );
    expect(cards).toBe(2);
    const deck = await db.deck.findUniqueOrThrow({ where: { id }, include: { cards: { orderBy: { position: "asc" } } } });
    expect(deck).toMatchObject({ ownerId: user.id, title: "Imported", visibility: "private", description: "About." });
    expect(deck.cards.map((c) => [c.front, c.back])).toEqual([
      ["One?", "A1"],
      ["Two?", "A2"],
    ]);
  });

  it("rejects a malformed file whole, with line numbers, and writes nothing", async () => {
    const user = await makeUser("importer");
    const attempt = importDeckFile(user, "# Bad\n\n## Fine?\n\nA\n\n## Q?\ntags: no/pe\n\nB\n");
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(/Line 8: A tag uses letters, digits/);
    expect(await db.deck.count({ where: { ownerId: user.id } })).toBe(0);
  });
});

describe("exports", () => {
  it("exports a learner's own settings, states and ratings, never another's, never a password hash", async () => {
    const [a, b] = [await makeUser("a"), await makeUser("b")];
    const deck = await makeDeck(null, { visibility: "public" });
    const card = await db.card.findFirstOrThrow({ where: { deckId: deck.id } });
    await startStudying(a, deck.id);
    await recordRating(a, { clientId: "export-rating-1", cardId: card.id, rating: 3, expectedVersion: 0, durationMs: 3000 });

    const mine = await exportUserData(a);
    expect(mine.reviews).toHaveLength(1);
    expect(mine.reviews[0]).toMatchObject({ rating: 3, clientId: "export-rating-1", card: { slug: card.slug } });
    expect(mine.cardStates).toHaveLength(1);
    expect(JSON.stringify(mine)).not.toMatch(/passwordHash|argon2/);

    const theirs = await exportUserData(b);
    expect(theirs.reviews).toHaveLength(0);
    expect(theirs.cardStates).toHaveLength(0);
  });

  it("exports a deck only to those who can see it", async () => {
    const owner = await makeUser("owner");
    const deck = await makeDeck(owner.id);
    expect((await exportDeck(owner, deck.id)).markdown).toContain("## Question 0?");
    await expect(exportDeck(await makeUser("other"), deck.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportDeck(null, deck.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
