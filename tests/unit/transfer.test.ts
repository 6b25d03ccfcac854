import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDeckMarkdown } from "@/lib/transfer/deck-markdown";
import { deckToMarkdown } from "@/lib/transfer/transfer";

const withoutLines = <T extends { line: number }>(cards: T[]) => cards.map(({ line: _line, ...card }) => card);

describe("deck files round-trip", () => {
  it("reads back exactly what it writes, for the whole Python deck", () => {
    const original = parseDeckMarkdown(readFileSync("data/decks/python-interview-questions.md", "utf8"));
    if (!original.ok) throw new Error("the seed deck must parse");
    const again = parseDeckMarkdown(deckToMarkdown(original.deck));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect({ ...again.deck, cards: withoutLines(again.deck.cards) }).toEqual({
      ...original.deck,
      cards: withoutLines(original.deck.cards),
    });
  });

  it("keeps cards without answers or tags", () => {
    const markdown = deckToMarkdown({
      title: "T",
      visibility: "private",
      source: "",
      description: "",
      cards: [{ slug: "q-one", front: "Q?", lead: "", keyPoints: [], back: "", tags: [] }],
    });
    const parsed = parseDeckMarkdown(markdown);
    expect(parsed.ok && parsed.deck.cards.map((c) => [c.slug, c.front, c.back, c.tags])).toEqual([["q-one", "Q?", "", []]]);
  });
});
