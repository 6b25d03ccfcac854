// The end of a session in words: each sentence against the case it must say.
import { describe, expect, it } from "vitest";
import { nextStepLines } from "@/lib/review/next-steps";
import type { AfterSession } from "@/lib/review/session";

const now = new Date("2026-11-25T10:00:00Z");
const after = (over: Partial<AfterSession>): AfterSession => ({
  left: { new: 0, learning: 0, review: 0, total: 0 },
  cards: 0,
  unseen: 0,
  unanswered: 0,
  mentored: false,
  nextDue: null,
  nextDay: new Date("2026-11-26T04:00:00Z"),
  newPerDay: 10,
  sharedLimit: false,
  newCards: { limit: 10, allowed: 10, ask: null, choice: null },
  ...over,
});

describe("nextStepLines", () => {
  it("a mentee whose mentor hasn't answered the cards is told so, not that no reviews are scheduled", () => {
    const lines = nextStepLines(after({ unanswered: 3, mentored: true }), null, now);
    expect(lines).toEqual(["Your mentor hasn't answered 3 cards yet: they come here once answered."]);
    expect(lines.join(" ")).not.toContain("No reviews are scheduled yet");
    expect(nextStepLines(after({ unanswered: 1 }), null, now)).toEqual([
      "The deck's author hasn't answered 1 card yet: it comes here once answered.",
    ]);
  });

  it("with answered cards met too, says both", () => {
    expect(nextStepLines(after({ cards: 2, unanswered: 1, mentored: true }), null, now)).toEqual([
      "You've now met all 2 cards in your decks.",
      "Your mentor hasn't answered 1 card yet: it comes here once answered.",
      "No reviews are scheduled yet.",
    ]);
  });

  it("new cards unlocking tomorrow: the limit for all decks; for one of several decks, no number it can't keep", () => {
    expect(nextStepLines(after({ cards: 40, unseen: 30 }), null, now)[0]).toBe("New cards: 10 more unlock tomorrow at 04:00 AM.");
    expect(nextStepLines(after({ cards: 40, unseen: 4 }), null, now)[0]).toBe("New cards: 4 more unlock tomorrow at 04:00 AM.");
    expect(nextStepLines(after({ cards: 40, unseen: 30, sharedLimit: true }), null, now, "deck")[0]).toBe(
      "New cards unlock tomorrow at 04:00 AM: 10 a day across your decks.",
    );
  });
});
