// How an Anki package's notes become Drill's cards, pure (no database): fields as safe Markdown,
// cloze sides, the images worth storing, tags, and the rows of an import, each card's review log
// replayed through FSRS. lib/transfer/anki-import.ts reads what is there already and writes the rows.
import TurndownService from "turndown";
import type { Prisma } from "../generated/sqlite/client";
import { newCardData } from "../decks/card-rows";
import { cardContentSchema, tagSchema, type CardContent, type Tag } from "../decks/schema";
import { newMemory, rate, type MemoryState, type RatingValue, type SchedulerSettings } from "../scheduling/fsrs";
import type { AnkiNoteType, AnkiPackage } from "./anki-package";
import { clozeSides, renderAnkiCard } from "./anki-template";

export interface FieldChoice {
  question: number;
  answer: number;
  /** Each card made from its Anki template (the default where the note type has templates), not from these two fields. */
  fromTemplates?: boolean;
}

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", emDelimiter: "_" });
/** The stored images of the import under way, by their name in the package (set around each conversion). */
let imageUrls: ReadonlyMap<string, string> = new Map();
// An image stored with the deck becomes a Markdown image of it; any other keeps its name in the text,
// so nothing silently vanishes.
turndown.addRule("image", {
  filter: "img",
  replacement: (_content, node) => {
    const src = (node as { getAttribute(n: string): string | null }).getAttribute("src") ?? "";
    const url = imageUrls.get(src);
    return url ? `![${src.replace(/[[\]]/g, "")}](${url})` : `[image: ${src || "?"}]`;
  },
});

/** An Anki field's HTML as Markdown (the renderer escapes any HTML left in it); images by `images`. */
export function fieldMarkdown(html: string, images: ReadonlyMap<string, string> = new Map()): string {
  imageUrls = images;
  try {
    return turndown.turndown(html.replace(/\[sound:[^\]]*\]/g, "")).trim();
  } finally {
    imageUrls = new Map();
  }
}

/** Image types a card may show, by their first bytes (never by a name a package chose). */
export function imageType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50)
    return "image/webp";
  return null;
}
/** An image a card shows is at most 2 MB; an import stores at most 50 MB of them. */
export const IMAGE_MAX_BYTES = 2_000_000;
export const IMAGES_MAX_BYTES = 50_000_000;
const IMG_SRC = /<img[^>]*\bsrc\s*=\s*["']?([^"' >]+)/gi;

export { clozeSides } from "./anki-template";

export const isImage = (name: string) => /\.(png|jpe?g|gif|webp|svg)$/i.test(name);

export function defaultChoice(type: AnkiNoteType): FieldChoice {
  // A cloze's answer is its text with the blank filled, plus the second field (Back Extra) when chosen.
  const fields = { question: 0, answer: Math.min(1, type.fields.length - 1) };
  return type.templates.length ? { ...fields, fromTemplates: true } : fields;
}

/** The template that makes card `ord` of a note of this type: a cloze type's one template makes all its cards. */
export function templateOf(type: AnkiNoteType, ord: number) {
  return type.cloze ? type.templates[0] : type.templates.find((t) => t.ord === ord);
}

/**
 * A card's question and answer as Markdown: from its Anki template (null when Anki wouldn't make the
 * card: its question shows no field), or from the note's chosen fields (a cloze's from its blank `ord`).
 */
export function sides(
  pkg: Pick<AnkiPackage, "noteTypes">,
  note: AnkiPackage["notes"][number],
  ord: number,
  choice: FieldChoice,
  images: ReadonlyMap<string, string> = new Map(),
) {
  const type = pkg.noteTypes.find((t) => t.id === note.noteTypeId);
  const md = (html: string) => fieldMarkdown(html, images);
  const template = choice.fromTemplates && type ? templateOf(type, ord) : undefined;
  if (template) {
    const card = renderAnkiCard(template, type!.fields, note.fields, ord);
    return card && { question: md(card.question), answer: md(card.answer) };
  }
  if (type?.cloze) {
    const { question, answer } = clozeSides(note.fields[choice.question] ?? "", ord + 1);
    const extra = choice.answer !== choice.question ? md(note.fields[choice.answer] ?? "") : "";
    return { question: md(question), answer: [md(answer), extra].filter(Boolean).join("\n\n") };
  }
  return { question: md(note.fields[choice.question] ?? ""), answer: md(note.fields[choice.answer] ?? "") };
}

/** Drill's tags for an Anki note: Anki's own, hierarchical ones ("python::basics") included; at most six. */
function drillTags(tags: string[]): Tag[] {
  return [...new Set(tags.flatMap((t) => (tagSchema.safeParse(t).success ? [tagSchema.parse(t)] : [])))].slice(0, 6);
}

/** An imported card's slug: its Anki note and card number, so a second import finds it. */
export const ankiSlug = (card: AnkiPackage["cards"][number]) => `anki-${card.noteId}-${card.ord}`;

/** The names of the images the notes' fields show. */
export function referencedImages(notes: AnkiPackage["notes"]): Set<string> {
  const referenced = new Set<string>();
  for (const note of notes) for (const field of note.fields) for (const m of field.matchAll(IMG_SRC)) referenced.add(mediaName(m[1]!));
  return referenced;
}

/** A field's image source as the media file's name: Anki URL-encodes it, except where it isn't a valid URI (taken as it is). */
function mediaName(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

export interface MediaRow {
  id: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
  size: number;
}

/**
 * The images to store with the deck (checked by their bytes and size, each with its id made now so the
 * cards' Markdown can point at it), and every usable image's URL by its name; images stored by an
 * earlier import of the same package (`storedBefore`, name to id) are reused.
 */
export function imagesToStore(
  referenced: Iterable<string>,
  storedBefore: ReadonlyMap<string, string>,
  media: ReadonlyMap<string, Uint8Array>,
  newId: () => string,
): { images: Map<string, string>; mediaRows: MediaRow[] } {
  const images = new Map<string, string>();
  const mediaRows: MediaRow[] = [];
  let imageBytes = 0;
  for (const name of referenced) {
    const before = storedBefore.get(name);
    if (before) {
      images.set(name, `/media/${before}`);
      continue;
    }
    const data = media.get(name);
    const mimeType = data && imageType(data);
    if (!data || !mimeType || data.length > IMAGE_MAX_BYTES || imageBytes + data.length > IMAGES_MAX_BYTES) continue;
    const id = newId();
    imageBytes += data.length;
    mediaRows.push({ id, name, mimeType, bytes: new Uint8Array(data), size: data.length });
    images.set(name, `/media/${id}`);
  }
  return { images, mediaRows };
}

export interface FreshCard {
  anki: AnkiPackage["cards"][number];
  content: CardContent;
}

/**
 * The package's cards not imported before (`taken` slugs), as checked card content; a card the editor
 * would refuse is an error (the first five are reported).
 */
export function freshCards(
  pkg: Pick<AnkiPackage, "cards" | "notes" | "noteTypes">,
  taken: ReadonlySet<string>,
  choices: Record<string, FieldChoice>,
  images: ReadonlyMap<string, string>,
): { cards: FreshCard[]; errors: string[] } {
  const notes = new Map(pkg.notes.map((n) => [n.id, n]));
  const errors: string[] = [];
  const cards = pkg.cards.flatMap((card) => {
    if (taken.has(ankiSlug(card))) return [];
    const note = notes.get(card.noteId);
    if (!note) return [];
    const type = pkg.noteTypes.find((t) => t.id === note.noteTypeId);
    const choice = choices[note.noteTypeId] ?? (type ? defaultChoice(type) : { question: 0, answer: 1 });
    const made = sides(pkg, note, card.ord, choice, images);
    // A card Anki wouldn't make (its template shows no field of this note) isn't made here either.
    if (!made) return [];
    const { question, answer } = made;
    const parsed = cardContentSchema.safeParse({
      slug: ankiSlug(card),
      front: question,
      lead: "",
      keyPoints: [],
      back: answer,
      tags: drillTags(note.tags),
    });
    if (!parsed.success) {
      if (errors.length < 5) errors.push(`Anki note ${note.id}: ${parsed.error.issues[0]!.message}`);
      return [];
    }
    return [{ anki: card, content: parsed.data }];
  });
  return { cards, errors };
}

/** Anki's reviews by card, oldest first as the package lists them. */
export function reviewsByCard(reviews: AnkiPackage["reviews"]): Map<string, AnkiPackage["reviews"]> {
  const byCard = new Map<string, AnkiPackage["reviews"]>();
  for (const r of reviews) byCard.set(r.cardId, [...(byCard.get(r.cardId) ?? []), r]);
  return byCard;
}

/** An Anki review replayed through FSRS: the card's memory before it, and what it scheduled. */
export interface ReplayedReview {
  cardId: string;
  /** The card's question, as a rating records what was asked. */
  question: string;
  review: AnkiPackage["reviews"][number];
  /** When it counts as given: never later than the import. */
  at: Date;
  memory: MemoryState;
  after: MemoryState;
}

export interface ImportRows {
  /** Cards without their deck and position (the transaction knows them). */
  cardRows: Prisma.CardCreateManyInput[];
  tagRows: { cardId: string; tag: string }[];
  reviews: ReplayedReview[];
  stateRows: Omit<Prisma.CardStateCreateManyInput, "deckId">[];
}

/**
 * The rows an import writes, ids included, so the transaction only writes. With history, each card's
 * reviews are replayed through FSRS (each with the state before it, as Drill logs its own ratings) and
 * the card's memory after the last one is its state.
 */
export function importRows(
  fresh: FreshCard[],
  history: ReadonlyMap<string, AnkiPackage["reviews"]>,
  context: { userId: string; scheduler: SchedulerSettings; now: Date; newId: () => string },
): ImportRows {
  const rows: ImportRows = { cardRows: [], tagRows: [], reviews: [], stateRows: [] };
  for (const { anki, content } of fresh) {
    const cardId = context.newId();
    const { tags: _tags, ...row } = newCardData("", 0, content);
    rows.cardRows.push({ ...(row as Omit<Prisma.CardCreateManyInput, "deckId" | "position">), id: cardId, deckId: "", position: 0 });
    for (const tag of content.tags) rows.tagRows.push({ cardId, tag });
    const reviews = history.get(anki.id) ?? [];
    if (reviews.length === 0) continue;
    let memory: MemoryState = newMemory(new Date(reviews[0]!.at));
    for (const review of reviews) {
      const at = new Date(Math.min(review.at, context.now.getTime()));
      const after = rate(memory, review.ease as RatingValue, at, context.scheduler);
      rows.reviews.push({ cardId, question: content.front, review, at, memory, after });
      memory = after;
    }
    rows.stateRows.push({ userId: context.userId, cardId, ...memory, version: reviews.length });
  }
  return rows;
}
