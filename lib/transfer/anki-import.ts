// Bringing an Anki package into Drill: a preview (note types, the cards each template makes, the first
// cards, tag counts, the review count, the Anki deck and its subdecks), then the import into the
// learner's own decks (one, or one per subdeck), all or nothing. Each card is rendered from its
// template, its fields as safe Markdown (turndown, then the same checks as the card editor); with
// history, Anki's review log becomes Drill ratings, each card's memory is rebuilt by replaying them
// through FSRS, and review cards keep Anki's due dates unless the learner asks to reschedule. Keyed by
// Anki's ids (card slugs, rating client ids), so importing the same package twice adds nothing the second time.
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
  ANKI_INTERNAL_TAGS,
  ankiSlug,
  deckLayout,
  defaultChoice,
  freshCards,
  imagesToStore,
  importRows,
  isImage,
  referencedImages,
  reviewsByCard,
  sides,
  subdeckTitle,
  type FieldChoice,
  type ImportRows,
  type MediaRow,
  type ReplayedReview,
  type ScheduleChoice,
  type ScheduleSummary,
  type SubdeckChoice,
} from "./anki-conversion";

export type { FieldChoice, ScheduleChoice, ScheduleSummary, SubdeckChoice } from "./anki-conversion";

export interface AnkiPreview {
  layout: string;
  noteTypes: (AnkiNoteType & {
    notes: number;
    sample: { question: string; answer: string } | null;
    choice: FieldChoice;
    /** How many cards each template makes, and how many of its cards Anki wouldn't make (their front renders empty). */
    cardsByTemplate: { name: string; ord: number; cards: number; empty: number }[];
  })[];
  tags: { tag: string; notes: number }[];
  cards: number;
  reviews: number;
  images: number;
  otherMedia: number;
  /** The Anki deck the cards are in (the deck title's default) and its subdecks holding cards. */
  deck: { name: string | null; subdecks: { path: string; cards: number }[] };
  /** Notes Anki tagged as leeches, and cards suspended there (they stay suspended). */
  leeches: number;
  suspended: number;
}

/** How many cards each of a note type's templates makes from these notes, with the cards whose front renders empty. */
function cardsByTemplate(
  pkg: AnkiPackage,
  type: AnkiNoteType,
  notes: AnkiPackage["notes"],
  cardsOfNote: Map<string, AnkiPackage["cards"]>,
) {
  const choice = defaultChoice(type);
  const counts = new Map(type.templates.map((t) => [t.ord, { name: t.name, ord: t.ord, cards: 0, empty: 0 }]));
  if (!choice.fromTemplates) return [];
  for (const note of notes)
    for (const card of cardsOfNote.get(note.id) ?? []) {
      const count = counts.get(type.cloze ? type.templates[0]!.ord : card.ord);
      if (count) count[sides(pkg, note, card.ord, choice) ? "cards" : "empty"]++;
    }
  return [...counts.values()];
}

export function previewAnki(bytes: Uint8Array): AnkiPreview {
  const pkg = readAnkiPackage(bytes);
  const tagCounts = new Map<string, number>();
  for (const note of pkg.notes) for (const tag of note.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const cardsOfNote = new Map<string, AnkiPackage["cards"]>();
  for (const card of pkg.cards) cardsOfNote.set(card.noteId, [...(cardsOfNote.get(card.noteId) ?? []), card]);
  const media = [...pkg.media.keys()];
  const { name, subdecks } = deckLayout(pkg);
  return {
    layout: pkg.layout,
    noteTypes: pkg.noteTypes.map((type) => {
      const notes = pkg.notes.filter((n) => n.noteTypeId === type.id);
      const choice = defaultChoice(type);
      const first = notes[0];
      const firstCard = first && cardsOfNote.get(first.id)?.[0];
      return {
        ...type,
        notes: notes.length,
        choice,
        sample: first ? sides(pkg, first, firstCard?.ord ?? 0, choice) : null,
        cardsByTemplate: cardsByTemplate(pkg, type, notes, cardsOfNote),
      };
    }),
    tags: [...tagCounts.entries()]
      .filter(([tag]) => !ANKI_INTERNAL_TAGS.has(tag.toLowerCase()))
      .map(([tag, notes]) => ({ tag, notes }))
      .sort((a, b) => b.notes - a.notes || a.tag.localeCompare(b.tag)),
    cards: pkg.cards.length,
    reviews: pkg.reviews.length,
    images: media.filter(isImage).length,
    otherMedia: media.filter((m) => !isImage(m)).length,
    deck: { name, subdecks },
    leeches: pkg.notes.filter((n) => n.tags.some((t) => t.toLowerCase() === "leech")).length,
    suspended: pkg.cards.filter((c) => c.queue === -1).length,
  };
}

/** The titles of the learner's own decks (at most 1,000), so a preview can warn before it makes a second deck of the same title. */
export async function ownDeckTitles(viewer: Viewer): Promise<string[]> {
  const decks = await db.deck.findMany({
    where: { ownerId: viewer.id, deletedAt: null },
    select: { title: true },
    orderBy: { createdAt: "desc" },
    take: 1000,
  });
  return decks.map((d) => d.title);
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
  /** The deck the cards went to (the first of them, when subdecks became decks). */
  deckId: string;
  /** Drill decks the cards went to (more than one when subdecks became decks). */
  decks: number;
  cards: number;
  ratings: number;
  /** Images stored with the deck, and media files left out (sound, video, unknown or oversize images). */
  images: number;
  skippedMedia: number;
  /** Cards already imported before (by their Anki ids) or that Anki wouldn't make (an empty front): left out. */
  skipped: number;
  /** What became of the cards' schedules. */
  schedule: ScheduleSummary;
}

export interface AnkiImportOptions {
  title: string;
  choices: Record<string, FieldChoice>;
  withHistory: boolean;
  /** Subdecks as tags on one deck (the default) or as decks of their own. */
  subdecks?: SubdeckChoice;
  /** Review cards keep Anki's due dates (the default) or FSRS reschedules them from their history. */
  schedule?: ScheduleChoice;
}

/** One Drill deck an import writes: an Anki subdeck's cards (or all of them), with what it found of an earlier import. */
interface DeckImport extends Omit<ImportRows, "reviews" | "schedule"> {
  title: string;
  existing: { deckId: string } | null;
  mediaRows: MediaRow[];
  logRows: ReviewLogRow[];
}

export async function importAnki(
  viewer: Viewer,
  bytes: Uint8Array,
  options: AnkiImportOptions,
  now = new Date(),
): Promise<AnkiImportResult> {
  const pkg = readAnkiPackage(bytes);
  const subdecks = options.subdecks ?? "tags";
  const { subdeckOf, subdecks: paths } = deckLayout(pkg);
  const groups = subdecks === "decks" ? paths.map((p) => p.path) : [""];
  const settings = await getStudySettings(viewer.id);
  const history = options.withHistory ? reviewsByCard(pkg.reviews) : new Map<string, AnkiPackage["reviews"]>();
  const newId = () => newRowId(ID_PREFIX);
  const schedule: ScheduleSummary = { kept: 0, overdue: 0, rescheduled: 0, suspended: 0 };
  const decks: DeckImport[] = [];
  const errors: string[] = [];
  const usedImages = new Set<string>();
  // Everything is worked out before the transaction (ids included), so it only writes, in batches:
  // a collection of 20,000 cards is a few dozen statements, not 80,000.
  for (const path of groups) {
    const cards = subdecks === "decks" ? pkg.cards.filter((c) => subdeckOf.get(c.id) === path) : pkg.cards;
    const part = { ...pkg, cards };
    const noteIds = new Set(cards.map((c) => c.noteId));
    const { existing, taken, storedBefore } = await importedBefore(viewer, cards);
    const { images, mediaRows } = imagesToStore(
      referencedImages(pkg.notes.filter((n) => noteIds.has(n.id))),
      storedBefore,
      pkg.media,
      newId,
    );
    const fresh = freshCards(part, taken, options.choices, images, subdecks);
    errors.push(...fresh.errors);
    const rows = importRows(fresh.cards, history, {
      userId: viewer.id,
      scheduler: settings.scheduler,
      now,
      newId,
      schedule: options.schedule ?? "keep",
      created: pkg.created,
    });
    for (const key of Object.keys(schedule) as (keyof ScheduleSummary)[]) schedule[key] += rows.schedule[key];
    for (const name of images.keys()) usedImages.add(name);
    decks.push({
      ...rows,
      title: subdeckTitle(options.title, path),
      existing,
      mediaRows,
      logRows: ratingRows(viewer, rows.reviews, settings),
    });
  }
  if (errors.length) throw new AppError("invalid", `Nothing was imported. ${errors.slice(0, 5).join(" ")}`, { file: errors.slice(0, 5) });

  const deckIds = await writeImport(viewer, decks);
  // The learner studies what they bring: the decks join their study.
  for (const deckId of deckIds)
    await db.deckStudy.upsert({
      where: { userId_deckId: { userId: viewer.id, deckId } },
      create: { userId: viewer.id, deckId },
      update: {},
    });
  const imported = decks.reduce((sum, d) => sum + d.cardRows.length, 0);
  return {
    deckId: deckIds[0]!,
    decks: deckIds.length,
    cards: imported,
    ratings: decks.reduce((sum, d) => sum + d.logRows.length, 0),
    skipped: pkg.cards.length - imported,
    images: decks.reduce((sum, d) => sum + d.mediaRows.length, 0),
    skippedMedia: [...pkg.media.keys()].filter((name) => !usedImages.has(name)).length,
    schedule,
  };
}

/**
 * What an earlier import of these cards left: a deck of the learner's that already holds some of them
 * (it takes the new ones; else a new deck is made), the slugs of that deck's cards, and its images by name.
 */
async function importedBefore(viewer: Viewer, cards: AnkiPackage["cards"]) {
  const existing = await db.card.findFirst({
    where: { slug: { in: cards.slice(0, 500).map(ankiSlug) }, deck: { ownerId: viewer.id } },
    select: { deckId: true },
  });
  if (!existing) return { existing, taken: new Set<string>(), storedBefore: new Map<string, string>() };
  const [slugs, media] = await Promise.all([
    db.card.findMany({ where: { deckId: existing.deckId }, select: { slug: true } }),
    db.media.findMany({ where: { deckId: existing.deckId }, select: { id: true, name: true } }),
  ]);
  return { existing, taken: new Set(slugs.map((c) => c.slug)), storedBefore: new Map(media.map((m) => [m.name, m.id])) };
}

/** The replayed reviews as Drill logs its own ratings: each with the card's memory before it. */
function ratingRows(viewer: Viewer, reviews: ReplayedReview[], settings: StudySettings): ReviewLogRow[] {
  const scheduler = schedulerSnapshot(settings.scheduler);
  return reviews.map(({ cardId, question, review, at, memory, after }) => ({
    id: newRowId(ID_PREFIX),
    userId: viewer.id,
    cardId,
    // Anki's review ids are timestamps, unique in one collection only: two packages can share one.
    // With the (new) card's id the key stays unique; a re-import skips cards it has, so their ratings too.
    clientId: `anki-${cardId}-${review.id}`,
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

/** The import's one transaction: each deck (found or made), its images, cards, tags, ratings and states. */
async function writeImport(viewer: Viewer, decks: DeckImport[]): Promise<string[]> {
  return db.$transaction(
    async (tx) => {
      const ids: string[] = [];
      for (const { title, existing, mediaRows, cardRows, tagRows, logRows, stateRows } of decks) {
        const deck = existing
          ? { id: existing.deckId }
          : await tx.deck.create({
              data: { ownerId: viewer.id, slug: await newDeckSlug(title, tx), title, source: "Imported from Anki" },
              select: { id: true },
            });
        ids.push(deck.id);
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
      }
      return [...new Set(ids)];
    },
    { timeout: 120_000 },
  );
}
