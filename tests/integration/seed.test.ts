import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { ImportedDeck } from "@/lib/transfer/deck-markdown";
import { readSeedDecks, syncSeedDeck } from "@/lib/transfer/seed";
import { makeUser } from "./helpers";

function deckOf(slug: string, cards: { slug: string; front: string; back: string; tags?: string[] }[]): ImportedDeck {
  return {
    title: "Seed test",
    slug,
    visibility: "public",
    source: "",
    description: "",
    cards: cards.map((c, i) => ({
      lead: "",
      keyPoints: [],
      ...c,
      tags: c.tags ?? ["basics"],
      line: i + 1,
    })),
  };
}

describe("seeding the Python deck", () => {
  it("creates all 60 cards once; a second run changes nothing", async () => {
    const [python] = readSeedDecks();
    const first = await syncSeedDeck(python!);
    const second = await syncSeedDeck(python!);
    expect(first.created + first.updated + first.unchanged).toBe(60);
    expect(second).toMatchObject({ created: 0, updated: 0, retired: 0, unchanged: 60 });
    const deck = await db.deck.findUniqueOrThrow({
      where: { slug: "python-interview-questions" },
      include: { _count: { select: { cards: true } } },
    });
    expect(deck._count.cards).toBe(60);
  });
});

describe("re-seeding an edited deck file", () => {
  it("updates edited cards in place and keeps every user's state and history", async () => {
    const slug = `seed-${randomUUID().slice(0, 8)}`;
    await syncSeedDeck(
      deckOf(slug, [
        { slug: "a", front: "A?", back: "old answer" },
        { slug: "b", front: "B?", back: "b" },
      ]),
    );
    const card = await db.card.findFirstOrThrow({ where: { slug: "a", deck: { slug } } });
    const user = await makeUser("learner");
    const state = {
      due: new Date("2026-12-01T00:00:00Z"),
      stability: 3.2,
      difficulty: 5.1,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      state: 2,
      lastReview: new Date("2026-11-28T00:00:00Z"),
    };
    await db.cardState.create({ data: { userId: user.id, cardId: card.id, deckId: card.deckId, ...state } });
    await db.reviewLog.create({
      data: {
        userId: user.id,
        cardId: card.id,
        clientId: "r1",
        rating: 3,
        reviewedAt: new Date("2026-11-28T00:00:00Z"),
        nextDue: state.due,
        durationMs: 4000,
        ...state,
        state: 1,
      },
    });

    const report = await syncSeedDeck(
      deckOf(slug, [
        { slug: "a", front: "A?", back: "new answer", tags: ["basics", "oop"] },
        { slug: "b", front: "B?", back: "b" },
      ]),
    );
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 1, retired: 0 });

    const after = await db.card.findUniqueOrThrow({ where: { id: card.id }, include: { tags: true } });
    expect(after.back).toBe("new answer");
    expect(after.tags.map((t) => t.tag).sort()).toEqual(["basics", "oop"]);
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } })).toMatchObject(state);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
  });

  it("retires a card removed from the file, keeps its history, and brings it back if it returns", async () => {
    const slug = `seed-${randomUUID().slice(0, 8)}`;
    const both = [
      { slug: "keep", front: "Keep?", back: "k" },
      { slug: "drop", front: "Drop?", back: "d" },
    ];
    await syncSeedDeck(deckOf(slug, both));
    const dropped = await db.card.findFirstOrThrow({ where: { slug: "drop", deck: { slug } } });
    const user = await makeUser("learner");
    await db.reviewLog.create({
      data: {
        userId: user.id,
        cardId: dropped.id,
        clientId: "r1",
        rating: 1,
        reviewedAt: new Date(),
        nextDue: new Date(),
        durationMs: 1000,
        due: new Date(),
        stability: 0,
        difficulty: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 0,
        lapses: 0,
        state: 0,
      },
    });

    const retiredAt = new Date("2026-11-25T10:00:00Z");
    expect(await syncSeedDeck(deckOf(slug, [both[0]!]), retiredAt)).toMatchObject({ retired: 1, unchanged: 1 });
    expect(await db.card.findUniqueOrThrow({ where: { id: dropped.id } })).toMatchObject({ retiredAt });
    expect(await db.reviewLog.count({ where: { cardId: dropped.id } })).toBe(1);
    expect(await syncSeedDeck(deckOf(slug, [both[0]!]))).toMatchObject({ retired: 0, unchanged: 1 });

    expect(await syncSeedDeck(deckOf(slug, both))).toMatchObject({ updated: 1 });
    expect(await db.card.findUniqueOrThrow({ where: { id: dropped.id } })).toMatchObject({ retiredAt: null });
  });
});
