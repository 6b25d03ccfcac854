// Small factories for integration tests. Each test makes its own users and decks with unique keys,
// so tests never depend on each other's data.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";

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
      data: {
        deckId: deck.id,
        slug: `card-${i}`,
        front: `Question ${i}?`,
        back: `Answer ${i}`,
        position: i,
        tags: { create: [{ tag: "basics" }] },
      },
    });
  }
  return deck;
}

type CardRef = { id: string; deckId: string };

/**
 * A ReviewLog row written directly (for tests of reading code: stats, dashboards). The state-before
 * fields default to a card seen before; pass what the test depends on.
 */
export async function insertReviewLog(
  userId: string,
  card: CardRef,
  rating: number,
  reviewedAt: Date,
  fields: Partial<{
    state: number;
    scheduledDays: number;
    durationMs: number;
    stability: number;
    difficulty: number;
    reps: number;
    suggestedRating: number;
  }> = {},
) {
  await db.reviewLog.create({
    data: {
      userId,
      cardId: card.id,
      clientId: randomUUID(),
      rating,
      reviewedAt,
      durationMs: fields.durationMs ?? 3000,
      nextDue: new Date(reviewedAt.getTime() + 24 * 60 * 60_000),
      state: fields.state ?? 2,
      due: reviewedAt,
      stability: fields.stability ?? 5,
      difficulty: fields.difficulty ?? 5,
      scheduledDays: fields.scheduledDays ?? 3,
      learningSteps: 0,
      reps: fields.reps ?? 3,
      lapses: 0,
      lastReview: null,
      suggestedRating: fields.suggestedRating ?? null,
    },
  });
}

/** A CardState row written directly, for tests of reading code. */
export async function insertCardState(
  userId: string,
  card: CardRef,
  state: number,
  due: Date,
  fields: Partial<{ suspended: boolean; lastReview: Date; stability: number; scheduledDays: number; reps: number }> = {},
) {
  await db.cardState.create({
    data: {
      userId,
      cardId: card.id,
      deckId: card.deckId,
      due,
      stability: fields.stability ?? 5,
      difficulty: 5,
      scheduledDays: fields.scheduledDays ?? 3,
      learningSteps: 0,
      reps: fields.reps ?? 3,
      lapses: 0,
      state,
      lastReview: fields.lastReview ?? null,
      suspended: fields.suspended ?? false,
    },
  });
}

/** The newest mail sent to an address (the app writes mail to MAIL_DIR when SMTP isn't set up). */
export async function lastMailTo(email: string): Promise<string> {
  const { readdir, readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const dir = process.env.MAIL_DIR!;
  const safe = email.replace(/[^a-z0-9@.-]/gi, "_");
  const names = (await readdir(dir)).filter((n) => n.endsWith(`-${safe}.txt`)).sort();
  if (!names.length) throw new Error(`no mail to ${email}`);
  return readFile(path.join(dir, names.at(-1)!), "utf8");
}
