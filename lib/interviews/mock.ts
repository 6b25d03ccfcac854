// A mock interview's questions: N in-scope cards drawn at random, with what the review screen needs to
// show and rate them (a mock answer is an ordinary rating).
import "server-only";
import { randomInt } from "node:crypto";
import type { Viewer } from "../decks/access";
import { splitKeyPoints } from "../decks/schema";
import { newMemory, type MemoryState } from "../scheduling/fsrs";
import { db } from "../server/db";
import type { Interview } from "./interviews";
import { scopeCards } from "./readiness";

export const MOCK_QUESTIONS = { min: 1, max: 20, default: 5 } as const;
export const MOCK_SECONDS = { min: 15, max: 600, default: 120 } as const;

export interface MockQuestion {
  cardId: string;
  deckId: string;
  slug: string;
  version: number;
  memory: MemoryState;
  front: string;
  lead: string;
  keyPoints: string[];
  back: string;
  tags: string[];
}

export async function mockQuestions(viewer: Viewer, interview: Interview, count: number, now = new Date()): Promise<MockQuestion[]> {
  const cards = await scopeCards(viewer.id, interview);
  // A partial Fisher-Yates shuffle: the first `count` places get a uniform random pick.
  for (let i = 0; i < Math.min(count, cards.length); i++) {
    const j = i + randomInt(cards.length - i);
    [cards[i], cards[j]] = [cards[j]!, cards[i]!];
  }
  const picked = cards.slice(0, count);
  const rows = await db.card.findMany({
    where: { id: { in: picked.map((c) => c.cardId) } },
    select: { id: true, lead: true, keyPoints: true, back: true, cardStates: { where: { userId: viewer.id }, select: { version: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return picked.flatMap((c) => {
    const row = byId.get(c.cardId);
    if (!row) return [];
    return [
      {
        cardId: c.cardId,
        deckId: c.deckId,
        slug: c.slug,
        version: row.cardStates[0]?.version ?? 0,
        memory: c.memory ?? newMemory(now),
        front: c.front,
        lead: row.lead,
        keyPoints: splitKeyPoints(row.keyPoints),
        back: row.back,
        tags: [...c.tags],
      },
    ];
  });
}
