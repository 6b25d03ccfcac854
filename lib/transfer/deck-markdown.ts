// The Markdown deck importer: reads Drill's deck files (data/decks/*.md) and documents shaped like a
// question list (a title, paragraphs, bulleted questions). Pure: text in, a deck or line-numbered
// errors out. Anything wrong means nothing is imported.
//
// Deck file format:
//   # Deck title
//   slug: python-interview-questions      (optional metadata lines right under the title)
//   visibility: public
//   source: where the content came from
//
//   Description paragraphs.
//
//   ## The question, as the card's front
//   slug: stable-card-slug                (optional: derived from the question when missing)
//   tags: basics, oop
//   answer: own                           (optional: "answer in your own words", the answer part is
//                                          guidance, each learner writes their own)
//   replaces: old-slug, other-slug        (optional, seeded decks: cards merged into this one; the
//                                          seed carries learners' progress on them over to it)
//
//   A question longer than its heading (code to read, say) goes on under a "Question:" line, up to
//   an "Answer:" line; the heading is its first paragraph:
//
//   Question:
//
//   ```python
//   print(0.1 + 0.2 == 0.3)
//   ```
//
//   Answer:
//
//   The answer in Markdown, up to the next "## " heading outside a code block. An answer in three
//   parts (what the review screen shows as a checklist) is written:
//
//   Lead: what you say first, at most 45 words (it may run on over lines up to a blank line)
//
//   Key points:
//   - 3 to 6 bullets, one line each: what an interviewer listens for
//
//   More:
//
//   Details, code and follow-ups in Markdown (optional).
import {
  CARDS_PER_IMPORT_MAX,
  cardContentSchema,
  deckMetaSchema,
  slugify,
  slugSchema,
  type CardContent,
  type DeckMeta,
} from "../decks/schema";
import { AppError } from "../server/errors";

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportedCard extends CardContent {
  /** Line of the card's heading (or bullet), for messages. */
  line: number;
  /** Slugs of cards merged into this one (the seed moves learners' progress from them). */
  replaces?: string[];
}

export interface ImportedDeck extends DeckMeta {
  cards: ImportedCard[];
}

export type ImportResult = { ok: true; deck: ImportedDeck } | { ok: false; errors: ImportError[] };

/**
 * A refused import as one AppError: the first errors with their line numbers, for the form field
 * `field`. `outcome` says what didn't happen ("Nothing was imported.").
 */
export function importRefusal(errors: ImportError[], outcome: string, field: string): AppError {
  const shown = errors.slice(0, 5).map((e) => `Line ${e.line}: ${e.message}`);
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : "";
  return new AppError("invalid", `${outcome} ${shown.join(" ")}${more}`, { [field]: shown });
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const META_LINE = /^([a-z]+):\s*(.*)$/;
const DECK_KEYS = new Set(["slug", "visibility", "source"]);
const CARD_KEYS = new Set(["slug", "tags", "answer", "replaces"]);
const OWN_ANSWER = "own";

interface Section {
  heading: string;
  line: number;
  meta: Map<string, { value: string; line: number }>;
  body: string[];
  /** The file line of body[0]. */
  bodyLine: number;
}

/** Splits on "# " / "## " headings outside fenced code, collecting each section's metadata lines. */
function sections(lines: string[], errors: ImportError[]): { deck: Section | null; cards: Section[] } {
  let fence: string | null = null;
  let deck: Section | null = null;
  const cards: Section[] = [];
  let current: Section | null = null;
  let inMeta = false;

  lines.forEach((text, index) => {
    const line = index + 1;
    const fenceMatch = text.match(FENCE);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker) fence = null;
    }
    const outsideCode = fence === null && !fenceMatch;
    if (outsideCode && /^#\s/.test(text) && !deck && cards.length === 0) {
      deck = current = { heading: text.slice(2).trim(), line, meta: new Map(), body: [], bodyLine: line + 1 };
      inMeta = true;
      return;
    }
    if (outsideCode && /^##(\s|$)/.test(text)) {
      current = { heading: text.slice(2).trim(), line, meta: new Map(), body: [], bodyLine: line + 1 };
      cards.push(current);
      inMeta = true;
      return;
    }
    if (!current) {
      if (text.trim()) errors.push({ line, message: 'A deck file starts with its title, like "# Python Interview Questions".' });
      return;
    }
    const keys = current === deck ? DECK_KEYS : CARD_KEYS;
    const meta = inMeta ? text.match(META_LINE) : null;
    if (meta && keys.has(meta[1]!)) {
      if (current.meta.has(meta[1]!)) errors.push({ line, message: `"${meta[1]}:" is given twice.` });
      current.meta.set(meta[1]!, { value: meta[2]!.trim(), line });
      return;
    }
    if (inMeta) current.bodyLine = line;
    inMeta = false;
    current.body.push(text);
  });
  if (fence !== null) errors.push({ line: lines.length, message: "A code block is never closed (missing ``` line)." });
  return { deck, cards };
}

function trimBlankLines(body: string[]): string {
  return body
    .join("\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
}

const QUESTION = /^Question:\s*$/;
const ANSWER = /^Answer:\s*$/;

/** The rest of a question written under "Question:" (up to "Answer:"), and the section's answer part. */
function questionOf(section: Section, errors: ImportError[]): { more: string; section: Section } {
  const body = section.body;
  let i = 0;
  while (i < body.length && !body[i]!.trim()) i++;
  if (!QUESTION.test(body[i] ?? "")) return { more: "", section };
  let fence: string | null = null;
  for (let j = i + 1; j < body.length; j++) {
    const text = body[j]!;
    const fenceMatch = text.match(FENCE);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker) fence = null;
      continue;
    }
    if (fence === null && ANSWER.test(text))
      return {
        more: trimBlankLines(body.slice(i + 1, j)),
        section: { ...section, body: body.slice(j + 1), bodyLine: section.bodyLine + j + 1 },
      };
  }
  errors.push({ line: section.bodyLine + i, message: 'The "Question:" block needs an "Answer:" line after it.' });
  return { more: "", section };
}

const LEAD = /^Lead:\s*(.*)$/;
const KEY_POINTS = /^Key points:\s*$/;
const MORE = /^More:\s*$/;
const POINT = /^\s*[-*+]\s+(.*)$/;

interface Answer {
  lead: string;
  leadLine: number;
  keyPoints: { text: string; line: number }[];
  keyPointsLine: number;
  back: string;
}

/**
 * A card body as Lead / Key points / More, or (without a "Lead:" or "Key points:" line before any
 * other text) the whole body as the answer, as deck files without key points are written.
 */
function answerOf(section: Section, errors: ImportError[]): Answer {
  const body = section.body;
  const lineOf = (i: number) => section.bodyLine + i;
  let i = 0;
  while (i < body.length && !body[i]!.trim()) i++;
  const plain: Answer = { lead: "", leadLine: section.line, keyPoints: [], keyPointsLine: section.line, back: trimBlankLines(body) };
  const leadMatch = body[i]?.match(LEAD);
  if (!leadMatch && !KEY_POINTS.test(body[i] ?? "")) return plain;

  const answer: Answer = { ...plain, back: "" };
  if (leadMatch) {
    answer.leadLine = lineOf(i);
    const lead = [leadMatch[1]!];
    for (i++; i < body.length && body[i]!.trim() && !KEY_POINTS.test(body[i]!); i++) lead.push(body[i]!.trim());
    answer.lead = lead.join(" ").trim();
    if (!answer.lead) errors.push({ line: answer.leadLine, message: 'The "Lead:" line is empty: write what you say first.' });
    while (i < body.length && !body[i]!.trim()) i++;
  } else {
    errors.push({ line: lineOf(i), message: 'Key points need a lead first: a "Lead:" line with what you say first.' });
  }
  if (!KEY_POINTS.test(body[i] ?? "")) {
    errors.push({
      line: i < body.length ? lineOf(i) : answer.leadLine,
      message: 'After the lead come the key points: a "Key points:" line, then 3 to 6 "- " bullets.',
    });
    return answer;
  }
  answer.keyPointsLine = lineOf(i);
  for (i++; i < body.length; i++) {
    const text = body[i]!;
    if (!text.trim()) continue;
    if (MORE.test(text)) break;
    const point = text.match(POINT);
    if (!point) {
      errors.push({ line: lineOf(i), message: 'Key points are one "- " bullet per line; put details under a "More:" line.' });
      return answer;
    }
    answer.keyPoints.push({ text: point[1]!.trim(), line: lineOf(i) });
  }
  answer.back = trimBlankLines(body.slice(i + 1));
  return answer;
}

function firstIssue(issues: { message: string; path: PropertyKey[] }[]): { message: string; field: string } {
  const issue = issues[0]!;
  return { message: issue.message, field: String(issue.path[0] ?? "") };
}

/** Parses a Drill deck file. */
export function parseDeckMarkdown(text: string): ImportResult {
  const errors: ImportError[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const { deck, cards: cardSections } = sections(lines, errors);
  if (!deck) {
    return {
      ok: false,
      errors: errors.length ? errors : [{ line: 1, message: 'A deck file starts with its title, like "# Python Interview Questions".' }],
    };
  }
  const deckSection: Section = deck;

  const metaValue = (key: string) => deckSection.meta.get(key)?.value;
  const parsedMeta = deckMetaSchema.safeParse({
    title: deckSection.heading,
    slug: metaValue("slug"),
    visibility: metaValue("visibility"),
    source: metaValue("source"),
    description: trimBlankLines(deckSection.body),
  });
  if (!parsedMeta.success) {
    const { message, field } = firstIssue(parsedMeta.error.issues);
    errors.push({ line: deckSection.meta.get(field)?.line ?? deckSection.line, message });
  }

  if (cardSections.length > CARDS_PER_IMPORT_MAX) {
    errors.push({
      line: cardSections[CARDS_PER_IMPORT_MAX]!.line,
      message: `A deck file holds at most ${CARDS_PER_IMPORT_MAX} cards; this one has ${cardSections.length}.`,
    });
    return { ok: false, errors };
  }

  const cards: ImportedCard[] = [];
  const slugLines = new Map<string, number>();
  for (const section of cardSections) {
    const card = cardOf(section, errors);
    if (!card) continue;
    const slugLine = section.meta.get("slug")?.line ?? section.line;
    const firstLine = slugLines.get(card.slug);
    if (firstLine !== undefined) {
      errors.push({ line: slugLine, message: `Duplicate slug "${card.slug}" (first used on line ${firstLine}).` });
      continue;
    }
    slugLines.set(card.slug, slugLine);
    const replaces = replacedSlugs(section, card.slug, errors);
    cards.push({ ...card, tags: [...new Set(card.tags)], line: section.line, ...(replaces.length && { replaces }) });
  }

  const slugs = new Set(cards.map((c) => c.slug));
  for (const card of cards)
    for (const old of card.replaces ?? [])
      if (old !== card.slug && slugs.has(old))
        errors.push({ line: card.line, message: `"replaces: ${old}" names a card still in the deck.` });

  if (errors.length || !parsedMeta.success) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, deck: { ...parsedMeta.data, cards } };
}

/** The slugs on a card's "replaces:" line, each checked. */
function replacedSlugs(section: Section, slug: string, errors: ImportError[]): string[] {
  const meta = section.meta.get("replaces");
  if (!meta) return [];
  const slugs = meta.value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const old of slugs) {
    const checked = slugSchema.safeParse(old);
    if (!checked.success) errors.push({ line: meta.line, message: checked.error.issues[0]!.message });
    else if (old === slug) errors.push({ line: meta.line, message: "A card can't replace itself." });
  }
  return [...new Set(slugs)];
}

/** A card section as checked card content; null when it has problems, each added to `errors` at its line. */
function cardOf(section: Section, errors: ImportError[]): CardContent | null {
  const slugMeta = section.meta.get("slug");
  const tagsMeta = section.meta.get("tags");
  const tags = tagsMeta
    ? tagsMeta.value
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
  const answerErrors = errors.length;
  const ownMeta = section.meta.get("answer");
  if (ownMeta && ownMeta.value !== OWN_ANSWER)
    errors.push({ line: ownMeta.line, message: `"answer:" takes one value, "${OWN_ANSWER}" (answer in your own words).` });
  const question = questionOf(section, errors);
  const answer = answerOf(question.section, errors);
  if (errors.length > answerErrors) return null;
  const candidate = {
    slug: slugMeta?.value ?? slugify(section.heading),
    front: question.more ? `${section.heading}\n\n${question.more}` : section.heading,
    lead: answer.lead,
    keyPoints: answer.keyPoints.map((p) => p.text),
    back: answer.back,
    tags,
    ...(ownMeta && { ownAnswer: true }),
  };
  const parsed = cardContentSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const pointLine = typeof issue.path[1] === "number" ? answer.keyPoints[issue.path[1]]?.line : undefined;
      const line =
        field === "slug"
          ? (slugMeta?.line ?? section.line)
          : field === "tags"
            ? (tagsMeta?.line ?? section.line)
            : field === "lead"
              ? answer.leadLine
              : field === "keyPoints"
                ? (pointLine ?? answer.keyPointsLine)
                : section.line;
      errors.push({ line, message: field === "front" && !section.heading ? "A card heading has no question." : issue.message });
    }
    return null;
  }
  return parsed.data;
}

const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+(.*)$/;
// In a series of question pages, bullets like "Python Interview Questions (Part 2)" link to the other
// pages; they are navigation, not questions.
const SERIES_LINK = /\(part \d+\)\s*$/i;

/**
 * Turns a question list into a deck of question cards with empty answers: either a document shaped
 * like the source (a title line, paragraphs, then a bulleted list of questions) or plain lines, one
 * question per line.
 */
export function parseQuestionList(text: string, options: { title?: string } = {}): ImportResult {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const hasBullets = lines.some((l) => BULLET.test(l));
  const errors: ImportError[] = [];
  const paragraphs: string[] = [];
  const questions: { text: string; line: number }[] = [];
  let title = options.title?.trim() ?? "";

  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) return;
    const bullet = raw.match(BULLET);
    if (bullet) {
      const question = bullet[1]!.trim();
      if (!question) errors.push({ line: index + 1, message: "This list item has no question." });
      else if (!SERIES_LINK.test(question)) questions.push({ text: question, line: index + 1 });
    } else if (hasBullets) {
      if (!title) title = text.replace(/^#+\s*/, "");
      else paragraphs.push(text);
    } else {
      questions.push({ text: text.replace(/^#+\s*/, ""), line: index + 1 });
    }
  });

  if (questions.length === 0 && errors.length === 0)
    errors.push({ line: 1, message: "No questions found: put one question per line, or use a bulleted list." });
  if (questions.length > CARDS_PER_IMPORT_MAX) {
    return {
      ok: false,
      errors: [
        {
          line: questions[CARDS_PER_IMPORT_MAX]!.line,
          message: `At most ${CARDS_PER_IMPORT_MAX} questions at once; this has ${questions.length}.`,
        },
      ],
    };
  }
  const meta = deckMetaSchema.safeParse({ title: title || "Imported questions", description: paragraphs.join("\n\n").slice(0, 2_000) });
  if (!meta.success) errors.push({ line: 1, message: firstIssue(meta.error.issues).message });

  const cards: ImportedCard[] = [];
  const used = new Set<string>();
  for (const q of questions) {
    let slug = slugify(q.text);
    for (let n = 2; used.has(slug); n++) slug = `${slugify(q.text, 55)}-${n}`;
    used.add(slug);
    const parsed = cardContentSchema.safeParse({ slug, front: q.text, back: "", tags: [] });
    if (!parsed.success) errors.push({ line: q.line, message: parsed.error.issues[0]!.message });
    else cards.push({ ...parsed.data, line: q.line });
  }
  if (errors.length || !meta.success) return { ok: false, errors };
  return { ok: true, deck: { ...meta.data, cards } };
}
