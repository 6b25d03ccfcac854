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

describe("seeding the decks in data/", () => {
  it("creates every card of both decks once; a second run changes nothing", async () => {
    const decks = readSeedDecks();
    expect(decks.map((d) => d.slug).sort()).toEqual(["behavioural-interview-questions", "python-interview-questions"]);
    for (const file of decks) {
      const first = await syncSeedDeck(file);
      const second = await syncSeedDeck(file);
      expect(first.created + first.updated + first.unchanged).toBe(file.cards.length);
      expect(second).toMatchObject({ created: 0, updated: 0, retired: 0, unchanged: file.cards.length, carried: 0 });
      const deck = await db.deck.findUniqueOrThrow({
        where: { slug: file.slug },
        include: { cards: { where: { retiredAt: null }, select: { slug: true, ownAnswer: true } } },
      });
      expect(deck.cards).toHaveLength(file.cards.length);
      // Behavioural prompts are answered in the learner's own words; the Python deck's are not.
      const own = file.slug === "behavioural-interview-questions";
      expect(
        deck.cards.every((c) => c.ownAnswer === own),
        file.slug,
      ).toBe(true);
    }
  });

  it("adds the behavioural deck to a database seeded before it, leaving the Python deck's progress alone", async () => {
    const [behavioural, python] = readSeedDecks();
    await syncSeedDeck(python!);
    const card = await db.card.findFirstOrThrow({ where: { deck: { slug: "python-interview-questions" }, retiredAt: null } });
    const user = await makeUser("learner");
    const due = new Date("2026-12-01T00:00:00Z");
    await db.cardState.create({
      data: {
        userId: user.id,
        cardId: card.id,
        deckId: card.deckId,
        due,
        stability: 3,
        difficulty: 5,
        scheduledDays: 3,
        learningSteps: 0,
        reps: 2,
        lapses: 0,
        state: 2,
      },
    });
    await syncSeedDeck(behavioural!);
    expect(await syncSeedDeck(python!)).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } })).toMatchObject({
      due,
      reps: 2,
    });
    expect(await db.deck.count({ where: { slug: "behavioural-interview-questions", ownerId: null } })).toBe(1);
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

  it("marks a card as answered in your own words and back, as the file says", async () => {
    const slug = `seed-${randomUUID().slice(0, 8)}`;
    await syncSeedDeck({ ...deckOf(slug, [{ slug: "story", front: "A conflict?", back: "guidance" }]) });
    const own = deckOf(slug, [{ slug: "story", front: "A conflict?", back: "guidance" }]);
    own.cards[0]!.ownAnswer = true;
    expect(await syncSeedDeck(own)).toMatchObject({ updated: 1 });
    expect(await syncSeedDeck(own)).toMatchObject({ unchanged: 1 });
    expect(await db.card.findFirstOrThrow({ where: { slug: "story", deck: { slug } } })).toMatchObject({ ownAnswer: true });
  });
});

describe("re-seeding a deck file that merges two cards", () => {
  async function learnerWithState(cardId: string, deckId: string, reps: number) {
    const user = await makeUser("learner");
    const state = {
      due: new Date("2026-12-10T00:00:00Z"),
      stability: 9,
      difficulty: 4,
      scheduledDays: 9,
      learningSteps: 0,
      reps,
      lapses: 0,
      state: 2,
    };
    await db.cardState.create({ data: { userId: user.id, cardId, deckId, ...state } });
    await db.reviewLog.create({
      data: {
        userId: user.id,
        cardId,
        clientId: `r-${reps}`,
        rating: 3,
        reviewedAt: new Date("2026-12-01T00:00:00Z"),
        nextDue: state.due,
        durationMs: 3000,
        ...state,
        state: 1,
      },
    });
    return user;
  }

  it("moves a learner's schedule and history to the replacing card, keeps both apart for one who had both, once", async () => {
    const slug = `seed-${randomUUID().slice(0, 8)}`;
    await syncSeedDeck(
      deckOf(slug, [
        { slug: "keep", front: "Class attributes?", back: "k" },
        { slug: "gone", front: "Static variables?", back: "g" },
      ]),
    );
    const keep = await db.card.findFirstOrThrow({ where: { slug: "keep", deck: { slug } } });
    const gone = await db.card.findFirstOrThrow({ where: { slug: "gone", deck: { slug } } });
    const onlyGone = await learnerWithState(gone.id, gone.deckId, 5);
    const both = await learnerWithState(gone.id, gone.deckId, 7);
    await db.cardState.create({
      data: {
        userId: both.id,
        cardId: keep.id,
        deckId: keep.deckId,
        due: new Date("2026-12-20T00:00:00Z"),
        stability: 1,
        difficulty: 6,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
      },
    });

    const merged = deckOf(slug, [{ slug: "keep", front: "Class attributes (static variables)?", back: "k and g" }]);
    merged.cards[0]!.replaces = ["gone"];
    expect(await syncSeedDeck(merged)).toMatchObject({ updated: 1, retired: 1, carried: 1, keptApart: 1 });

    const moved = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: onlyGone.id, cardId: keep.id } } });
    expect(moved).toMatchObject({ reps: 5, due: new Date("2026-12-10T00:00:00Z") });
    expect(await db.reviewLog.count({ where: { userId: onlyGone.id, cardId: keep.id } })).toBe(1);
    expect(await db.cardState.count({ where: { cardId: gone.id, userId: onlyGone.id } })).toBe(0);
    // The learner with progress on both keeps the surviving card's, and the other history stays whole.
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: both.id, cardId: keep.id } } })).toMatchObject({
      reps: 1,
    });
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: both.id, cardId: gone.id } } })).toMatchObject({
      reps: 7,
    });
    expect(await db.reviewLog.count({ where: { userId: both.id, cardId: gone.id } })).toBe(1);
    expect(await db.card.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ retiredAt: expect.any(Date) });

    expect(await syncSeedDeck(merged)).toMatchObject({ created: 0, updated: 0, retired: 0, unchanged: 1, carried: 0, keptApart: 0 });
  });
});
