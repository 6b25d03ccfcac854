// A mock interview's questions: N in-scope cards drawn at random, with what the review screen needs to
// show and rate them (a mock answer is an ordinary rating); with own-answer cards, the learner's own
// answers and points, and a behavioural prompt's two-minute clock.
import "server-only";
import { randomInt } from "node:crypto";
import { studyAnswer, type StudyAnswer } from "../answers/core";
import { liveCard, type Viewer } from "../decks/access";
import { splitKeyPoints } from "../decks/schema";
import { newMemory, type MemoryState } from "../scheduling/fsrs";
import { db } from "../server/db";
import type { Interview } from "./interviews";
import { drawMockCards, MOCK_CLOCK, mockSeconds } from "./mock-draw";
import { scopeCards } from "./readiness";

export const MOCK_QUESTIONS = { min: 1, max: 20, default: 5 } as const;
/** Seconds per technical question (own-words prompts get MOCK_CLOCK.ownWords). */
export const MOCK_SECONDS = { min: 15, max: 600, default: MOCK_CLOCK.technical } as const;

export interface MockQuestion {
  cardId: string;
  deckId: string;
  slug: string;
  version: number;
  memory: MemoryState;
  front: string;
  lead: string;
  /** The deck's key points. */
  keyPoints: string[];
  back: string;
  tags: string[];
  /** What the answer side shows and which points the learner ticks (their own when they wrote an answer). */
  study: StudyAnswer;
  /** The learner's own answer (Markdown), when they wrote one. */
  ownBody: string | null;
  /** This question's clock. */
  seconds: number;
}

export interface MockOptions {
  /** Include own-answer cards: the learner's answered cards first, and own-words prompts. */
  ownAnswers: boolean;
  /** Seconds per technical question. */
  seconds: number;
}

export async function mockQuestions(
  viewer: Viewer,
  interview: Interview,
  count: number,
  options: MockOptions = { ownAnswers: false, seconds: MOCK_SECONDS.default },
  now = new Date(),
): Promise<MockQuestion[]> {
  const deckIds = interview.decks.map((d) => d.id);
  const [cards, ownWords, answers] = await Promise.all([
    scopeCards(viewer.id, interview),
    db.card.findMany({ where: { deckId: { in: deckIds }, ownAnswer: true, ...liveCard }, select: { id: true } }),
    db.ownAnswer.findMany({ where: { userId: viewer.id, deckId: { in: deckIds } }, select: { cardId: true, body: true, keyPoints: true } }),
  ]);
  const ownWordIds = new Set(ownWords.map((c) => c.id));
  const answerOf = new Map(answers.map(({ cardId, ...answer }) => [cardId, answer]));
  const flagged = cards.map((c) => ({ ...c, ownAnswer: ownWordIds.has(c.cardId), answered: answerOf.has(c.cardId) }));
  const picked = drawMockCards(flagged, count, options.ownAnswers, randomInt);
  const rows = await db.card.findMany({
    where: { id: { in: picked.map((c) => c.cardId) } },
    select: { id: true, lead: true, keyPoints: true, back: true, cardStates: { where: { userId: viewer.id }, select: { version: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return picked.flatMap((c) => {
    const row = byId.get(c.cardId);
    if (!row) return [];
    const keyPoints = splitKeyPoints(row.keyPoints);
    const answer = answerOf.get(c.cardId) ?? null;
    return [
      {
        cardId: c.cardId,
        deckId: c.deckId,
        slug: c.slug,
        version: row.cardStates[0]?.version ?? 0,
        memory: c.memory ?? newMemory(now),
        front: c.front,
        lead: row.lead,
        keyPoints,
        back: row.back,
        tags: [...c.tags],
        study: studyAnswer({ keyPoints, ownAnswer: c.ownAnswer }, answer),
        ownBody: answer?.body ?? null,
        seconds: mockSeconds(c, options.seconds),
      },
    ];
  });
}
