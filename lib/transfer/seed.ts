// Seeding: makes the database's copy of a deck match a parsed deck file, keyed by slugs.
// Idempotent (a second run writes nothing) and retires cards that left the file instead of deleting
// them with their history. The one time it touches CardState and ReviewLog is a merge ("replaces:" on
// a card): a learner's progress on the merged-away card moves to the card that replaces it.
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
  /** Learners whose progress on a merged-away card moved to the card that replaces it. */
  carried: number;
  /**
   * Learners who had progress on both cards of a merge: they keep the surviving card's, and the
   * merged-away card's history stays with it (retired, in their history and exports).
   */
  keptApart: number;
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** What the seed compares of a card already in the database. */
const seededColumns = {
  id: true,
  slug: true,
  front: true,
  lead: true,
  keyPoints: true,
  back: true,
  position: true,
  retiredAt: true,
  ownAnswer: true,
  tags: { select: { tag: true } },
} as const;

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

    const current = await tx.card.findMany({ where: { deckId: row.id }, select: seededColumns });
    const bySlug = new Map(current.map((c) => [c.slug, c]));
    const report: SyncReport = { deck: deckSlug, created: 0, updated: 0, retired: 0, unchanged: 0, carried: 0, keptApart: 0 };
    const merges: { into: string; from: string[] }[] = [];

    for (const [position, card] of deck.cards.entries()) {
      const found = bySlug.get(card.slug);
      bySlug.delete(card.slug);
      const from = mergedAway(card.replaces, bySlug);
      if (!found) {
        const created = await tx.card.create({ data: newCardData(row.id, position, card), select: { id: true } });
        if (from.length) merges.push({ into: created.id, from });
        report.created++;
        continue;
      }
      if (from.length) merges.push({ into: found.id, from });
      const tags = tagNames(found.tags);
      const keyPoints = joinKeyPoints(card.keyPoints);
      const contentChanged =
        found.front !== card.front ||
        found.lead !== card.lead ||
        found.keyPoints !== keyPoints ||
        found.back !== card.back ||
        found.position !== position ||
        found.ownAnswer !== (card.ownAnswer ?? false) ||
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
          ownAnswer: card.ownAnswer ?? false,
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
    for (const { into, from } of merges) {
      for (const fromId of from) {
        const moved = await carryProgress(tx, fromId, into);
        report.carried += moved.carried;
        report.keptApart += moved.keptApart;
      }
    }
    return report;
  });
}

/** The ids of the cards a card replaces that are still live: this run retires them, so their progress moves now, once. */
function mergedAway(replaces: string[] | undefined, bySlug: Map<string, { id: string; retiredAt: Date | null }>): string[] {
  return (replaces ?? []).flatMap((slug) => {
    const old = bySlug.get(slug);
    return old && old.retiredAt === null ? [old.id] : [];
  });
}

/**
 * Moves learners' schedule and review history from a merged-away card to the card replacing it, for
 * each learner who has no progress on that card yet (their memory of the question is the same). A
 * learner with progress on both keeps the survivor's; the other card's history stays on it, retired.
 * Running it again finds nothing left to move.
 */
async function carryProgress(
  tx: Pick<typeof db, "cardState" | "reviewLog">,
  fromId: string,
  intoId: string,
): Promise<{ carried: number; keptApart: number }> {
  const learners = (await tx.cardState.findMany({ where: { cardId: fromId }, select: { userId: true } })).map((s) => s.userId);
  if (learners.length === 0) return { carried: 0, keptApart: 0 };
  const both = new Set(
    (await tx.cardState.findMany({ where: { cardId: intoId, userId: { in: learners } }, select: { userId: true } })).map((s) => s.userId),
  );
  const movable = learners.filter((userId) => !both.has(userId));
  if (movable.length) {
    await tx.reviewLog.updateMany({ where: { cardId: fromId, userId: { in: movable } }, data: { cardId: intoId } });
    await tx.cardState.updateMany({ where: { cardId: fromId, userId: { in: movable } }, data: { cardId: intoId } });
  }
  return { carried: movable.length, keptApart: both.size };
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
