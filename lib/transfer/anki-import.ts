// Bringing an Anki package into Drill: a preview (note types and their fields, the first cards, tag
// counts, the review count), then the import into one of the learner's own decks, all or nothing.
// Fields become safe Markdown (turndown, then the same checks as the card editor); cloze notes become
// a question with the blank and an answer with it filled; with history, Anki's review log becomes
// Drill ratings and each card's memory is rebuilt by replaying them through FSRS. Keyed by Anki's ids
// (card slugs, rating client ids), so importing the same package twice adds nothing the second time.
// This file reads and writes; lib/transfer/anki-conversion.ts (pure) turns the notes into rows.
import "server-only";
import * as Prisma from "../server/sql";
import type { Viewer } from "../decks/access";
import { newDeckSlug } from "../decks/authoring";
import { MAX_ANSWER_MS } from "../review/rating/limits";
import { reviewLogColumnList, reviewLogValues, type ReviewLogRow } from "../review/review-log";
import { getStudySettings, schedulerSnapshot, type StudySettings } from "../review/settings";
import { db, dbEngine } from "../server/db";
import { AppError } from "../server/errors";
import { newRowId } from "../server/ids";
import { readAnkiPackage, type AnkiNoteType, type AnkiPackage } from "./anki-package";
import {
  ankiSlug,
  defaultChoice,
  freshCards,
  imagesToStore,
  importRows,
  isImage,
  referencedImages,
  reviewsByCard,
  sides,
  type FieldChoice,
  type ImportRows,
  type MediaRow,
  type ReplayedReview,
} from "./anki-conversion";

export type { FieldChoice } from "./anki-conversion";

export interface AnkiPreview {
  layout: string;
  noteTypes: (AnkiNoteType & { notes: number; sample: { question: string; answer: string } | null; choice: FieldChoice })[];
  tags: { tag: string; notes: number }[];
  cards: number;
  reviews: number;
  images: number;
  otherMedia: number;
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

/** Rows a batched insert writes at once (SQLite allows 32,766 bound values per statement). */
const BATCH = 500;
/** Imported cards' ids: like the app's own cuid ids, letters and digits. */
const ID_PREFIX = "ca";

/**
 * Ratings a multi-row INSERT writes at once: a value per column of the log each (22, see
 * lib/review/review-log.ts), within SQLite's 32,766 bound values per statement.
 */
const LOG_BATCH = 1000;

/** One INSERT of many ratings, with the rating path's column list (values bound, never spliced). */
function insertLogs(rows: ReviewLogRow[]): Prisma.Sql {
  const values = rows.map((row) => Prisma.sql`(${reviewLogValues(row, dbEngine)})`);
  return Prisma.sql`INSERT INTO "ReviewLog" (${reviewLogColumnList}) VALUES ${Prisma.join(values)}`;
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
  const { existing, taken, storedBefore } = await importedBefore(viewer, pkg);
  const newId = () => newRowId(ID_PREFIX);
  const { images, mediaRows } = imagesToStore(referencedImages(pkg.notes), storedBefore, pkg.media, newId);
  const { cards: fresh, errors } = freshCards(pkg, taken, options.choices, images);
  if (errors.length) throw new AppError("invalid", `Nothing was imported. ${errors.join(" ")}`, { file: errors });

  // Everything is worked out before the transaction (ids included), so it only writes, in batches:
  // a collection of 20,000 cards is a few dozen statements, not 80,000.
  const settings = await getStudySettings(viewer.id);
  const history = options.withHistory ? reviewsByCard(pkg.reviews) : new Map<string, AnkiPackage["reviews"]>();
  const rows = importRows(fresh, history, { userId: viewer.id, scheduler: settings.scheduler, now, newId });
  const logRows = ratingRows(viewer, rows.reviews, settings);
  const deckId = await writeImport(viewer, options.title, existing, { ...rows, mediaRows, logRows });
  // The learner studies what they bring: the deck joins their study.
  await db.deckStudy.upsert({ where: { userId_deckId: { userId: viewer.id, deckId } }, create: { userId: viewer.id, deckId }, update: {} });
  return {
    deckId,
    cards: fresh.length,
    ratings: logRows.length,
    skipped: pkg.cards.length - fresh.length,
    images: mediaRows.length,
    skippedMedia: [...pkg.media.keys()].filter((name) => !images.has(name)).length,
  };
}

/**
 * What an earlier import of this package left: a deck of the learner's that already holds some of its
 * cards (it takes the new ones; else a new deck is made), the slugs of that deck's cards, and its images by name.
 */
async function importedBefore(viewer: Viewer, pkg: AnkiPackage) {
  const existing = await db.card.findFirst({
    where: { slug: { in: pkg.cards.slice(0, 500).map(ankiSlug) }, deck: { ownerId: viewer.id } },
    select: { deckId: true },
  });
  if (!existing) return { existing, taken: new Set<string>(), storedBefore: new Map<string, string>() };
  const [cards, media] = await Promise.all([
    db.card.findMany({ where: { deckId: existing.deckId }, select: { slug: true } }),
    db.media.findMany({ where: { deckId: existing.deckId }, select: { id: true, name: true } }),
  ]);
  return { existing, taken: new Set(cards.map((c) => c.slug)), storedBefore: new Map(media.map((m) => [m.name, m.id])) };
}

/** The replayed reviews as Drill logs its own ratings: each with the card's memory before it. */
function ratingRows(viewer: Viewer, reviews: ReplayedReview[], settings: StudySettings): ReviewLogRow[] {
  const scheduler = schedulerSnapshot(settings.scheduler);
  return reviews.map(({ cardId, question, review, at, memory, after }) => ({
    id: newRowId(ID_PREFIX),
    userId: viewer.id,
    cardId,
    clientId: `anki-${review.id}`,
    rating: review.ease,
    reviewedAt: at,
    durationMs: Math.min(review.durationMs, MAX_ANSWER_MS),
    nextDue: after.due,
    question,
    pointsShown: null,
    pointsMissed: null,
    parameterSetId: settings.parameterSetId,
    scheduler,
    ...memory,
  }));
}

/** The import's one transaction: the deck (found or made), its images, cards, tags, ratings and states. */
async function writeImport(
  viewer: Viewer,
  title: string,
  existing: { deckId: string } | null,
  { mediaRows, cardRows, tagRows, logRows, stateRows }: Omit<ImportRows, "reviews"> & { mediaRows: MediaRow[]; logRows: ReviewLogRow[] },
): Promise<string> {
  return db.$transaction(
    async (tx) => {
      const deck = existing
        ? { id: existing.deckId }
        : await tx.deck.create({
            data: { ownerId: viewer.id, slug: await newDeckSlug(title, tx), title, source: "Imported from Anki" },
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
}
