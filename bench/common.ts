// Shared helpers for the benchmarks in bench/: scratch SQLite files under var/bench/, bulk seeding
// with better-sqlite3 (in the exact formats the Prisma adapter writes), timing and percentiles.
// Nothing here imports lib/db: each benchmark sets DATABASE_URL first, then imports lib modules.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const BENCH_DIR = path.join(ROOT, "var", "bench");

/** A fresh, migrated SQLite file var/bench/<name>.db (any previous one is deleted). */
export async function freshDatabase(name: string): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const { applyMigrations } = await import("../scripts/migrations/commands");
  await applyMigrations({ provider: "sqlite", url: file }, ROOT);
  return file;
}

/** Opens a benchmark database for bulk seeding (WAL is already set by the migration step). */
export function openSqlite(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

/** DateTime as @prisma/adapter-better-sqlite3 stores it (iso8601 text), so text comparisons match. */
export function sqlDate(date: Date | null): string | null {
  return date ? date.toISOString().replace("Z", "+00:00") : null;
}

let idCounter = 0;
/** A unique, cuid-like id (25 characters, starts with "c"); sorted roughly by creation like cuids. */
export function newId(): string {
  idCounter++;
  return `c${Date.now().toString(36)}${idCounter.toString(36).padStart(6, "0")}${randomBytes(5).toString("hex")}`.slice(0, 25);
}

/** Inserts rows in one transaction through a single prepared statement. */
export function insertRows(sqlite: Database.Database, table: string, columns: string[], rows: Iterable<unknown[]>): number {
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
  const statement = sqlite.prepare(sql);
  let count = 0;
  sqlite.transaction(() => {
    for (const row of rows) {
      statement.run(row);
      count++;
    }
  })();
  return count;
}

/** A seeded pseudo-random generator (mulberry32), so every run seeds the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- the rows Drill's tables hold ----------

export const USER_COLUMNS = ["id", "email", "name", "passwordHash", "createdAt", "updatedAt"];
export const DECK_COLUMNS = ["id", "slug", "ownerId", "title", "visibility", "createdAt", "updatedAt"];
export const CARD_COLUMNS = ["id", "deckId", "slug", "front", "back", "position", "createdAt", "updatedAt"];
export const STUDY_COLUMNS = ["userId", "deckId", "addedAt"];
export const STATE_COLUMNS = [
  "userId",
  "cardId",
  "deckId",
  "due",
  "stability",
  "difficulty",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "state",
  "lastReview",
  "version",
  "buriedUntil",
  "suspended",
  "createdAt",
  "updatedAt",
];
export const LOG_COLUMNS = [
  "id",
  "userId",
  "cardId",
  "clientId",
  "rating",
  "reviewedAt",
  "durationMs",
  "nextDue",
  "state",
  "due",
  "stability",
  "difficulty",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "lastReview",
];

/** A deck of `count` cards with realistic-sized text; returns the card ids in position order. */
export function seedDeck(
  sqlite: Database.Database,
  deck: { id: string; title: string; visibility?: string; ownerId?: string | null },
  count: number,
  now: Date,
): string[] {
  const at = sqlDate(now);
  insertRows(sqlite, "Deck", DECK_COLUMNS, [[deck.id, null, deck.ownerId ?? null, deck.title, deck.visibility ?? "public", at, at]]);
  const ids = Array.from({ length: count }, () => newId());
  const filler = "Explain the trade-offs, with an example and the complexity of each approach. ".repeat(3);
  insertRows(
    sqlite,
    "Card",
    CARD_COLUMNS,
    ids.map((id, i) => [id, deck.id, `card-${i}`, `Question ${i} of ${deck.title}?`, `Answer ${i}. ${filler}`, i, at, at]),
  );
  return ids;
}

// ---------- measuring ----------

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, mean, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN };
}

export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

export function formatSummary(s: Summary): string {
  return `n=${s.n}  mean ${ms(s.mean)}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`;
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function verdict(ok: boolean): string {
  return ok ? "PASS" : "MISS";
}

/** Writes a benchmark's result to bench/out/<name>.json (git-ignored) for run-all's summary. */
export async function saveResult(name: string, result: unknown): Promise<void> {
  const { mkdirSync: mkdir, writeFileSync } = await import("node:fs");
  const dir = path.join(ROOT, "bench", "out");
  mkdir(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

// ---------- the SQL Prisma sends, and SQLite's plan for it ----------

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  durationMs: number;
}

export interface QueryCapture {
  /** Runs `fn` and returns the SQL statements the lib code sent meanwhile. */
  capture<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }>;
}

/**
 * Puts a Prisma client with query events where lib/server/db.ts picks up its client (globalThis.drillDb),
 * so the lib code runs unchanged and we see its SQL. Call before anything imports lib/db. Outside
 * capture() the event handler only returns, so timings are not affected. The adapter is wrapped the
 * way the app wraps it (transactions serialized); `serialized: false` measures it bare, for comparison.
 */
export async function installQueryCapture(file: string, { serialized = true } = {}): Promise<QueryCapture> {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const { PrismaClient } = await import("../lib/generated/sqlite/client");
  const { serializeTransactions } = await import("../lib/server/serialized-sqlite");
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const client = new PrismaClient({
    adapter: serialized ? serializeTransactions(adapter) : adapter,
    log: [{ emit: "event", level: "query" }],
  });
  let sink: CapturedQuery[] | null = null;
  client.$on("query", (e) => {
    sink?.push({ sql: e.query, params: JSON.parse(e.params) as unknown[], durationMs: e.duration });
  });
  (globalThis as { drillDb?: unknown }).drillDb = client;
  return {
    async capture(fn) {
      const queries: CapturedQuery[] = [];
      sink = queries;
      try {
        return { result: await fn(), queries };
      } finally {
        sink = null;
      }
    },
  };
}

/** A captured statement's parameters as the adapter binds them (booleans as 0/1, dates as +00:00 text). */
function bindable(query: CapturedQuery): unknown[] {
  return query.params.map((p) => {
    if (typeof p === "boolean") return p ? 1 : 0;
    if (typeof p === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(p)) return p.replace("Z", "+00:00");
    return p;
  });
}

/** EXPLAIN QUERY PLAN for a captured statement, as indented lines. */
export function explain(sqlite: Database.Database, query: CapturedQuery): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...bindable(query)) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${"  ".repeat(d)}${r.detail}`;
  });
}

/** The statement's own cost in SQLite, without Prisma (median of `runs` executions, ms), and its row count. */
export function timeStatement(sqlite: Database.Database, query: CapturedQuery, runs = 7): { ms: number; rows: number } {
  const statement = sqlite.prepare(query.sql);
  const params = bindable(query);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    rows = statement.reader ? statement.all(...params).length : statement.run(...params).changes;
    samples.push(elapsedMs(start));
  }
  return { ms: summarize(samples).p50, rows };
}

/** A statement shortened for printing: no schema prefix or backticks, long column lists elided. */
export function shortSql(sql: string): string {
  return sql
    .replace(/`main`\./g, "")
    .replace(/`/g, "")
    .replace(/^SELECT (.{60}).*? FROM /, "SELECT $1… FROM ")
    .replace(/RETURNING .*$/, "RETURNING …");
}

/** A plan line that reads a whole table (or a whole index) instead of seeking into it. */
export function isScan(line: string): boolean {
  return /\bSCAN\b/.test(line) && !/SCAN CONSTANT ROW/.test(line);
}
