// The renderer's budget: shapes that cost seconds of CPU or overflow the stack are refused when
// written and shown as plain text when already stored; real answers pass untouched.
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { cardFormSchema } from "@/lib/decks/card-authoring";
import { codeLength, markdownBudget, MAX_DELIMITERS, MAX_ITEMS, MAX_NESTING, shouldHighlight } from "@/lib/markdown/budget";
import { parseDeckMarkdown } from "@/lib/transfer/deck-markdown";

const fill = (unit: string, size = 20_000) => unit.repeat(Math.floor(size / unit.length));

// The outside review's two findings first, then the other shapes micromark handles badly.
const PATHOLOGICAL: [string, string][] = [
  ["10,000 nested blockquotes (overflowed the stack: the card page answered 500)", ">".repeat(10_000) + " a"],
  ["20 KB of *a*a*a (3.3 s of CPU per render)", fill("*a")],
  ["20 KB of _a_a_a", fill("_a")],
  ["20 KB of **a**a", fill("**a")],
  ["20 KB of unclosed link openers", fill("[a")],
  ["20 KB of image openers", fill("![a](")],
  ["20 KB of autolink openers", fill("<a")],
  ["20 KB of backticks", fill("`a")],
  ["20 KB of strikethrough", fill("~a")],
  ["blockquotes nested one level per line", Array.from({ length: 200 }, (_, i) => `${"> ".repeat(i)}a`).join("\n")],
  ["lists nested one level per line", Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- a`).join("\n")],
  ["ordered lists nested on one line", fill("1. ", 3_000) + "a"],
  ["20 KB of list items (660 ms)", fill("- a\n")],
  ["20 KB of table rows (340 ms)", "| a | b |\n| - | - |\n" + fill("| a | b |\n")],
  ["20 KB of setext headings (25 s per render)", fill("a\n=\n")],
  ["the same with bare CR line ends", fill("a\r=\r")],
  ["50 setext headings before 19 KB of prose", "a\n-\n".repeat(50) + fill("word ", 19_000)],
  ["10,000 one-letter paragraphs (about 1 s)", fill("a\n\n")],
  ["20 KB of list items with bare CR line ends", fill("- a\r")],
];

describe("markdownBudget", () => {
  it.each(PATHOLOGICAL)("refuses %s", (_shape, text) => {
    expect(markdownBudget(text)).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it("allows what answers are made of: prose, lists, code with any number of stars, a few levels of nesting", () => {
    const answer = [
      "The **GIL** lets one thread run *Python bytecode* at a time ([docs](https://docs.python.org)).",
      "",
      "- threads share memory",
      "  - nested once",
      "    - and twice",
      "> a quote",
      "",
      "```python",
      fill("def f(*args, **kwargs): return [x ** 2 for x in args]\n", 6_000),
      "```",
    ].join("\n");
    expect(markdownBudget(answer)).toEqual({ ok: true });
    expect(markdownBudget(fill("*a", MAX_DELIMITERS))).toEqual({ ok: true });
    expect(markdownBudget(`${">".repeat(MAX_NESTING)} a`)).toEqual({ ok: true });
    expect(markdownBudget("- a\n".repeat(MAX_ITEMS))).toEqual({ ok: true });
  });

  it("every card of the decks in data/ is within it", () => {
    const parsed = parseDeckMarkdown(readFileSync("data/decks/python-interview-questions.md", "utf8"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    for (const card of parsed.deck.cards) {
      expect([card.slug, markdownBudget(card.back), shouldHighlight(card.back)]).toEqual([card.slug, { ok: true }, true]);
    }
  });

  it("counts only what is inside code fences as code", () => {
    expect(codeLength("text\n```python\nx = 1\ny = 2\n```\nmore")).toBe(12);
    expect(codeLength("no code")).toBe(0);
  });
});

describe("writing and showing card text", () => {
  it("the card editor refuses an answer past the budget, saying why", () => {
    const result = cardFormSchema.safeParse({ front: "Q?", back: ">".repeat(10_000) + " a", tags: [] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/too complex to show: It nests quotes or lists more than 16 levels deep/);
  });

  it("the card editor refuses 20 KB of setext headings (the shape that stalled the server), saying why", () => {
    const result = cardFormSchema.safeParse({ front: "Q?", back: fill("a\n=\n"), tags: [] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/too complex to show: It has more than 400 lines outside code blocks/);
  });

  it("a stored answer past the budget is shown as typed, not rendered, and the page doesn't fail", async () => {
    const html = renderToStaticMarkup(await Markdown({ children: ">".repeat(10_000) + " a" }));
    expect(html).toContain("Shown as typed");
    expect(html).toContain(">>>> a</pre>");
    expect(html).not.toContain("<blockquote");
  });

  it("a card with more code than is worth highlighting shows it uncoloured", async () => {
    expect(shouldHighlight("```python\n" + fill("x = 1\n", 6_000) + "```")).toBe(false);
    const long = await Markdown({ children: "```python\n" + fill("x = 1\n", 6_000) + "```" });
    expect(renderToStaticMarkup(long)).not.toContain('class="shiki');
    const short = await Markdown({ children: "```python\nx = 1\n```" });
    expect(renderToStaticMarkup(short)).toContain('class="shiki');
  });
});

describe("images on cards", () => {
  // A mentor could plant a tracking pixel on mentees' cards.
  it("loads only images Drill serves, and names any other instead of loading it", async () => {
    const html = renderToStaticMarkup(
      await Markdown({ children: "![pixel](https://tracker.example/p.gif) ![ours](/card-images/a.png) ![x](//evil.example/y.png)" }),
    );
    expect(html).not.toContain("tracker.example");
    expect(html).not.toContain("evil.example");
    expect(html).toContain('src="/card-images/a.png"');
    expect(html).toContain("[image not shown: pixel]");
  });
});
