// Getting data in and out: a deck as a Markdown file (the same format as data/decks/, so the
// importer reads what the exporter writes), importing such a file as a new deck, and a learner's
// full export (account, settings, card states, every rating) as JSON.
import "server-only";
import { z } from "zod";
import { browsableDecks, type Viewer, liveCard } from "../decks/access";
import { db, dbEngine } from "../server/db";
import * as Prisma from "../server/sql";
import { byDeckKey } from "../decks/browse";
import { newDeckSlug, requireEditable } from "../decks/authoring";
import { importRefusal, parseDeckMarkdown, type ImportedDeck } from "./deck-markdown";
import { notFound } from "../server/errors";
import { newCardData, tagsByCard } from "../decks/card-rows";
import { DECK_FILE_MAX_BYTES, splitKeyPoints, splitQuestion } from "../decks/schema";
import { newRowId } from "../server/ids";
import { exportOwnAnswers } from "../answers/own-answers";
import { cardsToCsv, CSV_FIELDS, CSV_MAX_BYTES, csvCards, guessMapping, historyToCsv, readCsv, slugFinder, type CsvMapping } from "./csv";

/** Writes a deck in the deck-file format that parseDeckMarkdown reads. */
export function deckToMarkdown(deck: Omit<ImportedDeck, "cards"> & { cards: Omit<ImportedDeck["cards"][number], "line">[] }): string {
  const head = [`# ${deck.title}`];
  if (deck.slug) head.push(`slug: ${deck.slug}`);
  head.push(`visibility: ${deck.visibility}`);
  if (deck.source) head.push(`source: ${deck.source.replace(/\s*\n\s*/g, " ")}`);
  const parts = [head.join("\n")];
  if (deck.description) parts.push(deck.description);
  for (const card of deck.cards) {
    // The heading is the question's first paragraph; the rest (code to read, say) goes under "Question:".
    const { heading, more } = splitQuestion(card.front);
    const meta = [`## ${heading.replace(/\s*\n\s*/g, " ")}`, `slug: ${card.slug}`];
    if (card.tags.length) meta.push(`tags: ${card.tags.join(", ")}`);
    if (card.ownAnswer) meta.push("answer: own");
    if (card.replaces?.length) meta.push(`replaces: ${card.replaces.join(", ")}`);
    const question = more ? [`Question:\n\n${more}\n\nAnswer:`] : [];
    parts.push([meta.join("\n"), ...question, ...answerParts(card)].join("\n\n"));
  }
  return `${parts.join("\n\n")}\n`;
}

/**
 * The whole answer as one Markdown text, for formats with a single answer field (an Anki Back): the
 * lead, the key points as a list, then the rest.
 */
export function portableAnswer(card: { lead: string; keyPoints: string[]; back: string }): string {
  if (card.keyPoints.length === 0) return card.back;
  return [card.lead, card.keyPoints.map((p) => `- ${p}`).join("\n"), card.back].filter(Boolean).join("\n\n");
}

/** The answer as the deck file writes it: Lead / Key points / More when it has key points. */
function answerParts(card: { lead: string; keyPoints: string[]; back: string }): string[] {
  if (card.keyPoints.length === 0) return card.back ? [card.back] : [];
  const parts = [`Lead: ${card.lead}`, ["Key points:", ...card.keyPoints.map((p) => `- ${p}`)].join("\n")];
  if (card.back) parts.push(`More:\n\n${card.back}`);
  return parts;
}

/** A deck the viewer can see, as a Markdown file. */
export async function exportDeck(viewer: Viewer | null, deckKeyOrId: string): Promise<{ filename: string; markdown: string }> {
  const { filename, deck } = await exportableDeck(viewer, deckKeyOrId);
  return { filename, markdown: deckToMarkdown(deck) };
}

/** A deck the viewer can see, in the importers' shape, with the file name an export gets. */
export async function exportableDeck(viewer: Viewer | null, deckKeyOrId: string) {
  const deck = await db.deck.findFirst({
    where: { AND: [byDeckKey(deckKeyOrId), browsableDecks(viewer)] },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      source: true,
      visibility: true,
      cards: {
        where: liveCard,
        orderBy: { position: "asc" },
        select: { id: true, createdAt: true, slug: true, front: true, lead: true, keyPoints: true, back: true, ownAnswer: true },
      },
    },
  });
  if (!deck) throw notFound("That deck");
  const tags = await tagsByCard(db, { deckId: deck.id, ...liveCard });
  return {
    filename: `${deck.slug ?? deck.id}.md`,
    deckId: deck.id,
    deck: {
      title: deck.title,
      slug: deck.slug ?? undefined,
      visibility: deck.visibility as ImportedDeck["visibility"],
      source: deck.source,
      description: deck.description,
      cards: deck.cards.map(({ ownAnswer, ...c }) => ({
        ...c,
        keyPoints: splitKeyPoints(c.keyPoints),
        tags: tags.get(c.id) ?? [],
        ...(ownAnswer && { ownAnswer }),
      })),
    },
  };
}

export const deckFileSchema = z.object({
  file: z
    .string()
    .refine((t) => Buffer.byteLength(t, "utf8") <= DECK_FILE_MAX_BYTES, "A deck file is at most 2 MB.")
    .refine((t) => t.trim().length > 0, "Choose or paste a deck file."),
});

/** Imports a deck file as a new private deck of the viewer's. All or nothing, with line numbers. */
export async function importDeckFile(viewer: Viewer, text: string): Promise<{ id: string; slug: string | null; cards: number }> {
  const parsed = parseDeckMarkdown(text);
  if (!parsed.ok) {
    throw importRefusal(parsed.errors, "Nothing was imported.", "file");
  }
  const { deck } = parsed;
  return createDeckWithCards(viewer, deck, deck.cards);
}

/** A new private deck of the viewer's with these cards, all or nothing. */
async function createDeckWithCards(
  viewer: Viewer,
  meta: { title: string; description?: string; source?: string },
  cards: ImportedDeck["cards"],
): Promise<{ id: string; slug: string | null; cards: number }> {
  return db.$transaction(async (tx) => {
    const created = await tx.deck.create({
      data: {
        ownerId: viewer.id,
        slug: await newDeckSlug(meta.title, tx),
        title: meta.title,
        description: meta.description ?? "",
        source: meta.source ?? "",
      },
      select: { id: true, slug: true },
    });
    for (const [position, card] of cards.entries()) {
      await tx.card.create({ data: newCardData(created.id, position, card) });
    }
    return { id: created.id, slug: created.slug, cards: cards.length };
  });
}

// ---------- CSV and TSV ----------

const csvText = z
  .string()
  .refine((t) => new TextEncoder().encode(t).length <= CSV_MAX_BYTES, `Paste at most ${CSV_MAX_BYTES / 1_000_000} MB of CSV.`)
  .refine((t) => t.trim().length > 0, "Paste or choose a CSV or TSV file first.");

export const csvPreviewSchema = z.object({ text: csvText });

const column = z.number().int().min(0).max(1000);
export const csvImportSchema = z.object({
  text: csvText,
  title: z.string().trim().min(1, "The deck needs a title.").max(120, "A deck title is at most 120 characters."),
  mapping: z.string().transform((json, ctx) => {
    const parsed = z.partialRecord(z.enum(CSV_FIELDS), column).safeParse(
      (() => {
        try {
          return JSON.parse(json) as unknown;
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: "The column choices didn't arrive; preview again." });
      return z.NEVER;
    }
    return parsed.data;
  }),
});

export interface CsvPreview {
  header: string[] | null;
  sample: string[][];
  rows: number;
  columns: number;
  mapping: CsvMapping;
}

/** The first rows and the guessed mapping, or the problems (line-numbered) for the text field. */
export function previewCsv(text: string): CsvPreview {
  const read = readCsv(text);
  if (!read.ok) throw importRefusal(read.errors, "This can't be imported yet.", "text");
  const { table } = read;
  return {
    header: table.header,
    sample: table.rows.slice(0, 5).map((r) => r.cells),
    rows: table.rows.length,
    columns: table.columns,
    mapping: guessMapping(table),
  };
}

/** A new deck from CSV rows, all or nothing: every row checked like a card written in the editor. */
export async function importCsvDeck(viewer: Viewer, input: { text: string; title: string; mapping: CsvMapping }) {
  const cards = checkedCsvCards(input);
  const deck = await db.$transaction(
    async (tx) => {
      const created = await tx.deck.create({
        data: { ownerId: viewer.id, slug: await newDeckSlug(input.title, tx), title: input.title, source: "Imported from CSV" },
        select: { id: true, slug: true },
      });
      await writeCardsInBatches(tx, created.id, 0, cards);
      return { id: created.id, slug: created.slug, cards: cards.length };
    },
    { timeout: CSV_TRANSACTION_MS },
  );
  // As with an Anki import: the learner studies what they bring.
  await db.deckStudy.upsert({
    where: { userId_deckId: { userId: viewer.id, deckId: deck.id } },
    create: { userId: viewer.id, deckId: deck.id },
    update: {},
  });
  return deck;
}

function checkedCsvCards(input: { text: string; mapping: CsvMapping }): ImportedDeck["cards"] {
  const read = readCsv(input.text);
  if (!read.ok) throw importRefusal(read.errors, "Nothing was imported.", "text");
  const cards = csvCards(read.table, input.mapping);
  if (!cards.ok) throw importRefusal(cards.errors, "Nothing was imported.", "text");
  return cards.cards;
}

/** Rows a batched insert writes at once: 8 bound values per card, far within SQLite's 32,766. */
const CSV_BATCH = 500;
/** 20,000 rows write in a few seconds in batches; the limit is for a slow disk, not the usual case. */
const CSV_TRANSACTION_MS = 120_000;

/** The cards (ids made here, so their tags can follow) and their tags, in multi-row INSERTs. */
async function writeCardsInBatches(tx: Pick<typeof db, "$executeRaw">, deckId: string, start: number, cards: ImportedDeck["cards"]) {
  const now = new Date();
  for (let i = 0; i < cards.length; i += CSV_BATCH) {
    const batch = cards
      .slice(i, i + CSV_BATCH)
      .map((card, j) => ({ ...newCardData(deckId, start + i + j, card), id: newRowId(), tagNames: card.tags }));
    // Prisma's createMany writes a row at a time on SQLite (about half a millisecond each: 20,000
    // cards and their tags took over a minute); one INSERT per batch takes a fraction of that.
    await tx.$executeRaw(
      Prisma.sql`INSERT INTO "Card" ("id", "deckId", "slug", "front", "lead", "keyPoints", "back", "position", "createdAt", "updatedAt") VALUES ${Prisma.join(
        batch.map(
          (c) =>
            Prisma.sql`(${c.id}, ${deckId}, ${c.slug}, ${c.front}, ${c.lead ?? ""}, ${c.keyPoints ?? ""}, ${c.back}, ${typed(c.position, "integer")}, ${typed(now, "timestamp(3)")}, ${typed(now, "timestamp(3)")})`,
        ),
      )}`,
    );
    const tags = batch.flatMap((c) => c.tagNames.map((tag) => Prisma.sql`(${c.id}, ${tag})`));
    if (tags.length) await tx.$executeRaw(Prisma.sql`INSERT INTO "CardTag" ("cardId", "tag") VALUES ${Prisma.join(tags)}`);
  }
}

/** A bound value, cast on PostgreSQL, whose driver would otherwise send a date or number as text. */
function typed(value: Date | number, type: string): Prisma.Sql {
  return dbEngine === "postgresql" ? Prisma.sql`${value}::${Prisma.raw(type)}` : Prisma.sql`${value}`;
}

export const csvIntoDeckSchema = csvImportSchema.omit({ title: true });

/**
 * CSV rows added to a deck the viewer edits, after its cards, all or nothing. Adds only: a row whose
 * slug is already a card of the deck gets a fresh one, so nobody's progress on that card changes.
 */
export async function importCsvIntoDeck(viewer: Viewer, deckId: string, input: { text: string; mapping: CsvMapping }) {
  await requireEditable(viewer, deckId);
  const cards = checkedCsvCards(input);
  return db.$transaction(
    async (tx) => {
      const taken = new Set((await tx.card.findMany({ where: { deckId }, select: { slug: true } })).map((c) => c.slug));
      const freeSlug = slugFinder((slug) => taken.has(slug));
      const renamed = cards.map((card) => {
        const slug = freeSlug(card.slug, card.slug.slice(0, 70));
        taken.add(slug);
        return { ...card, slug };
      });
      const last = await tx.card.aggregate({ where: { deckId }, _max: { position: true } });
      await writeCardsInBatches(tx, deckId, (last._max.position ?? -1) + 1, renamed);
      await tx.deck.update({ where: { id: deckId }, data: { updatedAt: new Date() } });
      return { added: cards.length };
    },
    { timeout: CSV_TRANSACTION_MS },
  );
}

/** A deck the viewer can see, as CSV (the importer maps its columns back by itself). */
export async function exportDeckCsv(viewer: Viewer | null, deckKeyOrId: string): Promise<{ filename: string; csv: string }> {
  const { filename, deck } = await exportableDeck(viewer, deckKeyOrId);
  return { filename: filename.replace(/\.md$/, ".csv"), csv: cardsToCsv(deck.cards) };
}

/** The learner's own review history as CSV, in the FSRS optimizer's column layout. */
export async function exportHistoryCsv(viewer: Viewer): Promise<string> {
  const rows = await db.reviewLog.findMany({
    where: { userId: viewer.id },
    orderBy: [{ reviewedAt: "asc" }, { reps: "asc" }],
    select: { cardId: true, reviewedAt: true, rating: true, state: true, durationMs: true },
  });
  return historyToCsv(rows);
}

/**
 * Everything Drill keeps about a learner, for them to take elsewhere. Never includes the password
 * hash. Questions are as the learner saw them when rating (what an editor wrote since, on a deck
 * they may no longer open, isn't theirs to take).
 */
export async function exportUserData(viewer: Viewer, now = new Date()) {
  const [user, settings, studies, states, logs, ownAnswers] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { email: true, name: true, createdAt: true } }),
    db.studySettings.findUnique({ where: { userId: viewer.id }, omit: { userId: true } }),
    db.deckStudy.findMany({
      where: { userId: viewer.id },
      select: { addedAt: true, deck: { select: { id: true, slug: true, title: true } } },
    }),
    db.cardState.findMany({
      where: { userId: viewer.id },
      omit: { userId: true },
      include: { card: { select: { slug: true, deck: { select: { id: true, slug: true } } } } },
    }),
    db.reviewLog.findMany({
      where: { userId: viewer.id },
      orderBy: { reviewedAt: "asc" },
      omit: { userId: true },
      include: { card: { select: { slug: true, deck: { select: { id: true, slug: true } } } } },
    }),
    exportOwnAnswers(viewer),
  ]);
  // Today's wording only for cards the learner may still open, for ratings from before questions were kept.
  const cardIds = [...new Set([...states.map((s) => s.cardId), ...logs.map((l) => l.cardId)])];
  const open = await db.card.findMany({ where: { id: { in: cardIds }, deck: browsableDecks(viewer) }, select: { id: true, front: true } });
  const openFront = new Map(open.map((c) => [c.id, c.front]));
  const lastQuestion = new Map<string, string>();
  for (const log of logs) if (log.question) lastQuestion.set(log.cardId, log.question);
  return {
    format: "drill-export",
    version: 2,
    exportedAt: now.toISOString(),
    account: user,
    settings,
    studying: studies.map((s) => ({ deck: s.deck, addedAt: s.addedAt })),
    cardStates: states.map((s) => ({ ...s, question: lastQuestion.get(s.cardId) ?? openFront.get(s.cardId) ?? null })),
    reviews: logs.map((l) => ({ ...l, question: l.question ?? openFront.get(l.cardId) ?? null })),
    // the learner's own answers to cards, each with its earlier wordings: their writing, like their ratings
    ownAnswers,
  };
}
