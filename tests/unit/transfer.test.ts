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

describe("questions with code", () => {
  it("writes a question's code under Question: and reads it back", () => {
    const front = "What does this print?\n\n```python\nprint(0.1 + 0.2 == 0.3)\n\nprint('done')\n```";
    const markdown = deckToMarkdown({
      title: "Code",
      visibility: "private",
      source: "",
      description: "",
      cards: [{ slug: "float", front, lead: "", keyPoints: [], back: "`False`: floats are binary.", tags: [] }],
    });
    expect(markdown).toContain("## What does this print?\nslug: float\n\nQuestion:\n\n```python");
    const parsed = parseDeckMarkdown(markdown);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.deck.cards[0]).toMatchObject({ front, back: "`False`: floats are binary." });
  });

  it("wants an Answer: line after a Question: block", () => {
    const parsed = parseDeckMarkdown("# D\n\n## What does this print?\n\nQuestion:\n\n```python\nprint(1)\n```\n\nOne.\n");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toEqual({ line: 5, message: 'The "Question:" block needs an "Answer:" line after it.' });
  });
});
