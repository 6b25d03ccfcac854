import { describe, expect, it } from "vitest";
import { importSummary, titleInUse } from "@/lib/transfer/anki-summary";

const none = { kept: 0, overdue: 0, rescheduled: 0, suspended: 0 };

describe("an Anki import's summary", () => {
  it("says how many cards keep Anki's dates and how many of them are overdue", () => {
    expect(importSummary({ cards: 13, decks: 1, skipped: 0, schedule: { ...none, kept: 12, overdue: 1 } })).toEqual([
      "Imported 13 cards.",
      "12 cards keep Anki's dates; 1 is overdue.",
    ]);
    expect(importSummary({ cards: 1, decks: 1, skipped: 0, schedule: { ...none, kept: 1 } })).toEqual([
      "Imported 1 card.",
      "1 card keeps Anki's dates.",
    ]);
  });

  it("tells rescheduled, suspended and left-out cards, and the decks made", () => {
    expect(importSummary({ cards: 20, decks: 3, skipped: 1, schedule: { ...none, rescheduled: 4, suspended: 2 } })).toEqual([
      "Imported 20 cards into 3 decks.",
      "1 card left out (imported before, or with an empty front, as Anki doesn't make those).",
      "4 cards rescheduled by FSRS from their Anki history.",
      "2 cards suspended in Anki stay suspended.",
    ]);
  });
});

describe("a deck title already in use", () => {
  it("matches the learner's titles whatever the case and spacing", () => {
    expect(titleInUse(" interview  prep", ["Interview Prep"])).toBe(true);
    expect(titleInUse("Interview", ["Interview Prep"])).toBe(false);
  });
});
