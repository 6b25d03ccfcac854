// CSV and TSV: question lists from spreadsheets in, decks and review history out. Pure. Parsing is
// csv-parse's (quoted fields, line breaks inside quotes, a byte-order mark), never hand-written;
// Drill adds delimiter and header detection, line-numbered errors, and the column mapping.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { cardContentSchema, slugify, type CardContent } from "../decks/schema";
import type { ImportError, ImportedCard } from "./deck-markdown";
import { CSV_FIELDS, type CsvField, type CsvMapping } from "./csv-fields";

export { CSV_FIELDS, type CsvField, type CsvMapping };

/** Header names each field is recognised by (lowercased, spaces and punctuation dropped). */
const ALIASES: Record<CsvField, string[]> = {
  question: ["question", "front", "q", "prompt", "term"],
  answer: ["answer", "back", "a", "more", "definition", "response"],
  lead: ["lead", "summary"],
  keyPoints: ["keypoints", "points", "key"],
  tags: ["tags", "tag", "topics", "topic"],
  slug: ["slug", "id"],
};

export const CSV_ROWS_MAX = 20_000;
export const CSV_MAX_BYTES = 2_000_000;

export interface CsvTable {
  delimiter: "," | "\t" | ";";
  /** The header row's cells, when the first row names the columns. */
  header: string[] | null;
  /** Data rows with the file line each starts on. */
  rows: { line: number; cells: string[] }[];
  columns: number;
}

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");

function fieldOf(name: string): CsvField | null {
  const key = normalise(name);
  return CSV_FIELDS.find((f) => ALIASES[f].includes(key)) ?? null;
}

/** Tab when the first line has tabs; else semicolon when it has more semicolons than commas; else comma. */
function detectDelimiter(text: string): CsvTable["delimiter"] {
  const first = text.split(/\r?\n/).find((l) => l.trim()) ?? "";
  const count = (c: string) => first.split(c).length - 1;
  if (count("\t") > 0) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

export function readCsv(raw: string): { ok: true; table: CsvTable } | { ok: false; errors: ImportError[] } {
  // Browsers send a text box's line breaks as CRLF, and files come from every system: one kind of line break.
  const text = raw.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    const message =
      e.code === "CSV_QUOTE_NOT_CLOSED"
        ? 'A quoted field is never closed (a missing closing ").'
        : `This isn't readable as CSV: ${e.message ?? "unknown error"}`;
    return { ok: false, errors: [{ line: e.lines ?? 1, message }] };
  }
  if (records.length === 0)
    return { ok: false, errors: [{ line: 1, message: "There are no rows: paste a header and one question per row." }] };
  const lines = records.map(({ record, info }) => ({
    // The record ends on info.lines; line breaks inside its quoted fields put its start earlier.
    line:
      info.lines -
      ((info.raw ?? "")
        .replace(/^(\r?\n)+/, "")
        .replace(/\r?\n$/, "")
        .match(/\n/g)?.length ?? 0),
    cells: record.map((c) => c.trim()),
  }));
  const firstCells = lines[0]!.cells;
  const header = firstCells.some((c) => fieldOf(c) !== null) ? firstCells : null;
  const rows = header ? lines.slice(1) : lines;
  const columns = firstCells.length;
  const errors: ImportError[] = [];
  for (const row of rows) {
    if (row.cells.length !== columns)
      errors.push({
        line: row.line,
        message: `This row has ${row.cells.length} fields; the ${header ? "header has" : "first row has"} ${columns}.`,
      });
  }
  if (rows.length === 0) errors.push({ line: lines[0]!.line, message: "There are no rows below the header." });
  if (rows.length > CSV_ROWS_MAX)
    errors.push({
      line: rows[CSV_ROWS_MAX]!.line,
      message: `At most ${CSV_ROWS_MAX.toLocaleString("en")} rows at once; this has ${rows.length.toLocaleString("en")}.`,
    });
  if (errors.length) return { ok: false, errors: errors.slice(0, 50) };
  return { ok: true, table: { delimiter, header, rows, columns } };
}

/** The mapping the preview starts from: by header names, or question, answer, tags in that order. */
export function guessMapping(table: CsvTable): CsvMapping {
  const mapping: CsvMapping = {};
  if (table.header) {
    table.header.forEach((name, i) => {
      const field = fieldOf(name);
      if (field && mapping[field] === undefined) mapping[field] = i;
    });
    return mapping;
  }
  (["question", "answer", "tags"] as const).forEach((field, i) => {
    if (i < table.columns) mapping[field] = i;
  });
  return mapping;
}

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((t) => t.trim())
    .filter(Boolean);

/** The table's rows as cards, checked like cards written in the editor; errors carry their lines. */
export function csvCards(table: CsvTable, mapping: CsvMapping): { ok: true; cards: ImportedCard[] } | { ok: false; errors: ImportError[] } {
  if (mapping.question === undefined) return { ok: false, errors: [{ line: 1, message: "Choose the column that holds the questions." }] };
  const cell = (cells: string[], field: CsvField) => (mapping[field] === undefined ? "" : fromSpreadsheetCell(cells[mapping[field]] ?? ""));
  const errors: ImportError[] = [];
  const cards: ImportedCard[] = [];
  const slugs = new Map<string, number>();
  const freeSlug = slugFinder((slug) => slugs.has(slug));
  for (const { line, cells } of table.rows) {
    const question = cell(cells, "question");
    const slug = cell(cells, "slug") || freeSlug(slugify(question), slugify(question, 55));
    const candidate = {
      slug,
      front: question,
      lead: cell(cells, "lead"),
      keyPoints: splitList(cell(cells, "keyPoints"), /\r?\n| \| /),
      back: cell(cells, "answer"),
      tags: splitList(cell(cells, "tags"), /[,;]|\s+/),
    };
    const parsed = cardContentSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? "");
      errors.push({ line, message: field === "front" && !question ? "This row has no question." : issue.message });
      continue;
    }
    const first = slugs.get(parsed.data.slug);
    if (first !== undefined) {
      errors.push({ line, message: `Duplicate slug "${parsed.data.slug}" (first on line ${first}).` });
      continue;
    }
    slugs.set(parsed.data.slug, line);
    cards.push({ ...parsed.data, tags: [...new Set(parsed.data.tags)], line });
  }
  if (errors.length) return { ok: false, errors: errors.slice(0, 50) };
  return { ok: true, cards };
}

/**
 * Finds free slugs: `slug` itself, else `${base}-2`, `-3`... Each base remembers the last number it
 * gave, so 20,000 rows with the same question take linear time, not quadratic.
 */
export function slugFinder(taken: (slug: string) => boolean): (slug: string, base: string) => string {
  const next = new Map<string, number>();
  return (slug, base) => {
    if (!taken(slug)) return slug;
    let n = next.get(base) ?? 2;
    while (taken(`${base}-${n}`)) n++;
    next.set(base, n + 1);
    return `${base}-${n}`;
  };
}

// Spreadsheet tools run a cell that starts with = + - @ (or a tab or carriage return) as a formula,
// so a crafted card could run one on the machine of whoever opens the export. Such cells are written
// with a leading apostrophe, which spreadsheets show as text; the importer takes it off again.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALIZED = /^'[=+\-@\t\r]/;

/** A cell as a spreadsheet may open it safely: formula-like text gets a leading apostrophe. */
export function toSpreadsheetCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell from a spreadsheet, with the apostrophe that toSpreadsheetCell added taken off. */
export function fromSpreadsheetCell(text: string): string {
  return NEUTRALIZED.test(text) ? text.slice(1) : text;
}

/** A deck's cards as CSV, with a header the importer maps back by itself (key points one per line). */
export function cardsToCsv(cards: Omit<CardContent, never>[]): string {
  return stringify(
    cards.map((c) => [c.slug, c.front, c.lead, c.keyPoints.join("\n"), c.back, c.tags.join(", ")].map(toSpreadsheetCell)),
    { header: true, columns: ["slug", "question", "lead", "key points", "answer", "tags"] },
  );
}

export interface HistoryRow {
  cardId: string;
  reviewedAt: Date;
  rating: number;
  state: number;
  durationMs: number;
}

/**
 * A learner's review history in the column layout FSRS's optimizer tools read: card_id,
 * review_time (ms since the epoch), review_rating (1-4), review_state (0 new, 1 learning, 2 review,
 * 3 relearning: the state before the rating), review_duration (ms).
 */
export function historyToCsv(rows: HistoryRow[]): string {
  return stringify(
    rows.map((r) => [r.cardId, r.reviewedAt.getTime(), r.rating, r.state, r.durationMs]),
    { header: true, columns: ["card_id", "review_time", "review_rating", "review_state", "review_duration"] },
  );
}
