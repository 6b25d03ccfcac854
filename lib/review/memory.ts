// A learner's memory of a card as stored (CardState and the "before" columns of ReviewLog), and the
// conversion to the scheduler's MemoryState; and its columns as the raw SQL paths read and write them.
import * as Prisma from "../server/sql";
import type { MemoryState, StateValue } from "../scheduling/fsrs";

export const memorySelect = {
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

export type MemoryRow = { [K in keyof typeof memorySelect]: K extends "state" ? number : MemoryState[K] };

/** Only the memory fields: rows also carry other columns (version, cardId) that must not reach a ReviewLog. */
export function memoryOf(row: MemoryRow): MemoryState {
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview } = row;
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state: state as StateValue, lastReview };
}

/** The memory fields, in one order, for raw SQL (lib/review/rating/store.ts, session-sql.ts). */
const MEMORY_FIELDS = Object.keys(memorySelect) as (keyof typeof memorySelect)[];

/** The memory columns of the CardState aliased `alias`, for a SELECT list. */
export function memoryColumns(alias: string): Prisma.Sql {
  return Prisma.raw(MEMORY_FIELDS.map((field) => `${alias}."${field}"`).join(", "));
}

/** `"due" = ?, "stability" = ?, ...` for an UPDATE to this memory. */
export function memoryAssignments(memory: MemoryState): Prisma.Sql {
  return Prisma.join(MEMORY_FIELDS.map((field) => Prisma.sql`${Prisma.raw(`"${field}"`)} = ${memory[field]}`));
}

/** The memory column names and, for an INSERT, the values in the same order. */
export function memoryInsert(memory: MemoryState): { columns: Prisma.Sql; values: Prisma.Sql } {
  return {
    columns: Prisma.raw(MEMORY_FIELDS.map((field) => `"${field}"`).join(", ")),
    values: Prisma.join(MEMORY_FIELDS.map((field) => memory[field])),
  };
}
