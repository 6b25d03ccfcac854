// Readable deck URLs and drag-and-drop order: a new deck gets a slug from its title (unique, never a
// page's own name, kept on rename); moving a card to a place shifts the ones in between only.
import { describe, expect, it } from "vitest";
import { createDeck, updateDeck } from "@/lib/decks/authoring";
import { moveCardTo } from "@/lib/decks/card-authoring";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

describe("deck slugs", () => {
  it("come from the title, stay unique, avoid page names, and survive a rename", async () => {
    const author = await makeUser("author");
    const title = `System design ${Date.now()}`;
    const first = await createDeck(author, { title, description: "" });
    const second = await createDeck(author, { title, description: "" });
    expect(first.slug).toMatch(/^system-design-\d+$/);
    expect(second.slug).toBe(`${first.slug}-2`);
    expect((await createDeck(author, { title: "New", description: "" })).slug).toMatch(/^new-deck(-\d+)?$/);
    await updateDeck(author, first.id, { title: "Renamed", description: "" });
    expect((await db.deck.findUniqueOrThrow({ where: { id: first.id } })).slug).toBe(first.slug);
  });
});

describe("moving a card to a place", () => {
  it("shifts the cards in between, for editors only", async () => {
    const owner = await makeUser("owner");
    const deck = await makeDeck(owner.id, { cards: 5 });
    const order = async () => (await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } })).map((c) => c.slug);
    const id = async (slug: string) => (await db.card.findFirstOrThrow({ where: { deckId: deck.id, slug } })).id;
    await moveCardTo(owner, await id("card-4"), 1);
    expect(await order()).toEqual(["card-0", "card-4", "card-1", "card-2", "card-3"]);
    await moveCardTo(owner, await id("card-0"), 99);
    expect(await order()).toEqual(["card-4", "card-1", "card-2", "card-3", "card-0"]);
    const stranger = await makeUser("stranger");
    await expect(moveCardTo(stranger, await id("card-1"), 0)).rejects.toThrow();
    expect(await order()).toEqual(["card-4", "card-1", "card-2", "card-3", "card-0"]);
  });
});
