// Benchmark: server time to render card Markdown, for an ordinary answer and for the worst shapes
// the write-time budget (lib/markdown/budget.ts) still allows, next to the shapes it refuses.
// Figures are ratios to the ordinary answer measured in the same run, with the raw times beside them.
// Refused text is shown as plain text, which costs nothing to speak of (0 here).
//
//   node --conditions=react-server --import tsx bench/markdown.ts [--runs 20]
import { performance } from "node:perf_hooks";
import { markdownBudget, MAX_DELIMITERS, MAX_HIGHLIGHTED_CODE, MAX_ITEMS, MAX_NESTING, shouldHighlight } from "../lib/markdown/budget";
import { renderCardHtml } from "../lib/markdown/render";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 20;
const LIMIT = 20_000;

const ordinary = `The GIL lets one thread run Python bytecode at a time.\n\n- **Threads** share memory\n- *Processes* don't\n\n\`\`\`python\nimport threading\nt = threading.Thread(target=print, args=("hi",))\nt.start(); t.join()\n\`\`\`\n`;
const fill = (unit: string, max = LIMIT) => unit.repeat(Math.floor(max / unit.length));
const underBudget = (unit: string, perUnit: number) => unit.repeat(Math.floor(MAX_DELIMITERS / perUnit)) + "a ".repeat(2000);

const shapes: [string, string][] = [
  ["ordinary answer (baseline)", ordinary],
  [`*a (${MAX_DELIMITERS} delimiters, the most allowed)`, underBudget("*a", 1)],
  [`_a (${MAX_DELIMITERS})`, underBudget("_a", 1)],
  [`[a (${MAX_DELIMITERS})`, underBudget("[a", 1)],
  [`**a (${MAX_DELIMITERS})`, underBudget("**a", 2)],
  [`\`a (${MAX_DELIMITERS})`, underBudget("`a", 1)],
  [`<a (${MAX_DELIMITERS})`, underBudget("<a", 1)],
  [`![a]( (${MAX_DELIMITERS})`, underBudget("![a](", 3)],
  [`> nested ${MAX_NESTING} deep`, `${">".repeat(MAX_NESTING)} a\n`.repeat(300)],
  [
    `- ${MAX_ITEMS} list items nested ${MAX_NESTING} deep`,
    Array.from({ length: MAX_NESTING }, (_, i) => `${"  ".repeat(i)}- a`)
      .join("\n")
      .repeat(Math.floor(MAX_ITEMS / MAX_NESTING)),
  ],
  [`${MAX_ITEMS} flat list items`, "- a\n".repeat(MAX_ITEMS)],
  ["20 KB of plain words", fill("word ")],
  ["refused: 20 KB of list items", fill("- a\n")],
  ["refused: 20 KB of table rows", "| a | b |\n| - | - |\n" + fill("| a | b |\n", LIMIT - 20)],
  [
    "everything allowed at once (markers, nesting, highlighted code)",
    "*a".repeat(MAX_DELIMITERS - 10) +
      "\n\n" +
      Array.from({ length: MAX_NESTING }, (_, i) => `${"  ".repeat(i)}- a`)
        .join("\n")
        .repeat(Math.floor(MAX_ITEMS / MAX_NESTING)) +
      "\n\n```python\n" +
      fill("x = 1\n", MAX_HIGHLIGHTED_CODE - 10) +
      "```\n",
  ],
  [`${MAX_HIGHLIGHTED_CODE} chars of code (the most highlighted)`, "```python\n" + fill("x = 1\n", MAX_HIGHLIGHTED_CODE) + "```\n"],
  ["20 KB of code in one block (shown uncoloured)", "```python\n" + fill("x = 1\n", LIMIT - 20) + "```\n"],
  ["refused: 20 KB of *a", fill("*a")],
  ["refused: 10,000 nested >", ">".repeat(10_000) + " a"],
];

// Each run renders a text not seen before (a counter makes it new): the renderer's cache would
// otherwise answer every run after the first.
let salt = 0;
async function render(text: string): Promise<number> {
  const fresh = `${text}\n\n${++salt}`;
  const start = performance.now();
  await renderCardHtml(fresh);
  return performance.now() - start;
}

/** A repeat of a text already rendered: what a card costs on every view after the first. */
async function renderCached(text: string): Promise<number> {
  await renderCardHtml(text);
  const start = performance.now();
  await renderCardHtml(text);
  return performance.now() - start;
}

async function main() {
  await render(ordinary); // warm up the highlighter
  const rows: { shape: string; size: number; allowed: boolean; coloured: boolean; median: number }[] = [];
  for (const [shape, text] of shapes) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await render(text));
    times.sort((a, b) => a - b);
    rows.push({
      shape,
      size: text.length,
      allowed: markdownBudget(text).ok,
      coloured: shouldHighlight(text),
      median: times[Math.floor(times.length / 2)]!,
    });
  }
  const base = rows[0]!.median;
  const cached: number[] = [];
  for (let i = 0; i < runs; i++) cached.push(await renderCached(ordinary));
  cached.sort((a, b) => a - b);
  console.log(`Markdown render, median of ${runs} runs each (this machine, same run):\n`);
  console.log("| shape | chars | allowed | code coloured | median ms | x ordinary |\n|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.shape} | ${r.size} | ${r.allowed ? "yes" : "no (plain text)"} | ${r.allowed && r.coloured ? "yes" : "no"} | ${r.median.toFixed(2)} | ${(r.median / base).toFixed(1)}x |`,
    );
}

void main();
