// Every Markdown shape renders within a time bound: each construct repeated to 20 KB, the same
// packed up to the budget's limits with prose around it, and seeded random mixes. Text the budget
// refuses is shown as typed (fast); text it allows must render fast too, so no card can stall the
// server. The bound is generous because the test machines are shared and noisy.
import { describe, expect, it } from "vitest";
import { markdownBudget } from "@/lib/markdown/budget";
import { renderCardHtml } from "@/lib/markdown/render";

const SIZE = 20_000;
// Two seconds: with seven other builds on two cores, allowed shapes measured up to 1.3 s (0.3 s idle);
// the shape the review found took 25 s.
const BOUND_MS = 2_000;

/** One of each construct, as a unit to repeat: blocks, containers, inline runs, GFM, odd line ends. */
const UNITS = [
  // Setext headings: the outside review's 25-second shape, also with CR line ends and in containers.
  "a\n=\n",
  "a\n-\n",
  "a\r=\r",
  "a\r\n=\r\n",
  "> a\n> =\n",
  "- a\n  =\n",
  "a\n===\nb\n---\n",
  "a\n\n=\n",
  // Other blocks.
  "# a\n",
  "a\n\n",
  "a\n",
  "a  \n",
  "a\\\n",
  "---\n",
  "***\n",
  "    a\n",
  "```\n```\n",
  "```python\nx = 1\n```\n",
  "<div>\n",
  "<!--\n",
  "[a]: /u\n",
  "[a]: /u 'x'\n[a]\n",
  "[^a]\n",
  "[^a]: b\n",
  // Containers and nesting.
  "> a\nb\n",
  "> ",
  ">",
  "- a\n",
  "- ",
  "1. ",
  "1) a\n",
  "  - a\n",
  "- [ ] a\n",
  // Inline runs.
  "*a",
  "_a",
  "**a",
  "***a",
  "~~a",
  "`a",
  "[a",
  "[a](",
  "![a](",
  "[a](/u)",
  "<a",
  "<http://a.b>",
  "\\*",
  "&amp;",
  "&#x",
  "(((",
  "a*b_c ",
  // GFM autolinks and tables.
  "http://a.b ",
  "www.a.b ",
  "www.a(",
  "a@b.c ",
  "| a | b |\n| - | - |\n",
  "| a |\n",
  "a|",
  "|" + "a|".repeat(59) + "\n|" + "-|".repeat(59) + "\nx\n",
  // Line ends and odd characters.
  "a\r",
  "\t\n",
  "\u0000",
  "😀",
];

let salt = 0;
/** Renders text not rendered before (the renderer caches by text) and says how long it took. */
async function renderTime(text: string): Promise<number> {
  const fresh = `${text}\n\n${++salt}`;
  const start = performance.now();
  await renderCardHtml(fresh);
  return performance.now() - start;
}

const fill = (unit: string, size = SIZE) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

/** The most copies of `unit` (up to 20 KB) the budget allows, with prose after them up to 20 KB. */
function packedToLimit(unit: string): string {
  const tail = (used: number) => "word ".repeat(Math.max(0, Math.floor((SIZE - used) / 5)));
  const text = (n: number) => unit.repeat(n) + "\n\n" + tail(unit.length * n);
  let low = 0;
  let high = Math.floor(SIZE / unit.length);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (markdownBudget(text(mid)).ok) low = mid;
    else high = mid - 1;
  }
  return text(low);
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random units to 20 KB, cut back to the longest prefix the budget allows. */
function mix(seed: number): string {
  const next = random(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < SIZE) {
    const unit = UNITS[Math.floor(next() * UNITS.length)]!;
    const copies = 1 + Math.floor(next() * 50);
    parts.push(unit.repeat(copies));
    length += unit.length * copies;
  }
  let text = parts.join("").slice(0, SIZE);
  while (!markdownBudget(text).ok) text = text.slice(0, Math.floor(text.length * 0.9));
  return text;
}

describe("rendering any Markdown shape takes bounded time", () => {
  it("warms the renderer up (highlighter, parsers) so the timings below measure the text", async () => {
    expect(await renderCardHtml("*warm* up\n\n```python\nx = 1\n```")).toContain("<em>warm</em>");
  });

  it("the outside review's shape, 20 KB of setext headings, is refused and shown as typed at once", async () => {
    const text = fill("a\n=\n");
    expect(markdownBudget(text)).toMatchObject({ ok: false });
    expect(await renderTime(text)).toBeLessThan(BOUND_MS);
  });

  it.each(UNITS.map((unit) => [JSON.stringify(unit), unit]))("%s repeated to 20 KB", async (_name, unit) => {
    expect(await renderTime(fill(unit))).toBeLessThan(BOUND_MS);
  });

  it.each(UNITS.map((unit) => [JSON.stringify(unit), unit]))("%s repeated up to the budget, then prose to 20 KB", async (_name, unit) => {
    const text = packedToLimit(unit);
    expect(markdownBudget(text)).toEqual({ ok: true });
    expect(await renderTime(text)).toBeLessThan(BOUND_MS);
  });

  it.each(Array.from({ length: 12 }, (_, i) => [i + 1]))("random mix %i, cut to what the budget allows", async (seed) => {
    expect(await renderTime(mix(seed))).toBeLessThan(BOUND_MS);
  });
});
