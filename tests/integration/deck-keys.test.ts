// A deck's slug where its id belongs (a hand-made form post, an old link) is "not found", never a
// foreign-key error: every action that takes a deck id looks the deck up by id before writing.
import { describe, expect, it } from "vitest";
import { copyDeck, deleteDeck, updateDeck } from "@/lib/decks/authoring";
import { addCard } from "@/lib/decks/card-authoring";
import { createInvite, leaveDeck, setVisibility } from "@/lib/decks/sharing";
import { startStudying } from "@/lib/review/studying";
import { AppError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { addQuestions } from "@/lib/transfer/paste-questions";
import { importCsvIntoDeck } from "@/lib/transfer/transfer";
import { makeDeck, makeUser } from "./helpers";

describe("a deck's slug passed as its id", () => {
  it("is refused as not found by every deck action, and nothing is written", async () => {
    const owner = await makeUser("owner");
    const deck = await makeDeck(owner.id, { visibility: "public" });
    const slug = `slug-${deck.id.slice(-6)}`;
    await db.deck.update({ where: { id: deck.id }, data: { slug } });
    const attempts: Record<string, () => Promise<unknown>> = {
      startStudying: () => startStudying(owner, slug),
      leaveDeck: () => leaveDeck(owner, slug),
      copyDeck: () => copyDeck(owner, slug),
      updateDeck: () => updateDeck(owner, slug, { title: "Renamed", description: "" }),
      deleteDeck: () => deleteDeck(owner, slug),
      addCard: () => addCard(owner, slug, { front: "Q?", back: "A", tags: [], keyPoints: [] }),
      addQuestions: () => addQuestions(owner, slug, "What is a slug?"),
      importCsvIntoDeck: () => importCsvIntoDeck(owner, slug, { text: "front,back\nQ?,A", mapping: { front: 0, back: 1 } } as never),
      setVisibility: () => setVisibility(owner, slug, "private"),
      createInvite: () => createInvite(owner, slug, { label: "", expiresInDays: 7 }),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toBe("not_found");
    }
    expect(await db.deckStudy.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.deck.findUniqueOrThrow({ where: { id: deck.id } })).toMatchObject({ title: deck.title, visibility: "public" });
    expect(await db.card.count({ where: { deckId: deck.id } })).toBe(2);
  });
});
