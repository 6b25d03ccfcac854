// What a pasted block of text becomes: question-and-answer pairs when it is shaped like them, else a
// list of questions with empty answers (parseQuestionList). Pure, so the paste box previews in the
// browser exactly what the server will create. Shapes, tried in this order:
//   Q: / A: lines      "Q: What is a GIL?" then "A: ..." (the answer may run on over lines)
//   tab-separated      "question<TAB>answer" on every line (a spreadsheet's two columns, copied)
//   dash-separated     "What is a GIL? - A lock ..." on every line (a question mark before the dash)
import { CARDS_PER_IMPORT_MAX, cardContentSchema, deckMetaSchema, slugify } from "../decks/schema";
import { parseQuestionList, type ImportedCard, type ImportError, type ImportResult } from "./deck-markdown";

export type PasteShape = "qa" | "tab" | "dash" | "questions";

export const PASTE_SHAPE_LABEL: Record<PasteShape, string> = {
  qa: "Q: / A: lines",
  tab: "question and answer separated by a tab",
  dash: "question and answer separated by a dash",
  questions: "questions only (answers to fill in)",
};

const Q_LINE = /^\s*Q\s*[:.)]\s*(.*)$/i;
const A_LINE = /^\s*A\s*[:.)]\s*(.*)$/i;
const FENCE = /^\s*(```|~~~)/;
const DASH_PAIR = /^(.*\?)\s+[-–—]\s+(.+)$/;

interface Pair {
  front: string;
  back: string;
  line: number;
}

function qaPairs(lines: string[], errors: ImportError[]): Pair[] {
  const pairs: Pair[] = [];
  let current: (Pair & { side: "front" | "back" }) | null = null;
  // Inside a fenced code block, a line is code, even one that starts like "A:".
  let inFence = false;
  lines.forEach((raw, index) => {
    const fence = FENCE.test(raw);
    const q = inFence ? null : raw.match(Q_LINE);
    const a = inFence ? null : raw.match(A_LINE);
    if (fence && current) inFence = !inFence;
    if (q) {
      if (current) pairs.push(current);
      current = { front: q[1]!.trim(), back: "", line: index + 1, side: "front" };
    } else if (a) {
      if (!current) errors.push({ line: index + 1, message: 'This answer has no "Q:" line before it.' });
      else if (current.side === "back")
        errors.push({ line: index + 1, message: 'A second "A:" for one question: start the next with "Q:".' });
      else Object.assign(current, { back: a[1]!.trim(), side: "back" });
    } else if (current) {
      // A line that continues the question or the answer, as written: line breaks, blank lines and
      // code blocks are the card's Markdown (trimmed at the ends below).
      current[current.side] = `${current[current.side]}\n${raw}`;
    } else if (raw.trim()) errors.push({ line: index + 1, message: 'Text before the first "Q:" line.' });
  });
  if (current) pairs.push(current);
  return pairs.map(({ front, back, line }) => ({ front: trimLines(front), back: trimLines(back), line }));
}

/** The text without blank lines or trailing spaces at either end (indentation inside is code's). */
function trimLines(text: string): string {
  return text.replace(/^\s*\n/, "").trimEnd();
}

export function pasteShape(text: string): PasteShape {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const filled = lines.filter((l) => l.trim());
  if (filled.some((l) => Q_LINE.test(l)) && filled.some((l) => A_LINE.test(l))) return "qa";
  if (filled.length > 0 && filled.every((l) => l.includes("\t"))) return "tab";
  if (filled.length > 0 && filled.every((l) => DASH_PAIR.test(l.trim()))) return "dash";
  return "questions";
}

/** The cards a paste makes, with its shape; all or nothing (line-numbered errors). */
export function parsePaste(text: string): ImportResult & { shape: PasteShape } {
  const shape = pasteShape(text);
  if (shape === "questions") return { ...parseQuestionList(text, { title: "Pasted questions" }), shape };
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const errors: ImportError[] = [];
  const pairs: Pair[] =
    shape === "qa"
      ? qaPairs(lines, errors)
      : lines.flatMap((raw, index) => {
          if (!raw.trim()) return [];
          const [front, ...rest] = shape === "tab" ? raw.split("\t") : raw.trim().match(DASH_PAIR)!.slice(1);
          return [{ front: front!.trim(), back: rest.join(" ").trim(), line: index + 1 }];
        });
  if (pairs.length > CARDS_PER_IMPORT_MAX)
    return {
      ok: false,
      shape,
      errors: [
        { line: pairs[CARDS_PER_IMPORT_MAX]!.line, message: `At most ${CARDS_PER_IMPORT_MAX} cards at once; this has ${pairs.length}.` },
      ],
    };
  const cards: ImportedCard[] = [];
  const used = new Set<string>();
  for (const pair of pairs) {
    let slug = slugify(pair.front);
    for (let n = 2; used.has(slug); n++) slug = `${slugify(pair.front, 55)}-${n}`;
    used.add(slug);
    const parsed = cardContentSchema.safeParse({ slug, front: pair.front, back: pair.back, tags: [] });
    if (!parsed.success) errors.push({ line: pair.line, message: parsed.error.issues[0]!.message });
    else cards.push({ ...parsed.data, line: pair.line });
  }
  if (errors.length) return { ok: false, shape, errors };
  return { ok: true, shape, deck: { ...deckMetaSchema.parse({ title: "Pasted questions" }), cards } };
}
