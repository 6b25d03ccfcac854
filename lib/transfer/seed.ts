// Seeding: makes the database's copy of a deck match a parsed deck file, keyed by slugs.
// Idempotent (a second run writes nothing), never touches CardState or ReviewLog, and retires cards
// that left the file instead of deleting them with their history.
import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { rewindNewCursors } from "../decks/new-cards";
import { db } from "../server/db";
import { parseDeckMarkdown, type ImportedDeck } from "./deck-markdown";
import { newCardData, tagNames, withTags } from "../decks/card-rows";
import { joinKeyPoints } from "../decks/schema";

export interface SyncReport {
  deck: string;
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Creates or updates the seeded deck with this slug (seeded decks belong to no user). */
export async function syncSeedDeck(deck: ImportedDeck, now = new Date()): Promise<SyncReport> {
  if (!deck.slug) throw new Error(`Deck "${deck.title}" needs a "slug:" line to be seeded.`);
  const deckSlug = deck.slug;
  return db.$transaction(async (tx) => {
    const meta = { title: deck.title, description: deck.description, source: deck.source, visibility: deck.visibility };
    const existing = await tx.deck.findUnique({ where: { slug: deckSlug } });
    const row = existing ?? (await tx.deck.create({ data: { slug: deckSlug, ...meta } }));
    if (existing && Object.entries(meta).some(([k, v]) => existing[k as keyof typeof meta] !== v)) {
      await tx.deck.update({ where: { id: existing.id }, data: meta });
    }

    const current = await tx.card.findMany({
      where: { deckId: row.id },
      select: {
        id: true,
        slug: true,
        front: true,
        lead: true,
        keyPoints: true,
        back: true,
        position: true,
        retiredAt: true,
        tags: { select: { tag: true } },
      },
    });
    const bySlug = new Map(current.map((c) => [c.slug, c]));
    const report: SyncReport = { deck: deckSlug, created: 0, updated: 0, retired: 0, unchanged: 0 };

    for (const [position, card] of deck.cards.entries()) {
      const found = bySlug.get(card.slug);
      bySlug.delete(card.slug);
      if (!found) {
        await tx.card.create({ data: newCardData(row.id, position, card) });
        report.created++;
        continue;
      }
      const tags = tagNames(found.tags);
      const keyPoints = joinKeyPoints(card.keyPoints);
      const contentChanged =
        found.front !== card.front ||
        found.lead !== card.lead ||
        found.keyPoints !== keyPoints ||
        found.back !== card.back ||
        found.position !== position ||
        found.retiredAt !== null;
      const tagsChanged = !sameTags(tags, card.tags);
      if (!contentChanged && !tagsChanged) {
        report.unchanged++;
        continue;
      }
      await tx.card.update({
        where: { id: found.id },
        data: {
          front: card.front,
          lead: card.lead,
          keyPoints,
          back: card.back,
          position,
          retiredAt: null,
          ...(tagsChanged && { tags: withTags(card.tags, true) }),
        },
      });
      report.updated++;
    }

    // New or moved or returning cards may sit before learners' new-card cursors.
    if (report.created || report.updated) await rewindNewCursors(row.id, 0, tx);

    const gone = [...bySlug.values()].filter((c) => c.retiredAt === null).map((c) => c.id);
    if (gone.length) {
      await tx.card.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
      report.retired = gone.length;
    }
    return report;
  });
}

export class DeckFileError extends Error {
  constructor(file: string, errors: { line: number; message: string }[]) {
    super(`${file} is not a valid deck file; nothing was seeded:\n${errors.map((e) => `  ${file}:${e.line}: ${e.message}`).join("\n")}`);
    this.name = "DeckFileError";
  }
}

/** Reads every data/decks/*.md; all files must parse before anything is written. */
export function readSeedDecks(dir = path.join(process.cwd(), "data", "decks")): ImportedDeck[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  return files.map((file) => {
    const result = parseDeckMarkdown(readFileSync(path.join(dir, file), "utf8"));
    if (!result.ok) throw new DeckFileError(path.join("data", "decks", file), result.errors);
    return result.deck;
  });
}

export async function seedAll(): Promise<SyncReport[]> {
  const decks = readSeedDecks();
  const reports: SyncReport[] = [];
  for (const deck of decks) reports.push(await syncSeedDeck(deck));
  return reports;
}
