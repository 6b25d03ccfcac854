// npm run backup / npm run restore on both engines: a backup taken while ratings are being written is
// consistent, and restoring a backup into a fresh database gives back every row, the review log
// identical to the byte.
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, test } from "vitest";
import { parsePostgresUrl } from "@/lib/server/database-url";
import { recordRating } from "@/lib/review/rating/record";
import { startStudying } from "@/lib/review/studying";
import { makeDeck, makeUser } from "./helpers";

const engine = inject("engine");
const sourceUrl = inject("databaseUrl");
const dir = path.resolve("var/test/backups");
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run <command>`'s script with DATABASE_URL set; its exit code and output. */
function run(args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** A fresh, empty database of the engine under test. */
async function freshDatabase(): Promise<string> {
  if (engine === "sqlite") return `file:${path.join(dir, `restored-${randomUUID().slice(0, 8)}.db`)}`;
  const { connectionString, schema } = parsePostgresUrl(sourceUrl);
  const name = `drill_restore_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(connectionString);
  url.pathname = `/${name}`;
  url.searchParams.set("schema", schema);
  return url.toString();
}

/** Reads rows with plain drivers (not the app's client, which is bound to the test database). */
async function rowsOf(databaseUrl: string, sql: string): Promise<Record<string, unknown>[]> {
  if (databaseUrl.startsWith("file:")) {
    const sqlite = new Database(databaseUrl.slice("file:".length), { readonly: true });
    try {
      return sqlite.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      sqlite.close();
    }
  }
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const TABLES = ["User", "Deck", "Card", "DeckStudy", "CardState", "ReviewLog"];

/** Row counts of the tables that hold users, decks, card states and ratings, and the review log's checksum. */
async function summary(databaseUrl: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await rowsOf(databaseUrl, `SELECT count(*) AS n FROM "${table}"`))[0]!.n);
  const log = await rowsOf(
    databaseUrl,
    `SELECT "id", "userId", "cardId", "clientId", "rating", "reviewedAt" FROM "ReviewLog" ORDER BY "id"`,
  );
  const checksum = createHash("sha256").update(JSON.stringify(log)).digest("hex");
  return { counts, checksum, log };
}

describe("backup and restore", () => {
  test("a backup taken while rating restores into a fresh database with every row and the same review log", async () => {
    mkdirSync(dir, { recursive: true });
    const user = await makeUser("backup");
    const deck = await makeDeck(user.id, { cards: 6 });
    await startStudying(user, deck.id);
    const { db } = await import("@/lib/server/db");
    const cards = await db.card.findMany({ where: { deckId: deck.id }, select: { id: true } });
    const versions = new Map(cards.map((c) => [c.id, 0]));
    let rating = true;
    let saved = 0;
    const rater = (async () => {
      for (let n = 0; rating || n < 12; n++) {
        const cardId = cards[n % cards.length]!.id;
        const result = await recordRating(user, {
          clientId: randomUUID(),
          cardId,
          rating: 3,
          expectedVersion: versions.get(cardId)!,
          durationMs: 2000,
        });
        versions.set(cardId, result.card.version);
        saved++;
        // Let the event loop run: SQLite's driver answers synchronously, so this loop would starve it.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    const duringLoad = path.join(dir, `during.${engine === "sqlite" ? "db" : "dump"}`);
    const taken = await run(["backup", duringLoad], sourceUrl).finally(() => (rating = false));
    await rater;
    expect(taken.code, taken.output).toBe(0);
    expect(taken.output).toMatch(/^backed up .* to .*during/m);
    expect(saved).toBeGreaterThan(12);

    // Consistent: every restored rating is in the source exactly as it is there, and each restored
    // card state's version counts the ratings restored for it (no half-written rating).
    const target = await freshDatabase();
    const restored = await run(["restore", duringLoad, "--yes"], target);
    expect(restored.code, restored.output).toBe(0);
    const partial = await summary(target);
    const source = await summary(sourceUrl);
    const sourceLog = new Map(source.log.map((r) => [r.id, JSON.stringify(r)]));
    expect(partial.log.length).toBeGreaterThan(0);
    expect(partial.log.filter((r) => sourceLog.get(r.id) !== JSON.stringify(r))).toEqual([]);
    const states = await rowsOf(target, `SELECT "cardId", "version" FROM "CardState" WHERE "userId" = '${user.id}'`);
    for (const state of states) {
      expect(Number(state.version)).toBe(partial.log.filter((r) => r.cardId === state.cardId && r.userId === user.id).length);
    }

    // Quiet now: a backup restores to exactly the source, counts and review-log checksum.
    const quiet = path.join(dir, `quiet.${engine === "sqlite" ? "db" : "dump"}`);
    expect((await run(["backup", quiet], sourceUrl)).code).toBe(0);
    const exact = await freshDatabase();
    expect((await run(["restore", quiet, "--yes"], exact)).code).toBe(0);
    const copy = await summary(exact);
    expect(copy.counts).toEqual(source.counts);
    expect(copy.checksum).toBe(source.checksum);
  });

  test("restore asks first: without a terminal to confirm at, and without --yes, nothing is restored", async () => {
    const target = await freshDatabase();
    const result = await run(["restore", path.join(dir, `quiet.${engine === "sqlite" ? "db" : "dump"}`)], target);
    expect(result.code).toBe(1);
    expect(result.output.trim()).toMatch(/^✖ not restored: confirm at the prompt, or pass --yes/);
  });
});
