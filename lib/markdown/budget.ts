// How much work a card's Markdown may ask of the renderer. Card text is untrusted, and two shapes
// make remark (micromark) and React do far more than the text's length suggests: deep nesting
// (blockquotes or lists 10,000 levels deep overflow the stack) and long runs of emphasis or link
// delimiters (20 KB of `*a*a*a…` costs seconds of CPU, as the parser pairs every opener with every
// closer). Setext headings (a line underlined with `=` or `-`) cost in proportion to the text around
// each one: 20 KB of `a\n=\n` took 25 s, and 200 of them before 19 KB of prose still take half a
// second. And many short blocks cost more than their length: 10,000 one-letter paragraphs take about
// a second. So underlines and the lines outside code are counted too (a fenced block of any length is
// two lines; tests/unit/markdown-fuzz.test.ts times every shape we know of). Text past any bound is refused when written (the editor says why) and, if it was
// stored before these bounds existed, shown as plain text instead of rendered. Pure: the editor's
// form validation and the renderer share it.

// The limits are set so that the worst text within all of them at once renders in under 100 ms on
// our 2-core machines (bench/markdown.ts measures each shape and the combination).

/** More list items and table cells than this, and building the tree gets expensive. */
export const MAX_ITEMS = 120;
/** Deeper than this, a block is nested past anything a real answer needs. */
export const MAX_NESTING = 16;
/** More delimiters than this (outside code) and pairing them up gets expensive. */
export const MAX_DELIMITERS = 600;
/**
 * More lines than this outside code (fence lines included) and the blocks they make get expensive:
 * the answers in data/ use at most 17.
 */
export const MAX_LINES = 400;
/** More setext underlines than this and finding the headings they make gets expensive. */
export const MAX_UNDERLINES = 40;

/**
 * Code past this many characters (all of a card's code blocks together) is shown without syntax
 * colours: highlighting costs about 20 ms per KB here, so a card full of code would cost 400 ms.
 */
export const MAX_HIGHLIGHTED_CODE = 2_000;

/**
 * A text split at its code fences: the lines outside code, how many characters are inside, and how
 * many fence lines open or close a block. Markdown ends a line at CR, LF or CRLF alike, so all three
 * count: text written with bare CRs must not slip past the per-line checks.
 */
function splitAtFences(text: string): { prose: string[]; code: number; fences: number } {
  const prose: string[] = [];
  let code = 0;
  let fences = 0;
  let fence: string | null = null;
  for (const line of text.split(LINE_END)) {
    const opened = FENCE.exec(line);
    if (fence) {
      if (opened && opened[1]!.startsWith(fence[0]!) && opened[1]!.length >= fence.length) {
        fence = null;
        fences++;
      } else code += line.length + 1;
    } else if (opened) {
      fence = opened[1]!;
      fences++;
    } else prose.push(line);
  }
  return { prose, code, fences };
}

/** The characters inside a text's fenced code blocks. */
export function codeLength(text: string): number {
  return splitAtFences(text).code;
}

export type MarkdownBudget = { ok: true } | { ok: false; reason: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINE_END = /\r\n?|\n/;
// A line of only `=` or `-` under a line of text, also inside quotes and list items: a setext heading's
// underline (or, for `-`, maybe a rule or an empty item; counted all the same).
const UNDERLINE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:=+|-+)[ \t]*$/;
// Characters that open or close inline constructs: emphasis, strikethrough, links and images,
// autolinks and raw HTML (shown as text, but still parsed), inline code.
const DELIMITER = /[*_~[\]<>`!]/g;

/** The nesting depth a line opens: blockquote markers and list items, with their indentation. */
function nestingOf(line: string): number {
  let depth = 0;
  let i = 0;
  let indent = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === " ") indent++;
    else if (c === "\t") indent += 4;
    else if (c === ">") depth++;
    else if ((c === "-" || c === "*" || c === "+") && (line[i + 1] === " " || line[i + 1] === undefined)) depth++;
    else if (/\d/.test(c)) {
      const m = /^\d{1,9}[.)](?= |$)/.exec(line.slice(i));
      if (!m) break;
      depth++;
      i += m[0].length;
      continue;
    } else break;
    i++;
  }
  // Indentation nests list items too (from two spaces a level); counting four per level leaves room
  // for indented code while still bounding the depth 20 KB of indentation can reach.
  return depth + Math.floor(indent / 4);
}

/** List items a line opens, and table cells it holds. */
function itemsOf(line: string): number {
  const items = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(line) ? 1 : 0;
  const cells = line.includes("|") ? line.split("|").length - 1 : 0;
  return items + cells;
}

export function markdownBudget(text: string): MarkdownBudget {
  const { prose, fences } = splitAtFences(text);
  if (prose.length + fences > MAX_LINES) {
    return { ok: false, reason: `It has more than ${MAX_LINES} lines outside code blocks.` };
  }
  let delimiters = 0;
  let items = 0;
  let underlines = 0;
  let previous = "";
  for (const line of prose) {
    if (UNDERLINE.test(line) && previous.trim() && ++underlines > MAX_UNDERLINES) {
      return { ok: false, reason: `It has more than ${MAX_UNDERLINES} headings underlined with = or -.` };
    }
    previous = line;
    if (nestingOf(line) > MAX_NESTING) {
      return { ok: false, reason: `It nests quotes or lists more than ${MAX_NESTING} levels deep.` };
    }
    items += itemsOf(line);
    if (items > MAX_ITEMS) return { ok: false, reason: `It has more than ${MAX_ITEMS} list items and table cells.` };
    delimiters += line.match(DELIMITER)?.length ?? 0;
    if (delimiters > MAX_DELIMITERS) {
      return {
        ok: false,
        reason: `It uses more than ${MAX_DELIMITERS.toLocaleString("en")} Markdown markers (* _ ~ [ ] < > \` !) outside code blocks.`,
      };
    }
  }
  return { ok: true };
}

/**
 * Whether to colour the text's code. Highlighting is the one cost we can drop without changing
 * what the card says, so it is dropped when the card's code is long, or when the rest of the card
 * is already close to the render budget. The estimate, in milliseconds on our machines, is fitted
 * by bench/markdown.ts: pairing markers grows with their square, list items and text linearly.
 */
export function shouldHighlight(text: string): boolean {
  const { prose, code } = splitAtFences(text);
  if (code > MAX_HIGHLIGHTED_CODE) return false;
  let delimiters = 0;
  let items = 0;
  for (const line of prose) {
    items += itemsOf(line);
    delimiters += line.match(DELIMITER)?.length ?? 0;
  }
  const rest = 36 * (delimiters / 800) ** 2 + 0.25 * items + 0.0015 * (text.length - code);
  return rest + 0.022 * code <= 70;
}
