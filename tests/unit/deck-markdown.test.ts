import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDeckMarkdown, parseQuestionList } from "@/lib/transfer/deck-markdown";
import { LEAD_MAX_WORDS, TAGS, wordCount } from "@/lib/decks/schema";
import { deckToMarkdown } from "@/lib/transfer/transfer";

const deckFile = readFileSync("data/decks/python-interview-questions.md", "utf8");
// A document shaped like the deck's source (a title, an article, then the question list with two
// series links), kept in the repository: tests read nothing outside it. Its questions are the
// source's, as the deck's fronts are; its article is a stand-in of our own.
const sourceDocument = readFileSync("tests/fixtures/source-shaped-questions.txt", "utf8");

function errorsOf(text: string) {
  const result = parseDeckMarkdown(text);
  if (result.ok) throw new Error("expected the deck to be rejected");
  return result.errors;
}

describe("the Python deck in data/", () => {
  const result = parseDeckMarkdown(deckFile);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { deck } = result;

  it("has one card per question of the source list, plus the article card", () => {
    expect(deck.title).toBe("Python Interview Questions");
    expect(deck.slug).toBe("python-interview-questions");
    expect(deck.visibility).toBe("public");
    expect(deck.cards).toHaveLength(60);
    const sourceQuestions = sourceDocument
      .split("\n")
      .filter((l) => l.startsWith("- ") && !/\(Part \d\)$/.test(l))
      .map((l) => l.slice(2));
    expect(sourceQuestions).toHaveLength(59);
    expect(deck.cards.map((c) => c.front)).toEqual([
      "Multithreading vs multiprocessing in Python: what is the difference, and when do you use each?",
      ...sourceQuestions,
    ]);
  });

  it("gives every card a unique slug, a real answer and at least one known tag", () => {
    expect(new Set(deck.cards.map((c) => c.slug)).size).toBe(60);
    for (const card of deck.cards) {
      expect(card.back.length, card.slug).toBeGreaterThan(400);
      expect(card.tags.length, card.slug).toBeGreaterThan(0);
      for (const tag of card.tags) expect(TAGS).toContain(tag);
    }
  });

  it("gives every card a lead of at most 45 words and 3 to 5 key points of at most 15 words", () => {
    for (const card of deck.cards) {
      expect(wordCount(card.lead), card.slug).toBeGreaterThan(5);
      expect(wordCount(card.lead), card.slug).toBeLessThanOrEqual(LEAD_MAX_WORDS);
      expect(card.keyPoints.length, card.slug).toBeGreaterThanOrEqual(3);
      expect(card.keyPoints.length, card.slug).toBeLessThanOrEqual(5);
      for (const point of card.keyPoints) expect(wordCount(point), `${card.slug}: ${point}`).toBeLessThanOrEqual(15);
    }
  });

  it("keeps every back to what a learner reads in a minute: at most 150 words beside code", () => {
    for (const card of deck.cards) {
      const prose = card.back.replace(/^```[\s\S]*?^```$/gm, "").replace(/^\|.*\|$/gm, "");
      expect(wordCount(prose), card.slug).toBeLessThanOrEqual(150);
    }
  });

  it("never puts one key point on two cards", () => {
    const seen = new Map<string, string>();
    for (const card of deck.cards) {
      for (const point of card.keyPoints) {
        const key = point.toLowerCase().replace(/\s+/g, " ");
        expect(seen.get(key), `"${point}" is on ${seen.get(key)} and ${card.slug}`).toBeUndefined();
        seen.set(key, card.slug);
      }
    }
  });

  it("round-trips through export: every card's lead, key points and details come back the same", () => {
    const again = parseDeckMarkdown(deckToMarkdown(deck));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const strip = (cards: typeof deck.cards) => cards.map(({ line: _line, ...card }) => card);
    expect(strip(again.deck.cards)).toEqual(strip(deck.cards));
  });

  it("has no cards for the navigation links", () => {
    expect(deck.cards.some((c) => /\(Part \d\)/.test(c.front))).toBe(false);
  });
});

describe("the behavioural deck in data/", () => {
  const result = parseDeckMarkdown(readFileSync("data/decks/behavioural-interview-questions.md", "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { deck } = result;

  it("is a public seeded deck of about 30 prompts, each answered in your own words", () => {
    expect(deck).toMatchObject({ title: "Behavioural interview questions", slug: "behavioural-interview-questions", visibility: "public" });
    expect(deck.cards.length).toBeGreaterThanOrEqual(28);
    expect(deck.cards.length).toBeLessThanOrEqual(35);
    expect(new Set(deck.cards.map((c) => c.slug)).size).toBe(deck.cards.length);
    for (const card of deck.cards) expect(card.ownAnswer, card.slug).toBe(true);
  });

  it("covers the themes interviewers ask about", () => {
    const fronts = deck.cards.map((c) => c.front.toLowerCase()).join("\n");
    const themes = [
      "disagree",
      "failed",
      "without formal authority",
      "deadline",
      "mistake",
      "unclear",
      "critical feedback",
      "proud",
      "why do you want to work here",
    ];
    for (const theme of themes) expect(fronts, theme).toContain(theme);
  });

  it("gives every prompt what interviewers listen for, 3 to 5 points to tick and a common pitfall", () => {
    for (const card of deck.cards) {
      expect(wordCount(card.lead), card.slug).toBeGreaterThan(10);
      expect(wordCount(card.lead), card.slug).toBeLessThanOrEqual(LEAD_MAX_WORDS);
      expect(card.keyPoints.length, card.slug).toBeGreaterThanOrEqual(3);
      expect(card.keyPoints.length, card.slug).toBeLessThanOrEqual(5);
      for (const point of card.keyPoints) expect(wordCount(point), `${card.slug}: ${point}`).toBeLessThanOrEqual(15);
      expect(card.back, card.slug).toMatch(/\*\*Pitfall:\*\* \S/);
    }
    // Story prompts ("Tell me about a time...") get the STAR shape; pitches like "Tell me about yourself" don't.
    for (const card of deck.cards.filter((c) => c.front.startsWith("Tell me about a")))
      expect(card.back, card.slug).toMatch(/\*\*STAR:\*\*/);
  });

  it("round-trips through export with its own-answer marks", () => {
    const again = parseDeckMarkdown(deckToMarkdown(deck));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const strip = (cards: typeof deck.cards) => cards.map(({ line: _line, ...card }) => card);
    expect(strip(again.deck.cards)).toEqual(strip(deck.cards));
  });
});

describe("parseDeckMarkdown", () => {
  const valid = `# My deck
slug: my-deck

About it.

## First question?
slug: first
tags: basics

An answer.

\`\`\`python
## not a heading: inside code
print("hi")
\`\`\`

## Second question?
tags: oop, types

Another answer.
`;

  it("reads the title, metadata, description and cards, ignoring headings inside code", () => {
    const result = parseDeckMarkdown(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deck).toMatchObject({ title: "My deck", slug: "my-deck", description: "About it.", visibility: "private" });
    expect(result.deck.cards.map((c) => [c.slug, c.front, c.tags])).toEqual([
      ["first", "First question?", ["basics"]],
      ["second-question", "Second question?", ["oop", "types"]],
    ]);
    expect(result.deck.cards[0]!.back).toContain("## not a heading: inside code");
    expect(result.deck.cards[0]!.line).toBe(6);
  });

  it("rejects a duplicate slug with both line numbers", () => {
    const errors = errorsOf(`# D\n\n## One\nslug: same\n\nA\n\n## Two\nslug: same\n\nB\n`);
    expect(errors).toEqual([{ line: 9, message: 'Duplicate slug "same" (first used on line 4).' }]);
  });

  it("rejects an empty question", () => {
    expect(errorsOf(`# D\n\n## \nslug: blank\n\nAnswer\n`)).toEqual([{ line: 3, message: "A card heading has no question." }]);
  });

  it("takes a deck's own tags, and rejects a malformed one on its line", () => {
    const parsed = parseDeckMarkdown(`# D\n\n## Q?\ntags: basics, system-design, python::asyncio, C++\n\nA\n`);
    expect(parsed.ok && parsed.deck.cards[0]!.tags).toEqual(["basics", "system-design", "python::asyncio", "c++"]);
    const errors = errorsOf(`# D\n\n## Q?\ntags: basics, <script>\n\nA\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(4);
    expect(errors[0]!.message).toMatch(/A tag uses letters, digits/);
  });

  it('keeps "answer: own" on the card, through export too, and refuses another value', () => {
    const parsed = parseDeckMarkdown(`# D\n\n## Tell me about a conflict.\nslug: conflict\nanswer: own\n\nGuidance.\n\n## Q?\n\nA\n`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.deck.cards.map((c) => c.ownAnswer)).toEqual([true, undefined]);
    const again = parseDeckMarkdown(deckToMarkdown(parsed.deck));
    expect(again.ok && again.deck.cards.map((c) => c.ownAnswer)).toEqual([true, undefined]);
    expect(errorsOf(`# D\n\n## Q?\nanswer: yes\n\nA\n`)).toEqual([
      { line: 4, message: '"answer:" takes one value, "own" (answer in your own words).' },
    ]);
  });

  it('reads "replaces:" as the slugs merged into a card, and refuses one still in the deck or malformed', () => {
    const parsed = parseDeckMarkdown(`# D\n\n## Merged?\nslug: merged\nreplaces: old-one, older\n\nA\n`);
    expect(parsed.ok && parsed.deck.cards[0]!.replaces).toEqual(["old-one", "older"]);
    expect(parsed.ok && parseDeckMarkdown(deckToMarkdown(parsed.deck))).toMatchObject({
      ok: true,
      deck: { cards: [{ replaces: ["old-one", "older"] }] },
    });
    expect(errorsOf(`# D\n\n## A?\nslug: aaa\nreplaces: bbb\n\nA\n\n## B?\nslug: bbb\n\nB\n`)).toEqual([
      { line: 3, message: '"replaces: bbb" names a card still in the deck.' },
    ]);
    expect(errorsOf(`# D\n\n## A?\nslug: aaa\nreplaces: Not A Slug\n\nA\n`)[0]!.line).toBe(5);
    expect(errorsOf(`# D\n\n## A?\nslug: aaa\nreplaces: aaa\n\nA\n`)[0]!.message).toBe("A card can't replace itself.");
  });

  it("reports every problem at once, in line order", () => {
    const errors = errorsOf(`# D\nvisibility: secret\n\n## Q?\ntags: no/pe\n\nA\n\n## \n\nB\n`);
    expect(errors.map((e) => e.line)).toEqual([2, 5, 9]);
  });

  it("rejects a file without a title, an unclosed code block, and a bad slug", () => {
    expect(errorsOf(`Just text\n`)[0]!.message).toMatch(/starts with its title/);
    expect(errorsOf(`# D\n\n## Q?\n\n\`\`\`python\nx = 1\n`)[0]!.message).toMatch(/never closed/);
    expect(errorsOf(`# D\n\n## Q?\nslug: Not A Slug\n\nA\n`)[0]).toMatchObject({ line: 4 });
  });

  describe("key points", () => {
    const card = (answer: string) => `# D\n\n## Q?\nslug: q-one\n\n${answer}\n`;
    const points = (n: number) => Array.from({ length: n }, (_, i) => `- Point number ${i + 1}`).join("\n");

    it("reads the lead, the key points and the details under More", () => {
      const result = parseDeckMarkdown(
        card(`Lead: Say this first,\nover two lines.\n\nKey points:\n${points(3)}\n\nMore:\n\nDetails.\n\n- a list in the details`),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.deck.cards[0]).toMatchObject({
        lead: "Say this first, over two lines.",
        keyPoints: ["Point number 1", "Point number 2", "Point number 3"],
        back: "Details.\n\n- a list in the details",
      });
    });

    it("keeps working for answers without key points", () => {
      const result = parseDeckMarkdown(card("Just an answer.\n\n- with a list"));
      expect(result.ok && result.deck.cards[0]).toMatchObject({ lead: "", keyPoints: [], back: "Just an answer.\n\n- with a list" });
    });

    it("reports a missing lead on the key points' line", () => {
      expect(errorsOf(card(`Key points:\n${points(3)}`))).toEqual([
        { line: 6, message: 'Key points need a lead first: a "Lead:" line with what you say first.' },
      ]);
      expect(errorsOf(card(`Lead:\n\nKey points:\n${points(3)}`))[0]).toMatchObject({ line: 6, message: expect.stringMatching(/empty/) });
    });

    it("reports too few and too many key points", () => {
      expect(errorsOf(card(`Lead: First.\n\nKey points:\n${points(2)}`))).toEqual([
        { line: 8, message: "A card has 3 to 6 key points (this one has 2)." },
      ]);
      expect(errorsOf(card(`Lead: First.\n\nKey points:\n${points(7)}`))[0]!.message).toMatch(/this one has 7/);
    });

    it("reports an over-long key point and an over-long lead on their own lines", () => {
      const long = Array.from({ length: 21 }, (_, i) => `w${i}`).join(" ");
      expect(errorsOf(card(`Lead: First.\n\nKey points:\n- One point\n- ${long}\n- Three`))).toEqual([
        { line: 10, message: expect.stringMatching(/at most 20 words \(this one has 21\)/) },
      ]);
      const lead = Array.from({ length: 46 }, () => "word").join(" ");
      expect(errorsOf(card(`Lead: ${lead}\n\nKey points:\n${points(3)}`))).toEqual([
        { line: 6, message: expect.stringMatching(/at most 45 words \(this one has 46\)/) },
      ]);
    });

    it("reports prose among the key points and a lead without key points", () => {
      expect(errorsOf(card(`Lead: First.\n\nKey points:\n- One\nprose here`))[0]).toMatchObject({ line: 10 });
      expect(errorsOf(card(`Lead: First.\n\nSome prose.`))[0]!.message).toMatch(/"Key points:" line/);
    });
  });

  it("rejects an answer over 20,000 characters", () => {
    expect(errorsOf(`# D\n\n## Q?\n\n${"x".repeat(20_001)}\n`)[0]!.message).toMatch(/at most 20,000/);
  });
});

describe("parseQuestionList", () => {
  it("turns the source document into question cards, skipping the series links", () => {
    const result = parseQuestionList(sourceDocument);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deck.title).toBe("Multithreading vs Multiprocessing | Python");
    expect(result.deck.description).toMatch(/^Multithreading and multiprocessing are both ways/);
    expect(result.deck.cards).toHaveLength(59);
    expect(result.deck.cards[0]).toMatchObject({ front: "What is python used for?", back: "", slug: "what-is-python-used-for" });
    expect(new Set(result.deck.cards.map((c) => c.slug)).size).toBe(59);
  });

  it("reads plain lines as questions and gives repeated questions distinct slugs", () => {
    const result = parseQuestionList("What is a list?\n\n1. What is a tuple?\nWhat is a list?\n", { title: "Mine" });
    // numbered lines count as a bulleted list, so the other lines are the title and description
    expect(result.ok).toBe(true);
    const plain = parseQuestionList("What is a list?\nWhat is a tuple?\nWhat is a list?\n", { title: "Mine" });
    if (!plain.ok) throw new Error("expected ok");
    expect(plain.deck.title).toBe("Mine");
    expect(plain.deck.cards.map((c) => c.slug)).toEqual(["what-is-a-list", "what-is-a-tuple", "what-is-a-list-2"]);
  });

  it("refuses an empty paste and a 10,000-line paste", () => {
    const empty = parseQuestionList("\n\n");
    expect(empty.ok).toBe(false);
    const huge = parseQuestionList(Array.from({ length: 10_000 }, (_, i) => `Question ${i}?`).join("\n"));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.errors[0]!.message).toMatch(/At most 1000 questions/);
  });
});
