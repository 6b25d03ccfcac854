// The rating's reads and its one write, by hand: the only SQL of lib/review/rating/. Through the query
// API (a second query for the card's state, an interactive transaction, each query compiled and its
// result interpreted) a rating cost 3.5 ms of CPU in bench/rating.ts; in raw SQL through the same
// client, 1.1 ms. Prisma stays the data layer, and the guarantees stay: access checked by the
// permission table, the write conditional on the version the learner saw, duplicates caught by the
// log's unique (userId, clientId).
//
// The read is the same SQL on both engines. The write differs: PostgreSQL makes each rating one
// statement (a data-modifying WITH: the state's update or insert, and the log row only if it changed a
// row), SQLite, which has no data-modifying WITH, two statements whose log insert checks changes()
// (the rows the update just changed, on this one connection), in one transaction.
import "server-only";
import { can, roleOf, studiedDecks, type Viewer } from "../../decks/access";
import * as Prisma from "../../server/sql";
import { db, dbEngine } from "../../server/db";
import { isUniqueViolation } from "../../server/errors";
import { memoryAssignments, memoryColumns, memoryInsert, memoryOf, type MemoryRow } from "../memory";
import { reviewLogColumnList, reviewLogValues } from "../review-log";
import { studyAnswer } from "../../answers/core";
import { joinKeyPoints, splitKeyPoints } from "../../decks/schema";
import type { LoggedRating, RatedCard, RatingWrite, StoredState, UndoRead, UndoWrite } from "./decide";

// ---------- the reads ----------

type StateColumns = { version: number | null } & { [K in keyof MemoryRow]: MemoryRow[K] | null };

type RatedCardRow = Omit<RatedCard, "state"> & {
  ownAnswer: boolean | number;
  /** The learner's own key points, when they wrote an answer (null: none). */
  ownPoints: string | null;
  retiredAt: Date | null;
  ownerId: string | null;
  visibility: string;
  deletedAt: Date | null;
  memberRole: string | null;
  studiedBy: string | null;
} & StateColumns;

/**
 * The cards among `cardIds` the viewer may rate (live cards of decks they study and may still
 * study, as lib/decks/access.ts decides), with their state: one query whatever the count.
 */
export async function ratedCards(viewer: Viewer, cardIds: readonly string[]): Promise<RatedCard[]> {
  if (cardIds.length === 0) return [];
  const rows = await db.$queryRaw<RatedCardRow[]>`
    SELECT c."id", c."deckId", c."front", c."keyPoints", c."ownAnswer", o."keyPoints" AS "ownPoints", c."retiredAt",
      d."ownerId", d."visibility", d."deletedAt", m."role" AS "memberRole", ds."userId" AS "studiedBy",
      s."version", ${memoryColumns("s")}
    FROM "Card" c
    JOIN "Deck" d ON d."id" = c."deckId"
    LEFT JOIN "DeckMember" m ON m."deckId" = c."deckId" AND m."userId" = ${viewer.id}
    LEFT JOIN "DeckStudy" ds ON ds."userId" = ${viewer.id} AND ds."deckId" = c."deckId"
    LEFT JOIN "CardState" s ON s."userId" = ${viewer.id} AND s."cardId" = c."id"
    LEFT JOIN "OwnAnswer" o ON o."userId" = ${viewer.id} AND o."cardId" = c."id"
    WHERE c."id" IN (${Prisma.join(cardIds)})`;
  return rows.filter((row) => mayRate(viewer, row)).map(ratedCard);
}

/** The same rule as `studiedDecks` and `liveCard`, applied to a row: live, studied, and `study` allowed. */
function mayRate(viewer: Viewer, row: RatedCardRow): boolean {
  if (row.retiredAt !== null || row.deletedAt !== null || row.studiedBy === null) return false;
  return can(roleOf(row, viewer, row.memberRole === null ? null : { role: row.memberRole }), "study");
}

/**
 * The card as rated. Its key points are those the study screen showed for ticking: the learner's own
 * when they wrote an answer (the STAR parts on an own-words card), so the log's pointsShown and
 * pointsMissed say what they really ticked.
 */
function ratedCard(row: RatedCardRow): RatedCard {
  const { id, deckId, front } = row;
  const card = { keyPoints: splitKeyPoints(row.keyPoints), ownAnswer: Boolean(row.ownAnswer) };
  const shown = studyAnswer(card, row.ownPoints === null ? null : { body: "", keyPoints: row.ownPoints });
  return { id, deckId, front, keyPoints: joinKeyPoints(shown.keyPoints), state: storedState(row) };
}

function storedState(row: StateColumns): StoredState | null {
  return row.version === null ? null : { version: row.version, memory: memoryOf(row as MemoryRow) };
}

/**
 * Which of these client ids the learner's log holds already, with each one's card and its state now
 * (whether or not the learner may still reach the card). Read only when a rating isn't a plain write.
 */
export async function loggedRatings(userId: string, clientIds: readonly string[]): Promise<Map<string, LoggedRating>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db.$queryRaw<({ clientId: string; cardId: string } & StateColumns)[]>`
    SELECT l."clientId", l."cardId", s."version", ${memoryColumns("s")}
    FROM "ReviewLog" l
    LEFT JOIN "CardState" s ON s."userId" = l."userId" AND s."cardId" = l."cardId"
    WHERE l."userId" = ${userId} AND l."clientId" IN (${Prisma.join(clientIds)})`;
  return new Map(rows.map((row) => [row.clientId, { cardId: row.cardId, state: storedState(row) }]));
}

// ---------- the write ----------

function stateUpdate(w: RatingWrite): Prisma.Sql {
  return Prisma.sql`UPDATE "CardState" SET ${memoryAssignments(w.after)}, "version" = ${w.version + 1}, "buriedUntil" = NULL,
    "updatedAt" = ${w.now} WHERE "userId" = ${w.userId} AND "cardId" = ${w.card.id} AND "version" = ${w.version}`;
}

function stateInsert(w: RatingWrite): Prisma.Sql {
  const memory = memoryInsert(w.after);
  return Prisma.sql`INSERT INTO "CardState" ("userId", "cardId", "deckId", ${memory.columns}, "version", "createdAt", "updatedAt")
    VALUES (${w.userId}, ${w.card.id}, ${w.card.deckId}, ${memory.values}, ${w.version + 1}, ${w.now}, ${w.now})`;
}

/** The statements of one rating's write: on PostgreSQL one, on SQLite two (see the top of this file). */
function ratingStatements(w: RatingWrite): Prisma.Sql[] {
  const state = w.existed ? stateUpdate(w) : stateInsert(w);
  if (dbEngine === "postgresql")
    return [
      Prisma.sql`WITH moved AS (${state} RETURNING 1)
        INSERT INTO "ReviewLog" (${reviewLogColumnList}) SELECT ${reviewLogValues(w.log, dbEngine)} FROM moved`,
    ];
  return [
    state,
    Prisma.sql`INSERT INTO "ReviewLog" (${reviewLogColumnList}) SELECT ${reviewLogValues(w.log, dbEngine)} WHERE changes() = 1`,
  ];
}

/** Thrown inside a batch's transaction when a write finds the state moved: rolls the whole batch back. */
class StateMoved extends Error {}

/**
 * Writes the decided ratings, all or none: each state only if still at the version read, with its log
 * row. False when one found its state moved on, or met a unique violation (its client id logged
 * already, or a state created meanwhile): then nothing was written. A rollback undoes only its own
 * writes, on SQLite too (tests/integration/transactions.test.ts).
 */
export async function writeRatings(writes: readonly RatingWrite[]): Promise<boolean> {
  try {
    if (writes.length === 0) return true;
    // One rating (the usual request) without an interactive transaction: one statement on PostgreSQL.
    if (writes.length === 1) return await writeRating(writes[0]!);
    await db.$transaction(async (tx) => {
      for (const w of writes) if (!(await writeRatingIn(tx, w))) throw new StateMoved();
    });
    return true;
  } catch (error) {
    if (error instanceof StateMoved || isUniqueViolation(error)) return false;
    throw error;
  }
}

async function writeRating(w: RatingWrite): Promise<boolean> {
  const statements = ratingStatements(w);
  if (statements.length === 1) return (await db.$executeRaw(statements[0]!)) === 1;
  const counts = await db.$transaction(statements.map((sql) => db.$executeRaw(sql)));
  return counts.at(-1) === 1;
}

/** One rating's write inside the caller's transaction: false leaves undoing to the caller's rollback. */
async function writeRatingIn(tx: Pick<typeof db, "$executeRaw">, w: RatingWrite): Promise<boolean> {
  for (const sql of ratingStatements(w)) if ((await tx.$executeRaw(sql)) !== 1) return false;
  return true;
}

// ---------- undo ----------

/** What undoing the learner's rating `clientId` is decided on; null when their log has no such rating. */
export async function readUndo(viewer: Viewer, clientId: string): Promise<UndoRead | null> {
  const userId = viewer.id;
  const log = await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } } });
  if (!log) return null;
  const [studied, latest, state] = await Promise.all([
    db.card.count({ where: { id: log.cardId, deck: studiedDecks(viewer) } }),
    // Every rating adds one to reps, so it breaks ties between ratings stamped with the same time
    // (an offline rating is dated no earlier than the card's last review).
    db.reviewLog.findFirst({
      where: { userId, cardId: log.cardId },
      orderBy: [{ reviewedAt: "desc" }, { reps: "desc" }],
      select: { id: true },
    }),
    db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: log.cardId } }, select: { version: true } }),
  ]);
  return { log, studied: studied > 0, latestLogId: latest?.id ?? null, version: state?.version ?? null };
}

/** Restores the state and removes the log row, both or neither. False when the state moved meanwhile. */
export async function writeUndo(userId: string, undo: UndoWrite): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.cardState.updateMany({
      where: { userId, cardId: undo.cardId, version: undo.version },
      data: { ...undo.before, version: undo.version + 1 },
    });
    if (count !== 1) return false; // changed meanwhile (another tab): nothing written
    await tx.reviewLog.delete({ where: { id: undo.logId } });
    return true;
  });
}
