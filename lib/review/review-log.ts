// ReviewLog's columns as raw SQL inserts them: one list for the rating path (lib/review/rating/store.ts)
// and the Anki import, so a column added to the log is added to every insert at once.
import * as Prisma from "../server/sql";

/** A ReviewLog row as raw SQL writes it: the rating, what it was made on, and the card's state before it. */
export interface ReviewLogRow {
  id: string;
  userId: string;
  cardId: string;
  clientId: string;
  rating: number;
  reviewedAt: Date;
  durationMs: number;
  nextDue: Date;
  question: string | null;
  pointsShown: string | null;
  pointsMissed: string | null;
  /** The grade suggested from the checklist (absent: none, as for an imported review). */
  suggestedRating?: number | null;
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

/**
 * ReviewLog's columns with their PostgreSQL types. PostgreSQL types a parameter from where it goes;
 * in the SELECT list that feeds the rating path's log insert it has nowhere to go, so each is cast.
 * SQLite needs no casts.
 */
const REVIEW_LOG_COLUMNS = {
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
  suggestedRating: "integer",
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
} as const satisfies Record<keyof ReviewLogRow, string>;

type ReviewLogColumn = keyof typeof REVIEW_LOG_COLUMNS;
const NAMES = Object.keys(REVIEW_LOG_COLUMNS) as ReviewLogColumn[];

/** `"id", "userId", ...`: the column list of an INSERT INTO "ReviewLog", in the order of reviewLogValues. */
export const reviewLogColumnList: Prisma.Sql = Prisma.raw(NAMES.map((name) => `"${name}"`).join(", "));

/** One row's values in the column list's order, each cast on PostgreSQL (see REVIEW_LOG_COLUMNS). */
export function reviewLogValues(row: ReviewLogRow, engine: "sqlite" | "postgresql"): Prisma.Sql {
  const value = (name: ReviewLogColumn) =>
    engine === "postgresql" ? Prisma.sql`${row[name] ?? null}::${Prisma.raw(REVIEW_LOG_COLUMNS[name])}` : Prisma.sql`${row[name] ?? null}`;
  return Prisma.join(NAMES.map(value));
}
