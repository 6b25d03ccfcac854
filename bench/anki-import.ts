// Benchmark: importing an Anki package of 20,000 cards with 200,000 reviews (legacy layout, built
// here with better-sqlite3 and fflate), history included, into a fresh SQLite database, in-process
// through lib/transfer/anki-import.ts. Prints the time (target under 60 s) and the peak resident
// memory sampled during the import, next to the memory before it.
//
//   node --conditions=react-server --import tsx bench/anki-import.ts [--cards 20000] [--reviews 10]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { elapsedMs, freshDatabase, ms, newId, openSqlite, saveResult, insertRows, sqlDate, USER_COLUMNS } from "./common";

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || 0) || fallback;
const CARDS = arg("cards", 20_000);
const PER_CARD = arg("reviews", 10);
const DAY = 86_400_000;

function buildPackage(): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-anki-"));
  try {
    const file = path.join(dir, "collection.anki2");
    const db = new Database(file);
    db.exec(`
      CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);
      CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text);
      CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer, mod integer, usn integer, type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, odid integer, flags integer, data text);
      CREATE TABLE revlog (id integer primary key, cid integer, usn integer, ease integer, ivl integer, lastIvl integer, factor integer, time integer, type integer);`);
    const models = {
      1: {
        name: "Basic",
        type: 0,
        flds: [
          { name: "Front", ord: 0 },
          { name: "Back", ord: 1 },
        ],
      },
    };
    db.prepare("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, '{}', '{}', '{}')").run(JSON.stringify(models));
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, 1, 0, 0, ' basics ', ?, '', 0, 0, '')");
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, 1, 0, 0, 0, 2, 2, 0, 10, 2500, ?, 0, 0, 0, 0, 0, '')");
    const review = db.prepare("INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 6000, 1)");
    const start = Date.UTC(2024, 0, 1);
    db.transaction(() => {
      for (let i = 0; i < CARDS; i++) {
        const nid = 1_000_000 + i;
        note.run(nid, `g${i}`, `Question <b>${i}</b>: what does this do?\u001fIt does <i>thing ${i}</i>, because of reasons.`);
        card.run(2_000_000 + i, nid, PER_CARD);
        for (let r = 0; r < PER_CARD; r++) review.run(start + i * 1000 + r * 7 * DAY, 2_000_000 + i, r % 9 === 4 ? 1 : 3);
      }
    })();
    db.close();
    return zipSync({ "collection.anki2": new Uint8Array(readFileSync(file)), media: new TextEncoder().encode("{}") });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const pkg = buildPackage();
  const file = await freshDatabase("anki-import");
  const sqlite = openSqlite(file);
  const userId = newId();
  const at = sqlDate(new Date());
  insertRows(sqlite, "User", USER_COLUMNS, [[userId, "importer@bench.test", "Importer", null, at, at]]);
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  const { importAnki } = await import("../lib/transfer/anki-import");
  const { db } = await import("../lib/server/db");

  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = process.hrtime.bigint();
  const result = await importAnki({ id: userId }, pkg, { title: "Bench", choices: {}, withHistory: true });
  const took = elapsedMs(t0);
  clearInterval(sampler);
  await db.$disconnect();
  const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
  console.log(
    `anki import: ${(pkg.length / 1024 / 1024).toFixed(1)} MB package, ${CARDS.toLocaleString("en")} cards, ${(CARDS * PER_CARD).toLocaleString("en")} reviews`,
  );
  console.log(
    `  imported ${result.cards.toLocaleString("en")} cards and ${result.ratings.toLocaleString("en")} ratings in ${ms(took)}; target < 60 s: ${took < 60_000 ? "PASS" : "MISS"}`,
  );
  console.log(`  resident memory: ${mib(rssBefore)} before, ${mib(peak)} at its peak (${(peak / rssBefore).toFixed(2)}x)`);
  await saveResult("anki-import", { cards: CARDS, reviews: CARDS * PER_CARD, ms: took, rssBefore, peak });
}

void main();
