import { describe, expect, it } from "vitest";
import { cardsToCsv, csvCards, guessMapping, historyToCsv, readCsv } from "@/lib/transfer/csv";

function table(text: string) {
  const read = readCsv(text);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.table;
}

describe("readCsv", () => {
  it("reads a header, quoted fields with commas and line breaks, and gives each row its first line", () => {
    const t = table(
      'question,answer,tags\n"What is the GIL?","A lock, one per interpreter:\nonly one thread runs bytecode",concurrency\n\nWhat is a tuple?,An immutable sequence,types\n',
    );
    expect(t.delimiter).toBe(",");
    expect(t.header).toEqual(["question", "answer", "tags"]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["What is the GIL?", "A lock, one per interpreter:\nonly one thread runs bytecode", "concurrency"] },
      { line: 5, cells: ["What is a tuple?", "An immutable sequence", "types"] },
    ]);
    expect(guessMapping(t)).toEqual({ question: 0, answer: 1, tags: 2 });
  });

  it("detects tabs and semicolons, and works without a header (question, answer, tags by position)", () => {
    const tsv = table("What is pip?\tThe package installer\nWhat is venv?\tAn isolated environment\n");
    expect([tsv.delimiter, tsv.header, tsv.rows.length]).toEqual(["\t", null, 2]);
    expect(guessMapping(tsv)).toEqual({ question: 0, answer: 1 });
    expect(table("Front;Back\nQ1;A1\n").delimiter).toBe(";");
    expect(guessMapping(table("Back;Front\nA1;Q1\n"))).toEqual({ answer: 0, question: 1 });
  });

  it("refuses ragged rows, an unclosed quote and an empty file, with line numbers", () => {
    const ragged = readCsv("question,answer\nQ1,A1\nQ2,A2,extra\nQ3\n");
    expect(ragged.ok ? [] : ragged.errors).toEqual([
      { line: 3, message: "This row has 3 fields; the header has 2." },
      { line: 4, message: "This row has 1 fields; the header has 2." },
    ]);
    const unclosed = readCsv('question,answer\n"Q1,A1\nQ2,A2\n');
    expect(unclosed.ok ? [] : unclosed.errors[0]!.message).toMatch(/never closed/);
    expect(readCsv("\n\n").ok).toBe(false);
    expect(readCsv("question,answer\n").ok).toBe(false);
  });
});

describe("csvCards", () => {
  it("checks every row like the editor does, naming the line", () => {
    const t = table("question,answer,tags\nQ1?,A1,basics\n,no question,basics\nQ3?,A3,astro/logy\n");
    const result = csvCards(t, guessMapping(t));
    expect(result.ok ? [] : result.errors).toEqual([
      { line: 3, message: "This row has no question." },
      { line: 4, message: expect.stringMatching(/^A tag uses letters, digits/) },
    ]);
  });

  it("reads key points one per line, gives repeated questions distinct slugs, and round-trips an export", () => {
    const t = table(
      'question,lead,key points,answer,tags\nQ?,Say this.,"one\ntwo\nthree",More.,"basics, types"\nQ?,Lead.,"a\nb\nc",,oop\n',
    );
    const result = csvCards(t, guessMapping(t));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.cards.map((c) => [c.slug, c.lead, c.keyPoints, c.back, c.tags])).toEqual([
      ["card-q", "Say this.", ["one", "two", "three"], "More.", ["basics", "types"]],
      ["card-q-2", "Lead.", ["a", "b", "c"], "", ["oop"]],
    ]);
    const again = table(cardsToCsv(result.cards));
    const back = csvCards(again, guessMapping(again));
    expect(back.ok && back.cards.map(({ line: _line, ...c }) => c)).toEqual(result.cards.map(({ line: _line, ...c }) => c));
  });
});

describe("formula cells", () => {
  it("are written with a leading apostrophe, so spreadsheets show them as text, and read back as written", () => {
    const card = {
      slug: "formula",
      front: '=HYPERLINK("https://evil.example")',
      lead: "+1 then",
      keyPoints: ["-2 first", "@SUM(A1)", "then a third"],
      back: "\tcmd",
      tags: [],
    };
    const csv = cardsToCsv([card]);
    const cells = table(csv).rows[0]!.cells;
    expect(cells.slice(1, 5)).toEqual(['\'=HYPERLINK("https://evil.example")', "'+1 then", "'-2 first\n@SUM(A1)\nthen a third", "'\tcmd"]);
    const back = csvCards(table(csv), guessMapping(table(csv)));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.ok && back.cards.map((c) => [c.front, c.lead, c.keyPoints, c.back])).toEqual([
      [card.front, card.lead, card.keyPoints, card.back.trim()],
    ]);
  });

  it("leave ordinary text alone, an apostrophe of its own included", () => {
    const csv = cardsToCsv([{ slug: "plain", front: "What's 1 + 1?", lead: "'Quoted' lead", keyPoints: [], back: "a = b", tags: [] }]);
    expect(table(csv).rows[0]!.cells.slice(1, 3)).toEqual(["What's 1 + 1?", "'Quoted' lead"]);
  });
});

describe("historyToCsv", () => {
  it("writes the columns FSRS's optimizer tools read", () => {
    const csv = historyToCsv([{ cardId: "c1", reviewedAt: new Date(1_700_000_000_000), rating: 3, state: 2, durationMs: 4200 }]);
    expect(csv).toBe("card_id,review_time,review_rating,review_state,review_duration\nc1,1700000000000,3,2,4200\n");
  });
});
