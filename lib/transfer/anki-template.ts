// Anki's card templates rendered as Anki renders them, pure: {{Field}}, {{FrontSide}}, sections
// ({{#Field}}…{{/Field}} shown when the field has content, {{^Field}}…{{/Field}} when it hasn't),
// filters (cloze: by the card's number, text: without HTML, hint: shown as it is, type: and tts:
// dropped, as Drill asks by its own means), and a card whose question uses no field with content
// is no card, as Anki doesn't make it. Output is HTML, which the conversion turns into Markdown.

export interface AnkiTemplate {
  name: string;
  ord: number;
  qfmt: string;
  afmt: string;
}

type Node = { text: string } | { field: string; filters: string[] } | { section: string; inverted: boolean; children: Node[] };

const TAG = /\{\{([\s\S]*?)\}\}/g;

/** A template as a tree; a section without its closing tag is kept as text, as a stray close is dropped. */
function parse(template: string): Node[] {
  const root: Node[] = [];
  const open: { section: string; inverted: boolean; children: Node[]; parent: Node[]; raw: string }[] = [];
  let current = root;
  let at = 0;
  for (const match of template.matchAll(TAG)) {
    if (match.index > at) current.push({ text: template.slice(at, match.index) });
    at = match.index + match[0].length;
    const inner = match[1]!.trim();
    if (inner.startsWith("#") || inner.startsWith("^")) {
      const section = {
        section: inner.slice(1).trim(),
        inverted: inner[0] === "^",
        children: [] as Node[],
        parent: current,
        raw: match[0],
      };
      open.push(section);
      current = section.children;
    } else if (inner.startsWith("/")) {
      const name = inner.slice(1).trim();
      const index = open.findLastIndex((s) => s.section === name);
      if (index < 0) continue;
      // Sections left open inside this one become text again.
      while (open.length > index + 1) unclosed(open.pop()!);
      const done = open.pop()!;
      done.parent.push({ section: done.section, inverted: done.inverted, children: done.children });
      current = done.parent;
    } else if (inner && !inner.startsWith("!")) {
      const parts = inner.split(":");
      current.push({ field: parts.pop()!.trim(), filters: parts.map((p) => p.trim().toLowerCase()) });
    }
  }
  if (at < template.length) current.push({ text: template.slice(at) });
  while (open.length) unclosed(open.pop()!);
  return root;

  function unclosed(section: (typeof open)[number]) {
    section.parent.push({ text: section.raw }, ...section.children);
  }
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** A cloze field (HTML) for card number `n` (1-based): the question with its blank, the answer with it filled. */
export function clozeSides(text: string, n: number): { question: string; answer: string } {
  const question = text.replace(CLOZE, (_m, num: string, answer: string, hint?: string) =>
    Number(num) === n ? `[${hint ?? "..."}]` : answer,
  );
  // Still HTML here (it becomes Markdown after): the filled blank in bold.
  const answer = text.replace(CLOZE, (_m, num: string, answer: string) => (Number(num) === n ? `<b>${answer}</b>` : answer));
  return { question, answer };
}

/** Anki counts a field empty when it holds only whitespace and line breaks. */
export const isEmptyField = (html: string) => /^(?:\s|<\/?(?:br|div)\s?\/?>|&nbsp;)*$/i.test(html);

const stripHtml = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ");

interface Context {
  fields: ReadonlyMap<string, string>;
  /** The card's cloze number (ord + 1), and which side is rendered. */
  cloze: number;
  side: "question" | "answer";
  frontSide: string;
  /** Set when a field with content was shown: a question without one is no card. */
  usedContent: boolean;
}

function render(nodes: Node[], context: Context): string {
  let out = "";
  for (const node of nodes) {
    if ("text" in node) out += node.text;
    else if ("section" in node) {
      const empty = isEmptyField(context.fields.get(node.section) ?? "");
      if (empty === node.inverted) out += render(node.children, context);
    } else out += renderField(node, context);
  }
  return out;
}

function renderField({ field, filters }: { field: string; filters: string[] }, context: Context): string {
  if (field === "FrontSide" && filters.length === 0) return context.frontSide;
  if (filters.includes("type") || filters.some((f) => f.startsWith("tts"))) return "";
  let value = context.fields.get(field);
  if (value === undefined) return "";
  if (filters.includes("cloze")) {
    if (!new RegExp(`\\{\\{c${context.cloze}::`).test(value)) return "";
    value = clozeSides(value, context.cloze)[context.side];
  }
  if (filters.includes("text")) value = stripHtml(value);
  if (!isEmptyField(value)) context.usedContent = true;
  return value;
}

/** The marker Anki's answer templates put between the repeated question and the answer. */
const ANSWER_MARKER = /^\s*(?:<br\s*\/?>\s*)*<hr\s+id\s*=\s*["']?answer["']?\s*\/?>/i;

/**
 * A card's question and answer from its template, or null when Anki wouldn't make the card (its
 * question shows no field with content). Drill shows the question above the answer, so the answer's
 * {{FrontSide}} and the line after it are left out rather than repeated.
 */
export function renderAnkiCard(
  template: Pick<AnkiTemplate, "qfmt" | "afmt">,
  fieldNames: readonly string[],
  fieldValues: readonly string[],
  ord: number,
): { question: string; answer: string } | null {
  const fields = new Map(fieldNames.map((name, i) => [name, fieldValues[i] ?? ""]));
  const front: Context = { fields, cloze: ord + 1, side: "question", frontSide: "", usedContent: false };
  const question = render(parse(template.qfmt), front).trim();
  if (!front.usedContent || isEmptyField(question)) return null;
  const back: Context = { ...front, side: "answer", usedContent: false };
  const answer = render(parse(template.afmt), back).trim().replace(ANSWER_MARKER, "").trim();
  return { question, answer };
}
