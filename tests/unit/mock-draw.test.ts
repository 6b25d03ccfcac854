import { describe, expect, it } from "vitest";
import { drawMockCards, MOCK_CLOCK, mockSeconds } from "@/lib/interviews/mock-draw";

const cards = [
  { cardId: "gil", ownAnswer: false, answered: false },
  { cardId: "conflict", ownAnswer: true, answered: true },
  { cardId: "failure", ownAnswer: true, answered: false },
  { cardId: "asyncio", ownAnswer: false, answered: true },
  { cardId: "enum", ownAnswer: false, answered: false },
];
/** No shuffling: each step swaps an item with itself. */
const keepOrder = (n: number) => n - 1;
/** Always the first remaining item: a real reordering, to show the draw is a shuffle. */
const first = () => 0;

describe("the mock interview's draw", () => {
  it("without own-answer cards, leaves behavioural prompts out", () => {
    expect(drawMockCards(cards, 10, false, keepOrder).map((c) => c.cardId)).toEqual(["gil", "asyncio", "enum"]);
    expect(drawMockCards(cards, 2, false, keepOrder)).toHaveLength(2);
  });

  it("with them, asks the learner's answered cards first, then the rest, behavioural prompts included", () => {
    expect(drawMockCards(cards, 10, true, keepOrder).map((c) => c.cardId)).toEqual(["conflict", "asyncio", "gil", "failure", "enum"]);
    expect(drawMockCards(cards, 1, true, keepOrder).map((c) => c.cardId)).toEqual(["conflict"]);
  });

  it("shuffles within each group", () => {
    expect(drawMockCards(cards, 10, true, first).map((c) => c.cardId)).toEqual(["asyncio", "conflict", "failure", "enum", "gil"]);
  });

  it("gives a behavioural prompt two minutes and a technical question the learner's setting", () => {
    expect(MOCK_CLOCK).toEqual({ ownWords: 120, technical: 30 });
    expect(mockSeconds({ ownAnswer: true }, 30)).toBe(120);
    expect(mockSeconds({ ownAnswer: false }, 45)).toBe(45);
  });
});
