// Small factories for integration tests. Each test makes its own users and decks with unique keys,
// so tests never depend on each other's data.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function makeUser(label = "user") {
  return db.user.create({ data: { email: uniqueEmail(label), name: label }, select: { id: true, email: true, name: true } });
}

export async function makeDeck(ownerId: string | null, options: { visibility?: string; cards?: number } = {}) {
  const deck = await db.deck.create({
    data: { ownerId, title: `Deck ${randomUUID().slice(0, 6)}`, visibility: options.visibility ?? "private" },
  });
  for (let i = 0; i < (options.cards ?? 2); i++) {
    await db.card.create({
      data: { deckId: deck.id, slug: `card-${i}`, front: `Question ${i}?`, back: `Answer ${i}`, position: i, tags: { create: [{ tag: "basics" }] } },
    });
  }
  return deck;
}
