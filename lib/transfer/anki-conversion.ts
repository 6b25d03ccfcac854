// How an Anki package's notes become Drill's cards, pure (no database): fields as safe Markdown,
// cloze sides, the images worth storing, tags, and the rows of an import, each card's review log
// replayed through FSRS. lib/transfer/anki-import.ts reads what is there already and writes the rows.
import TurndownService from "turndown";
import type { Prisma } from "../generated/sqlite/client";
import { newCardData } from "../decks/card-rows";
import { cardContentSchema, tagSchema, type CardContent, type Tag } from "../decks/schema";
import { newMemory, rate, State, type MemoryState, type RatingValue, type SchedulerSettings, type StateValue } from "../scheduling/fsrs";
import { DAY_MS } from "../time";
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

/**
 * Tags Anki keeps for itself, not topics: `marked` (the learner's bookmark) and `leech` (failed too
 * often; whether it is suspended is the card's queue, which the import keeps).
 */
export const ANKI_INTERNAL_TAGS: ReadonlySet<string> = new Set(["marked", "leech"]);

/** Drill's tags for an Anki note: Anki's own, hierarchical ones ("python::basics") included, its internal ones not; at most six. */
function drillTags(tags: string[], first: Tag[] = []): Tag[] {
  const topics = tags.filter((t) => !ANKI_INTERNAL_TAGS.has(t.toLowerCase()));
  return [...new Set([...first, ...topics.flatMap((t) => (tagSchema.safeParse(t).success ? [tagSchema.parse(t)] : []))])].slice(0, 6);
}

/** A subdeck's path ("Basics::Lists") as a tag ("basics::lists"); none when nothing of it is left. */
export function subdeckTag(path: string): Tag | null {
  const tag = path
    .toLowerCase()
    .split("::")
    .map((part) =>
      part
        .trim()
        .replace(/[^\p{L}\p{N}_.+#-]+/gu, "-")
        .replace(/^[^\p{L}\p{N}]+|-+$/gu, ""),
    )
    .filter(Boolean)
    .join("::");
  const parsed = tagSchema.safeParse(tag);
  return parsed.success ? parsed.data : null;
}

/** How the package's subdecks arrive: as tags on the cards of one deck, or as decks of their own. */
export type SubdeckChoice = "tags" | "decks";

export interface DeckLayout {
  /** The Anki deck the cards are in (the deepest deck holding all of them), or the top decks' names joined. */
  name: string | null;
  /** Each card's subdeck below `name` by Anki card id ("" for the deck itself). */
  subdeckOf: Map<string, string>;
  /** The subdecks holding cards, with how many each holds, in Anki's (alphabetical) order. */
  subdecks: { path: string; cards: number }[];
}

/** Where the package's cards sit among its decks: the main deck's name and each card's subdeck below it. */
export function deckLayout(pkg: Pick<AnkiPackage, "cards"> & Partial<Pick<AnkiPackage, "decks">>): DeckLayout {
  const names = new Map((pkg.decks ?? []).map((d) => [d.id, d.name.split("::").map((p) => p.trim())]));
  const homes = [...new Set(pkg.cards.map((c) => c.deckId))].flatMap((id) => (names.has(id) ? [names.get(id)!] : []));
  // The deepest deck that holds every card: the names' common "::" prefix.
  let root = homes[0] ?? [];
  for (const parts of homes) {
    let same = 0;
    while (same < root.length && root[same] === parts[same]) same++;
    root = root.slice(0, same);
  }
  const name = root.length ? root.join("::") : [...new Set(homes.map((parts) => parts[0]))].join(", ");
  const subdeckOf = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const card of pkg.cards) {
    const path = (names.get(card.deckId) ?? root).slice(root.length).join("::");
    subdeckOf.set(card.id, path);
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  const subdecks = [...counts].map(([path, cards]) => ({ path, cards })).sort((a, b) => a.path.localeCompare(b.path));
  return { name: name || null, subdeckOf, subdecks };
}

/** A Drill deck's title for a subdeck when subdecks become decks: "Python / Basics / Lists". */
export function subdeckTitle(title: string, path: string): string {
  return (path ? [title, ...path.split("::")].join(" / ") : title).slice(0, 120);
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
  /** Its Anki subdeck below the package's deck ("" for that deck itself). */
  subdeck: string;
}

/**
 * The package's cards not imported before (`taken` slugs), as checked card content; a card the editor
 * would refuse is an error (the first five are reported).
 */
export function freshCards(
  pkg: Pick<AnkiPackage, "cards" | "notes" | "noteTypes"> & Partial<Pick<AnkiPackage, "decks">>,
  taken: ReadonlySet<string>,
  choices: Record<string, FieldChoice>,
  images: ReadonlyMap<string, string>,
  subdecks: SubdeckChoice = "tags",
): { cards: FreshCard[]; errors: string[] } {
  const notes = new Map(pkg.notes.map((n) => [n.id, n]));
  const { subdeckOf } = deckLayout(pkg);
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
    const subdeck = subdeckOf.get(card.id) ?? "";
    const deckTag = subdecks === "tags" ? subdeckTag(subdeck) : null;
    const parsed = cardContentSchema.safeParse({
      slug: ankiSlug(card),
      front: question,
      lead: "",
      keyPoints: [],
      back: answer,
      tags: drillTags(note.tags, deckTag ? [deckTag] : []),
    });
    if (!parsed.success) {
      if (errors.length < 5) errors.push(`Anki note ${note.id}: ${parsed.error.issues[0]!.message}`);
      return [];
    }
    return [{ anki: card, content: parsed.data, subdeck }];
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

/** Whether review cards keep the dates Anki gave them (their memory still derived from their history) or FSRS sets new ones. */
export type ScheduleChoice = "keep" | "reschedule";

/** What became of the imported cards' schedules, for the result page. */
export interface ScheduleSummary {
  /** Cards that keep Anki's due dates, and how many of them were already overdue there. */
  kept: number;
  overdue: number;
  /** Cards FSRS scheduled anew from their history. */
  rescheduled: number;
  /** Cards suspended in Anki, suspended here too. */
  suspended: number;
}

/** Anki's due dates above this are epoch seconds (cards in their learning steps); below, days from the collection's start. */
const EPOCH_SECONDS = 1_000_000_000;

/**
 * A card's memory when it keeps Anki's schedule, as Anki does when it switches to FSRS without
 * rescheduling: stability and difficulty from the replayed history (`replayed`), the state, due date
 * and interval from Anki's card. Null for a card Anki has as new (reset, or never answered).
 */
export function keptMemory(
  card: Pick<AnkiPackage["cards"][number], "type" | "due" | "interval">,
  replayed: MemoryState,
  created: number,
  now: Date,
): { memory: MemoryState; overdue: boolean } | null {
  if (card.type === State.New) return null;
  const due = new Date(card.due > EPOCH_SECONDS ? card.due * 1000 : created + card.due * DAY_MS);
  const review = card.type === State.Review;
  const memory: MemoryState = {
    ...replayed,
    state: card.type as StateValue,
    due,
    scheduledDays: review ? Math.max(0, card.interval) : 0,
    learningSteps: review ? 0 : replayed.learningSteps,
  };
  // Overdue: due on a day before today (a card due today, any time, is simply due).
  return { memory, overdue: due.getTime() + DAY_MS <= now.getTime() };
}

export interface ImportRows {
  /** Cards without their deck and position (the transaction knows them). */
  cardRows: Prisma.CardCreateManyInput[];
  tagRows: { cardId: string; tag: string }[];
  reviews: ReplayedReview[];
  stateRows: Omit<Prisma.CardStateCreateManyInput, "deckId">[];
  schedule: ScheduleSummary;
}

/**
 * The rows an import writes, ids included, so the transaction only writes. With history, each card's
 * reviews are replayed through FSRS (each with the state before it, as Drill logs its own ratings);
 * the card then keeps Anki's due date with the memory the replay gives (`keep`), or takes the
 * replay's own schedule (`reschedule`). A card suspended in Anki stays suspended.
 */
export function importRows(
  fresh: FreshCard[],
  history: ReadonlyMap<string, AnkiPackage["reviews"]>,
  context: {
    userId: string;
    scheduler: SchedulerSettings;
    now: Date;
    newId: () => string;
    schedule?: ScheduleChoice;
    /** The collection's start (ms), Anki's day 0. */
    created?: number;
  },
): ImportRows {
  const rows: ImportRows = {
    cardRows: [],
    tagRows: [],
    reviews: [],
    stateRows: [],
    schedule: { kept: 0, overdue: 0, rescheduled: 0, suspended: 0 },
  };
  for (const { anki, content } of fresh) {
    const cardId = context.newId();
    const { tags: _tags, ...row } = newCardData("", 0, content);
    rows.cardRows.push({ ...(row as Omit<Prisma.CardCreateManyInput, "deckId" | "position">), id: cardId, deckId: "", position: 0 });
    for (const tag of content.tags) rows.tagRows.push({ cardId, tag });
    const suspended = anki.queue === -1;
    if (suspended) rows.schedule.suspended++;
    const reviews = history.get(anki.id) ?? [];
    let memory: MemoryState | null = null;
    if (reviews.length) {
      memory = newMemory(new Date(reviews[0]!.at));
      for (const review of reviews) {
        const at = new Date(Math.min(review.at, context.now.getTime()));
        const after = rate(memory, review.ease as RatingValue, at, context.scheduler);
        rows.reviews.push({ cardId, question: content.front, review, at, memory, after });
        memory = after;
      }
      if ((context.schedule ?? "keep") === "keep") {
        const kept = keptMemory(anki, memory, context.created ?? 0, context.now);
        memory = kept?.memory ?? null;
        if (kept) rows.schedule.kept++;
        if (kept?.overdue) rows.schedule.overdue++;
      } else rows.schedule.rescheduled++;
    }
    // A suspended card Drill has no memory of yet is a new one, set aside as in Anki.
    if (!memory && suspended) memory = newMemory(context.now);
    if (memory) rows.stateRows.push({ userId: context.userId, cardId, ...memory, version: reviews.length, suspended });
  }
  return rows;
}
