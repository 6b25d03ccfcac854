// The rating path's SQL: one read and one write per rating, by hand. Through the query API (a second
// query for the card's state, an interactive transaction, each query compiled and its result
// interpreted) a rating cost 3.5 ms of CPU in bench/rating.ts; in raw SQL through the same client,
// 1.1 ms. Prisma stays the data layer, and the guarantees stay: access checked by the permission
// table, the write conditional on the version the learner saw, duplicates caught by the log's
// unique (userId, clientId).
//
// The read is the same SQL on both engines. The write differs: PostgreSQL makes it one statement
// (a data-modifying WITH: the state's update or insert, and the log row only if it changed a row),
// SQLite, which has no data-modifying WITH, a two-statement transaction whose log insert checks
// changes() (the rows the update just changed, on this one connection).
import "server-only";
import { can, roleOf, type Viewer } from "../decks/access";
import * as Prisma from "../server/sql";
import type { MemoryState } from "../scheduling/fsrs";
import { db, dbEngine } from "../server/db";
import { memoryAssignments, memoryColumns, memoryInsert, memoryOf, type MemoryRow } from "./memory";

/** A card as a rating needs it: what its log row keeps, and the learner's state of it. */
export interface RatedCard {
  id: string;
  deckId: string;
  front: string;
  keyPoints: string;
  /** The learner's state of the card and its version; null for a card they never studied. */
  state: { version: number; memory: MemoryState } | null;
}

type RatedCardRow = Omit<RatedCard, "state"> & {
  retiredAt: Date | null;
  ownerId: string | null;
  visibility: string;
  deletedAt: Date | null;
  memberRole: string | null;
  studiedBy: string | null;
  version: number | null;
} & { [K in keyof MemoryRow]: MemoryRow[K] | null };

/**
 * The cards among `cardIds` the viewer may rate (live cards of decks they study and may still
 * study, as lib/decks/access.ts decides), with their state: one query whatever the count.
 */
export async function ratedCards(viewer: Viewer, cardIds: readonly string[]): Promise<RatedCard[]> {
  if (cardIds.length === 0) return [];
  const rows = await db.$queryRaw<RatedCardRow[]>`
    SELECT c."id", c."deckId", c."front", c."keyPoints", c."retiredAt",
      d."ownerId", d."visibility", d."deletedAt", m."role" AS "memberRole", ds."userId" AS "studiedBy",
      s."version", ${memoryColumns("s")}
    FROM "Card" c
    JOIN "Deck" d ON d."id" = c."deckId"
    LEFT JOIN "DeckMember" m ON m."deckId" = c."deckId" AND m."userId" = ${viewer.id}
    LEFT JOIN "DeckStudy" ds ON ds."userId" = ${viewer.id} AND ds."deckId" = c."deckId"
    LEFT JOIN "CardState" s ON s."userId" = ${viewer.id} AND s."cardId" = c."id"
    WHERE c."id" IN (${Prisma.join(cardIds)})`;
  return rows.filter((row) => mayRate(viewer, row)).map(ratedCard);
}

/** The same rule as `studiedDecks` and `liveCard`, applied to a row: live, studied, and `study` allowed. */
function mayRate(viewer: Viewer, row: RatedCardRow): boolean {
  if (row.retiredAt !== null || row.deletedAt !== null || row.studiedBy === null) return false;
  return can(roleOf(row, viewer, row.memberRole === null ? null : { role: row.memberRole }), "study");
}

function ratedCard(row: RatedCardRow): RatedCard {
  const { id, deckId, front, keyPoints, version } = row;
  const state = version === null ? null : { version, memory: memoryOf(row as MemoryRow) };
  return { id, deckId, front, keyPoints, state };
}

// ---------- the write ----------

/** A ReviewLog row as the rating path writes it (see logRow in ./ratings). */
export interface LogRow {
  id: string;
  userId: string;
  cardId: string;
  clientId: string;
  rating: number;
  reviewedAt: Date;
  durationMs: number;
  nextDue: Date;
  question: string;
  pointsShown: string | null;
  pointsMissed: string | null;
  parameterSetId: string | null;
  scheduler: string;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

/** One rating's write: the state after it, against the version read, and its log row. */
export interface RatingWrite {
  userId: string;
  card: { id: string; deckId: string };
  /** The version read; with `existed` false, the card had no state (a first rating). */
  version: number;
  existed: boolean;
  after: MemoryState;
  log: LogRow;
  now: Date;
}

/**
 * ReviewLog's columns with their PostgreSQL types. PostgreSQL types a parameter from where it goes;
 * in the SELECT list that feeds the log insert it has nowhere to go, so each is cast. SQLite needs no casts.
 */
const LOG_COLUMNS = {
  id: "text",
  userId: "text",
  cardId: "text",
  clientId: "text",
  rating: "integer",
  reviewedAt: "timestamp(3)",
  durationMs: "integer",
  nextDue: "timestamp(3)",
  question: "text",
  pointsShown: "text",
  pointsMissed: "text",
  parameterSetId: "text",
  scheduler: "text",
  state: "integer",
  due: "timestamp(3)",
  stability: "double precision",
  difficulty: "double precision",
  scheduledDays: "integer",
  learningSteps: "integer",
  reps: "integer",
  lapses: "integer",
  lastReview: "timestamp(3)",
} as const satisfies Record<keyof LogRow, string>;

const LOG_NAMES = Object.keys(LOG_COLUMNS) as (keyof typeof LOG_COLUMNS)[];
const LOG_COLUMN_LIST = Prisma.raw(LOG_NAMES.map((name) => `"${name}"`).join(", "));

function logValues(log: LogRow, engine: "sqlite" | "postgresql"): Prisma.Sql {
  const cast = (name: keyof typeof LOG_COLUMNS) =>
    engine === "postgresql" ? Prisma.sql`${log[name]}::${Prisma.raw(LOG_COLUMNS[name])}` : Prisma.sql`${log[name]}`;
  return Prisma.join(LOG_NAMES.map(cast));
}

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
        INSERT INTO "ReviewLog" (${LOG_COLUMN_LIST}) SELECT ${logValues(w.log, dbEngine)} FROM moved`,
    ];
  return [state, Prisma.sql`INSERT INTO "ReviewLog" (${LOG_COLUMN_LIST}) SELECT ${logValues(w.log, dbEngine)} WHERE changes() = 1`];
}

/**
 * Writes one rating: the learner's state (only if still at the version read) and its log row, both
 * or neither. False when the state had moved on: nothing written. A log row with the same client
 * id, or a state created meanwhile, fails with a unique violation and writes nothing.
 */
export async function writeRating(w: RatingWrite): Promise<boolean> {
  const statements = ratingStatements(w);
  if (statements.length === 1) return (await db.$executeRaw(statements[0]!)) === 1;
  const counts = await db.$transaction(statements.map((sql) => db.$executeRaw(sql)));
  return counts.at(-1) === 1;
}

/** writeRating inside the caller's transaction (a batch): false leaves undoing to the caller's rollback. */
export async function writeRatingIn(tx: Pick<typeof db, "$executeRaw">, w: RatingWrite): Promise<boolean> {
  for (const sql of ratingStatements(w)) if ((await tx.$executeRaw(sql)) !== 1) return false;
  return true;
}
