// Bringing an Anki package into Drill: a preview (note types and their fields, the first cards, tag
// counts, the review count), then the import into one of the learner's own decks, all or nothing.
// Fields become safe Markdown (turndown, then the same checks as the card editor); cloze notes become
// a question with the blank and an answer with it filled; with history, Anki's review log becomes
// Drill ratings and each card's memory is rebuilt by replaying them through FSRS. Keyed by Anki's ids
// (card slugs, rating client ids), so importing the same package twice adds nothing the second time.
import "server-only";
import TurndownService from "turndown";
import * as Prisma from "../server/sql";
import type { Viewer } from "../decks/access";
import { newDeckSlug } from "../decks/authoring";
import { newCardData } from "../decks/card-rows";
import { cardContentSchema, tagSchema, type Tag } from "../decks/schema";
import { MAX_ANSWER_MS } from "../review/ratings";
import { getStudySettings, schedulerSnapshot } from "../review/settings";
import { newMemory, rate, type MemoryState, type RatingValue } from "../scheduling/fsrs";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { newRowId } from "../server/ids";
import { readAnkiPackage, type AnkiNoteType, type AnkiPackage } from "./anki-package";

export interface FieldChoice {
  question: number;
  answer: number;
}

export interface AnkiPreview {
  layout: string;
  noteTypes: (AnkiNoteType & { notes: number; sample: { question: string; answer: string } | null; choice: FieldChoice })[];
  tags: { tag: string; notes: number }[];
  cards: number;
  reviews: number;
  images: number;
  otherMedia: number;
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
function imageType(bytes: Uint8Array): string | null {
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
const IMAGES_MAX_BYTES = 50_000_000;
const IMG_SRC = /<img[^>]*\bsrc\s*=\s*["']?([^"' >]+)/gi;

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

const isImage = (name: string) => /\.(png|jpe?g|gif|webp|svg)$/i.test(name);

function defaultChoice(type: AnkiNoteType): FieldChoice {
  // A cloze's answer is its text with the blank filled, plus the second field (Back Extra) when chosen.
  return { question: 0, answer: Math.min(1, type.fields.length - 1) };
}

function sides(
  pkg: AnkiPackage,
  note: AnkiPackage["notes"][number],
  ord: number,
  choice: FieldChoice,
  images: ReadonlyMap<string, string> = new Map(),
) {
  const type = pkg.noteTypes.find((t) => t.id === note.noteTypeId);
  const md = (html: string) => fieldMarkdown(html, images);
  if (type?.cloze) {
    const { question, answer } = clozeSides(note.fields[choice.question] ?? "", ord + 1);
    const extra = choice.answer !== choice.question ? md(note.fields[choice.answer] ?? "") : "";
    return { question: md(question), answer: [md(answer), extra].filter(Boolean).join("\n\n") };
  }
  return { question: md(note.fields[choice.question] ?? ""), answer: md(note.fields[choice.answer] ?? "") };
}

export function previewAnki(bytes: Uint8Array): AnkiPreview {
  const pkg = readAnkiPackage(bytes);
  const tagCounts = new Map<string, number>();
  for (const note of pkg.notes) for (const tag of note.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const media = [...pkg.media.keys()];
  return {
    layout: pkg.layout,
    noteTypes: pkg.noteTypes.map((type) => {
      const notes = pkg.notes.filter((n) => n.noteTypeId === type.id);
      const choice = defaultChoice(type);
      const first = notes[0];
      return { ...type, notes: notes.length, choice, sample: first ? sides(pkg, first, 0, choice) : null };
    }),
    tags: [...tagCounts.entries()].map(([tag, notes]) => ({ tag, notes })).sort((a, b) => b.notes - a.notes || a.tag.localeCompare(b.tag)),
    cards: pkg.cards.length,
    reviews: pkg.reviews.length,
    images: media.filter(isImage).length,
    otherMedia: media.filter((m) => !isImage(m)).length,
  };
}

/** Drill's tags for an Anki note: Anki's own, hierarchical ones ("python::basics") included; at most six. */
function drillTags(tags: string[]): Tag[] {
  return [...new Set(tags.flatMap((t) => (tagSchema.safeParse(t).success ? [tagSchema.parse(t)] : [])))].slice(0, 6);
}

/** Rows a batched insert writes at once (SQLite allows 32,766 bound values per statement). */
const BATCH = 500;
/** Imported cards' ids: like the app's own cuid ids, letters and digits. */
const ID_PREFIX = "ca";

/** Ratings a multi-row INSERT writes at once: 23 values each, within both engines' limits on bound values. */
const LOG_BATCH = 1000;

type LogRow = Omit<Prisma.ReviewLogCreateManyInput, "id" | "reviewedAt" | "nextDue" | "due" | "lastReview" | "scheduler"> & {
  id: string;
  reviewedAt: Date;
  nextDue: Date;
  due: Date;
  lastReview: Date | null;
  scheduler: string;
};

/** One INSERT of many ratings, the same SQL on SQLite and PostgreSQL (values bound, never spliced). */
function insertLogs(rows: LogRow[]): Prisma.Sql {
  const values = rows.map(
    (r) =>
      Prisma.sql`(${r.id}, ${r.userId}, ${r.cardId}, ${r.clientId}, ${r.rating}, ${r.reviewedAt}, ${r.durationMs}, ${r.nextDue}, ${r.question ?? null}, ${r.parameterSetId ?? null}, ${r.scheduler}, ${r.state}, ${r.due}, ${r.stability}, ${r.difficulty}, ${r.scheduledDays}, ${r.learningSteps}, ${r.reps}, ${r.lapses}, ${r.lastReview})`,
  );
  return Prisma.sql`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "clientId", "rating", "reviewedAt", "durationMs", "nextDue", "question", "parameterSetId", "scheduler", "state", "due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview") VALUES ${Prisma.join(values)}`;
}

export interface AnkiImportResult {
  deckId: string;
  cards: number;
  ratings: number;
  /** Images stored with the deck, and media files left out (sound, video, unknown or oversize images). */
  images: number;
  skippedMedia: number;
  /** Cards already imported before (by their Anki ids): left as they are. */
  skipped: number;
}

export async function importAnki(
  viewer: Viewer,
  bytes: Uint8Array,
  options: { title: string; choices: Record<string, FieldChoice>; withHistory: boolean },
  now = new Date(),
): Promise<AnkiImportResult> {
  const pkg = readAnkiPackage(bytes);
  const notes = new Map(pkg.notes.map((n) => [n.id, n]));
  const slugOf = (card: AnkiPackage["cards"][number]) => `anki-${card.noteId}-${card.ord}`;

  // A deck of the learner's that already holds cards of this package takes the new ones; else a new deck.
  const existing = await db.card.findFirst({
    where: { slug: { in: pkg.cards.slice(0, 500).map(slugOf) }, deck: { ownerId: viewer.id } },
    select: { deckId: true },
  });
  const taken = existing
    ? new Set((await db.card.findMany({ where: { deckId: existing.deckId }, select: { slug: true } })).map((c) => c.slug))
    : new Set<string>();

  // The images the imported notes show: stored with the deck (checked by their bytes and size), each
  // with its id made now so the cards' Markdown can point at it. Images stored by an earlier import
  // of the same package are reused.
  const referenced = new Set<string>();
  for (const note of pkg.notes)
    for (const field of note.fields) for (const m of field.matchAll(IMG_SRC)) referenced.add(decodeURIComponent(m[1]!));
  const storedBefore = existing
    ? new Map(
        (await db.media.findMany({ where: { deckId: existing.deckId }, select: { id: true, name: true } })).map((m) => [m.name, m.id]),
      )
    : new Map<string, string>();
  const images = new Map<string, string>();
  const mediaRows: { id: string; name: string; mimeType: string; bytes: Uint8Array<ArrayBuffer>; size: number }[] = [];
  let imageBytes = 0;
  for (const name of referenced) {
    const before = storedBefore.get(name);
    if (before) {
      images.set(name, `/media/${before}`);
      continue;
    }
    const data = pkg.media.get(name);
    const mimeType = data && imageType(data);
    if (!data || !mimeType || data.length > IMAGE_MAX_BYTES || imageBytes + data.length > IMAGES_MAX_BYTES) continue;
    const id = newRowId(ID_PREFIX);
    imageBytes += data.length;
    mediaRows.push({ id, name, mimeType, bytes: new Uint8Array(data), size: data.length });
    images.set(name, `/media/${id}`);
  }

  const errors: string[] = [];
  const fresh = pkg.cards.flatMap((card) => {
    if (taken.has(slugOf(card))) return [];
    const note = notes.get(card.noteId);
    if (!note) return [];
    const type = pkg.noteTypes.find((t) => t.id === note.noteTypeId);
    const choice = options.choices[note.noteTypeId] ?? (type ? defaultChoice(type) : { question: 0, answer: 1 });
    const { question, answer } = sides(pkg, note, card.ord, choice, images);
    const parsed = cardContentSchema.safeParse({
      slug: slugOf(card),
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
  if (errors.length) throw new AppError("invalid", `Nothing was imported. ${errors.join(" ")}`, { file: errors });

  const settings = await getStudySettings(viewer.id);
  const reviewsByCard = new Map<string, AnkiPackage["reviews"]>();
  if (options.withHistory) for (const r of pkg.reviews) reviewsByCard.set(r.cardId, [...(reviewsByCard.get(r.cardId) ?? []), r]);

  // Everything is worked out before the transaction (ids included), so it only writes, in batches:
  // a collection of 20,000 cards is a few dozen statements, not 80,000.
  const scheduler = schedulerSnapshot(settings.scheduler);
  const cardRows: Prisma.CardCreateManyInput[] = [];
  const tagRows: { cardId: string; tag: string }[] = [];
  const logRows: LogRow[] = [];
  const stateRows: Omit<Prisma.CardStateCreateManyInput, "deckId">[] = [];
  for (const { anki, content } of fresh) {
    const cardId = newRowId(ID_PREFIX);
    const { tags: _tags, ...row } = newCardData("", 0, content);
    cardRows.push({ ...(row as Omit<Prisma.CardCreateManyInput, "deckId" | "position">), id: cardId, deckId: "", position: 0 });
    for (const tag of content.tags) tagRows.push({ cardId, tag });
    const history = reviewsByCard.get(anki.id) ?? [];
    if (history.length === 0) continue;
    // Replayed through FSRS: each rating with the state before it, as Drill logs its own.
    let memory: MemoryState = newMemory(new Date(history[0]!.at));
    for (const review of history) {
      const at = new Date(Math.min(review.at, now.getTime()));
      const after = rate(memory, review.ease as RatingValue, at, settings.scheduler);
      logRows.push({
        id: newRowId(ID_PREFIX),
        userId: viewer.id,
        cardId,
        clientId: `anki-${review.id}`,
        rating: review.ease,
        reviewedAt: at,
        durationMs: Math.min(review.durationMs, MAX_ANSWER_MS),
        nextDue: after.due,
        question: content.front,
        parameterSetId: settings.parameterSetId,
        scheduler,
        ...memory,
      });
      memory = after;
    }
    stateRows.push({ userId: viewer.id, cardId, ...memory, version: history.length });
  }

  const deckId = await db.$transaction(
    async (tx) => {
      const deck = existing
        ? { id: existing.deckId }
        : await tx.deck.create({
            data: { ownerId: viewer.id, slug: await newDeckSlug(options.title, tx), title: options.title, source: "Imported from Anki" },
            select: { id: true },
          });
      for (const row of mediaRows) await tx.media.create({ data: { ...row, deckId: deck.id } });
      const last = await tx.card.aggregate({ where: { deckId: deck.id }, _max: { position: true } });
      const first = (last._max.position ?? -1) + 1;
      for (let i = 0; i < cardRows.length; i += BATCH)
        await tx.card.createMany({
          data: cardRows.slice(i, i + BATCH).map((c, j) => ({ ...c, deckId: deck.id, position: first + i + j })),
        });
      for (let i = 0; i < tagRows.length; i += BATCH) await tx.cardTag.createMany({ data: tagRows.slice(i, i + BATCH) });
      // Ratings are most of an import's rows: written with multi-row INSERTs (Prisma's createMany
      // costs about half a millisecond a row here; 200,000 ratings took almost two minutes).
      for (let i = 0; i < logRows.length; i += LOG_BATCH) await tx.$executeRaw(insertLogs(logRows.slice(i, i + LOG_BATCH)));
      for (let i = 0; i < stateRows.length; i += BATCH)
        await tx.cardState.createMany({ data: stateRows.slice(i, i + BATCH).map((s) => ({ ...s, deckId: deck.id })) });
      return deck.id;
    },
    { timeout: 120_000 },
  );
  const ratings = logRows.length;
  // The learner studies what they bring: the deck joins their study.
  await db.deckStudy.upsert({ where: { userId_deckId: { userId: viewer.id, deckId } }, create: { userId: viewer.id, deckId }, update: {} });
  return {
    deckId,
    cards: fresh.length,
    ratings,
    skipped: pkg.cards.length - fresh.length,
    images: mediaRows.length,
    skippedMedia: [...pkg.media.keys()].filter((name) => !images.has(name)).length,
  };
}
