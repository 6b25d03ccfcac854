// A paste box that recognises question-and-answer pairs: Q:/A: lines, tab- and dash-separated pairs,
// and falls back to a list of questions; all or nothing, with line numbers.
import { describe, expect, it } from "vitest";
import { parsePaste, pasteShape } from "@/lib/transfer/paste";

const cards = (text: string) => {
  const result = parsePaste(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.deck.cards.map((c) => [c.front, c.back]);
};

describe("pasting cards", () => {
  it("reads Q:/A: lines, answers running on over lines", () => {
    expect(pasteShape("Q: What is a GIL?\nA: A lock.")).toBe("qa");
    expect(cards("Q: What is a GIL?\nA: A lock\nheld by one thread.\n\nQ: What is `is`?\nA: Identity.\n")).toEqual([
      ["What is a GIL?", "A lock\nheld by one thread."],
      ["What is `is`?", "Identity."],
    ]);
  });

  it("reads two columns copied from a spreadsheet, and question? - answer lines", () => {
    expect(cards("What is a GIL?\tA lock.\nWhat is PEP 8?\tThe style guide.")).toEqual([
      ["What is a GIL?", "A lock."],
      ["What is PEP 8?", "The style guide."],
    ]);
    expect(pasteShape("What is a GIL? - A lock.\nWhat is PEP 8? — The style guide.")).toBe("dash");
    expect(cards("What is a GIL? - A lock.\nWhat is PEP 8? — The style guide.")).toEqual([
      ["What is a GIL?", "A lock."],
      ["What is PEP 8?", "The style guide."],
    ]);
  });

  it("keeps a plain list of questions as questions without answers", () => {
    expect(pasteShape("What is a GIL?\nWhat is a try-except block?")).toBe("questions");
    expect(cards("What is a GIL?\nWhat is a try-except block?")).toEqual([
      ["What is a GIL?", ""],
      ["What is a try-except block?", ""],
    ]);
  });

  it("says which line is wrong and makes nothing", () => {
    const result = parsePaste("A: an answer first\nQ: What is a GIL?\nA: A lock.\nA: again");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { line: 1, message: 'This answer has no "Q:" line before it.' },
        { line: 4, message: 'A second "A:" for one question: start the next with "Q:".' },
      ]);
    const empty = parsePaste("Q:\nA: an answer to nothing");
    expect(empty.ok).toBe(false);
  });
});

describe("pasting cards with line breaks and code (issue 25.7)", () => {
  it("keeps a question's lines and its fenced code block, even a line in it that starts like an answer", () => {
    const text =
      "Q: What does this print?\n\n```python\nA: int = 1\nfor i in range(2):\n    print(i)\n```\nA: 0\nthen 1\n\nQ: Next?\nA: Yes.";
    expect(cards(text)).toEqual([
      ["What does this print?\n\n```python\nA: int = 1\nfor i in range(2):\n    print(i)\n```", "0\nthen 1"],
      ["Next?", "Yes."],
    ]);
  });
});
