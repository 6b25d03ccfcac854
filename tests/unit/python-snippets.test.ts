// Every ```python block in every deck answer runs under python3. Blocks fenced as "python norun"
// are skipped, and the text right before them must say why.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeckMarkdown } from "@/lib/transfer/deck-markdown";

const decksDir = "data/decks";
const blocks: { name: string; code: string }[] = [];
const skipped: { name: string; before: string }[] = [];

for (const file of readdirSync(decksDir).filter((f) => f.endsWith(".md"))) {
  const result = parseDeckMarkdown(readFileSync(path.join(decksDir, file), "utf8"));
  if (!result.ok) throw new Error(`${file} does not parse`);
  for (const card of result.deck.cards) {
    const fence = /^```python([^\n]*)\n([\s\S]*?)^```$/gm;
    let match: RegExpExecArray | null;
    let index = 0;
    while ((match = fence.exec(card.back))) {
      const name = `${file} ${card.slug} #${++index}`;
      if (match[1]!.trim() === "norun") skipped.push({ name, before: card.back.slice(Math.max(0, match.index - 300), match.index) });
      else blocks.push({ name, code: match[2]! });
    }
  }
}

// python3's own 10 s limit below decides; Vitest's default 5 s is too short for the process-pool
// example on a busy machine.
describe("Python code in deck answers", { timeout: 15_000 }, () => {
  it("finds the blocks", () => {
    expect(blocks.length).toBeGreaterThan(50);
  });

  it.each(blocks)("$name runs without error", ({ code }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "drill-snippet-"));
    try {
      writeFileSync(path.join(dir, "snippet.py"), code);
      const run = spawnSync("python3", ["snippet.py"], { cwd: dir, timeout: 10_000, encoding: "utf8", input: "" });
      expect(run.error, "timed out or could not start python3").toBeUndefined();
      expect(run.status, run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The decks advise passing encoding= whenever text files are opened; their own code must follow it.
  it("opens text files with an explicit encoding", () => {
    const unencoded = blocks.flatMap(({ name, code }) => textFileCalls(code).map((call) => `${name}: ${call}`));
    expect(unencoded.filter((call) => !/encoding=/.test(call) && !/["'][rwxa]\+?b\+?["']/.test(call))).toEqual([]);
  });

  it.each(skipped.length ? skipped : [{ name: "(none)", before: "not run" }])("$name says why it is not run", ({ before }) => {
    expect(before).toMatch(/not (meant to )?(be )?run|isn't run|not run by/i);
  });
});

/** Each call that opens a file in code (open, Path.open, write_text, read_text), with its arguments. */
function textFileCalls(code: string): string[] {
  const calls: string[] = [];
  for (const match of code.matchAll(/(?<![\w.])open\(|\.open\(|\.(?:write|read)_text\(/g)) {
    let depth = 0;
    let end = match.index;
    for (; end < code.length; end++) {
      if (code[end] === "(") depth++;
      else if (code[end] === ")" && --depth === 0) break;
    }
    calls.push(code.slice(match.index, end + 1));
  }
  return calls;
}
