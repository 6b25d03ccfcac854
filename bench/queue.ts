// Benchmark: building today's study session (lib/review/session.ts loadStudySession) for a small and a big
// learner, in-process on SQLite, and the query plans of the SQL it sends. (Over 300 lines: seeding
// 110,000 cards, timing and plan checks belong to one run and read top to bottom.)
//
// A fresh var/bench/queue.db holds 20 public decks of 5,500 cards (110,000 cards), 2,000 other public
// decks, and two learners whose states cover the first cards in deck order (the order Drill
// introduces new cards in):
//   small: studies 1 deck, 1,000 card states, 10,000 review logs;
//   big:   studies all 20 decks, 100,000 card states, 1,000,000 review logs.
// Due dates are spread like a real collection: most reviews due in the coming year, a few hundred due
// today (some overdue), some learning cards (due now or later today), some suspended or buried, and
// a few dozen ratings already made today. Each learner's session is built 5 times to warm up, then
// timed over 30 runs (median, p95). Targets: big median under 50 ms, and at most 1.5x small when
// both sessions hold the same cards (limits set to 50 reviews and no new cards for that pair).
// Then one session of each is captured and every statement is run through EXPLAIN QUERY PLAN; a
// SCAN step (a whole table or index read) is flagged.
//
//   node --conditions=react-server --import tsx bench/queue.ts [--runs 30] [--reuse]   (--reuse: skip seeding, time the last run's database)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../scripts/migrations/commands";
import {
  BENCH_DIR,
  DECK_COLUMNS,
  elapsedMs,
  explain,
  formatSummary,
  freshDatabase,
  insertRows,
  installQueryCapture,
  isScan,
  LOG_COLUMNS,
  ms,
  newId,
  openSqlite,
  random,
  ROOT,
  saveResult,
  seedDeck,
  shortSql,
  sqlDate,
  STATE_COLUMNS,
  STUDY_COLUMNS,
  summarize,
  timeStatement,
  USER_COLUMNS,
  verdict,
  type Summary,
} from "./common";
import { DAY_MS } from "../lib/time";

const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1] || 0) || 30;
const WARMUP = 5;
const DECKS = 20;
const CARDS_PER_DECK = 5500;
const OTHER_PUBLIC_DECKS = 2000;
const SEEDED_FILE = path.join(BENCH_DIR, "queue.json");
const TARGET_BIG_MS = 50;
const TARGET_RATIO = 1.5;

const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 };

interface LearnerSpec {
  label: string;
  decks: number;
  /** Card states, on the first cards in deck order: the order Drill introduces new cards in. */
  states: number;
  logsPerState: number;
  dueToday: number;
  learning: number;
  suspended: number;
  ratedToday: number;
}

const SMALL: LearnerSpec = {
  label: "small",
  decks: 1,
  states: 1_000,
  logsPerState: 10,
  dueToday: 80,
  learning: 10,
  suspended: 10,
  ratedToday: 15,
};
const BIG: LearnerSpec = {
  label: "big",
  decks: 20,
  states: 100_000,
  logsPerState: 10,
  dueToday: 350,
  // As many learning cards and ratings today as the small learner: with equal limits, both sessions
  // then hold the same number of cards, and the ratio measures the collection's size alone.
  learning: 10,
  suspended: 500,
  ratedToday: 15,
};

/** The study day lib/scheduling/study-day.ts computes for UTC and the default 04:00 start. */
function utcStudyDay(now: Date) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 4));
  if (now < start) start.setUTCDate(start.getUTCDate() - 1);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

function seedLearner(
  sqlite: ReturnType<typeof openSqlite>,
  spec: LearnerSpec,
  decks: { id: string; cards: string[] }[],
  now: Date,
  seed: number,
): string {
  const rand = random(seed);
  const day = utcStudyDay(now);
  const at = sqlDate(now);
  const userId = newId();
  insertRows(sqlite, "User", USER_COLUMNS, [[userId, `${spec.label}@bench.test`, spec.label, null, at, at]]);
  insertRows(
    sqlite,
    "DeckStudy",
    STUDY_COLUMNS,
    decks.slice(0, spec.decks).map((d) => [userId, d.id, at]),
  );

  // New cards are introduced in (deck id, position) order, so a learner's states cover a prefix of it.
  const cards = decks
    .slice(0, spec.decks)
    .flatMap((d) => d.cards.map((cardId) => ({ cardId, deckId: d.id })))
    .slice(0, spec.states);
  // Which states are special: spread over the collection (every k-th card), not bunched in one deck.
  const pick = (count: number, offset: number) =>
    new Set(Array.from({ length: count }, (_, i) => Math.floor(((i + offset / 7) * cards.length) / count)));
  const dueToday = pick(spec.dueToday, 1);
  const learning = pick(spec.learning, 2);
  const suspended = pick(spec.suspended, 3);
  const buriedNew = pick(3, 4);
  const buriedReview = pick(5, 5);

  const states: unknown[][] = [];
  function* logs(): Generator<unknown[]> {
    let n = 0;
    for (const [i, { cardId }] of cards.entries()) {
      for (let r = 0; r < spec.logsPerState; r++) {
        // History over the last two years, oldest first, ending at least a day ago.
        const reviewedAt = new Date(
          now.getTime() - DAY_MS - ((spec.logsPerState - r) / spec.logsPerState) * 730 * DAY_MS * (0.5 + rand() / 2),
        );
        yield [
          newId(),
          userId,
          cardId,
          `${spec.label}-${String(n++).padStart(9, "0")}`,
          1 + Math.floor(rand() * 4),
          sqlDate(reviewedAt),
          3000 + Math.round(rand() * 9000),
          sqlDate(new Date(reviewedAt.getTime() + 30 * DAY_MS)),
          r === 0 ? State.New : State.Review,
          sqlDate(reviewedAt),
          1 + rand() * 100,
          1 + rand() * 9,
          30,
          0,
          r,
          0,
          r === 0 ? null : sqlDate(new Date(reviewedAt.getTime() - 30 * DAY_MS)),
        ];
      }
      // Ratings already made today: the first ones of the collection.
      if (i < spec.ratedToday) {
        const reviewedAt = new Date(day.start.getTime() + rand() * (now.getTime() - day.start.getTime()));
        yield [
          newId(),
          userId,
          cardId,
          `${spec.label}-today-${i}`,
          3,
          sqlDate(reviewedAt),
          5000,
          sqlDate(new Date(reviewedAt.getTime() + 10 * DAY_MS)),
          i % 10 === 0 ? State.New : State.Review,
          sqlDate(reviewedAt),
          10,
          5,
          10,
          0,
          spec.logsPerState,
          0,
          sqlDate(new Date(reviewedAt.getTime() - 10 * DAY_MS)),
        ];
      }
    }
  }

  let learningSeen = 0;
  for (const [i, { cardId, deckId }] of cards.entries()) {
    let state = State.Review;
    let due: Date;
    let buriedUntil: Date | null = null;
    if (dueToday.has(i))
      due = new Date(day.end.getTime() - rand() * 6 * DAY_MS); // overdue up to 5 days, or later today
    else if (learning.has(i)) {
      state = i % 2 ? State.Learning : State.Relearning;
      // Alternately due now and later today, so learners with as many learning cards have the same
      // split (the equal-queue comparison relies on it).
      due = new Date(now.getTime() + (learningSeen++ % 2 ? 2 * 3600_000 : -20 * 60_000));
    } else if (buriedNew.has(i)) {
      state = State.New;
      due = new Date(now.getTime() - DAY_MS);
      buriedUntil = new Date(now.getTime() - 3600_000); // buried yesterday: available again
    } else {
      // Most of the collection: due after today, more of it soon than late (up to a year).
      due = new Date(day.end.getTime() + 60_000 + rand() ** 2 * 365 * DAY_MS);
      if (buriedReview.has(i)) buriedUntil = day.end;
    }
    const lastReview = new Date(Math.min(now.getTime(), due.getTime()) - (1 + rand() * 20) * DAY_MS);
    states.push([
      userId,
      cardId,
      deckId,
      sqlDate(due),
      1 + rand() * 200,
      1 + rand() * 9,
      Math.round(rand() * 200),
      state === State.Learning ? 1 : 0,
      spec.logsPerState,
      Math.floor(rand() * 3),
      state,
      state === State.New ? null : sqlDate(lastReview),
      spec.logsPerState,
      sqlDate(buriedUntil),
      suspended.has(i) ? 1 : 0,
      at,
      at,
    ]);
  }
  insertRows(sqlite, "CardState", STATE_COLUMNS, states);
  insertRows(sqlite, "ReviewLog", LOG_COLUMNS, logs());
  return userId;
}

interface Seeded {
  now: string;
  users: { small: string; big: string };
  deckIds: string[];
}

/** Seeds var/bench/queue.db afresh; returns what the timing needs (also kept in queue.json for --reuse). */
async function seedAll(): Promise<Seeded> {
  const file = await freshDatabase("queue");
  const now = new Date();
  const seedStart = process.hrtime.bigint();
  const sqlite = openSqlite(file);
  sqlite.pragma("synchronous = OFF"); // seeding only; the app's own connection keeps its defaults
  const decks = Array.from({ length: DECKS }, (_, i) => {
    const id = newId();
    return { id, cards: seedDeck(sqlite, { id, title: `Bench deck ${i}` }, CARDS_PER_DECK, now) };
  });
  // The rest of a public library: other people's public decks (empty here), which the deck filter also sees.
  const at = sqlDate(now);
  insertRows(
    sqlite,
    "Deck",
    DECK_COLUMNS,
    Array.from({ length: OTHER_PUBLIC_DECKS }, (_, i) => [newId(), null, null, `Other deck ${i}`, "public", at, at]),
  );
  const users = { small: seedLearner(sqlite, SMALL, decks, now, 11), big: seedLearner(sqlite, BIG, decks, now, 22) };
  sqlite.close();
  console.log(
    `queue: seeded ${DECKS * CARDS_PER_DECK} cards, ${OTHER_PUBLIC_DECKS} other decks and two learners in ${ms(elapsedMs(seedStart))}`,
  );
  const seeded = { now: now.toISOString(), users, deckIds: decks.map((d) => d.id) };
  writeFileSync(SEEDED_FILE, JSON.stringify(seeded));
  return seeded;
}

async function main(): Promise<void> {
  const file = path.join(BENCH_DIR, "queue.db");
  // --reuse: time the database the last run seeded (after applying any new migrations to it).
  const reuse = process.argv.includes("--reuse") && existsSync(file) && existsSync(SEEDED_FILE);
  if (reuse) await applyMigrations({ provider: "sqlite", url: file }, ROOT);
  const seeded: Seeded = reuse ? (JSON.parse(readFileSync(SEEDED_FILE, "utf8")) as Seeded) : await seedAll();
  const { users, deckIds } = seeded;
  const now = new Date(seeded.now);
  process.env.DATABASE_URL = `file:${file}`;
  const sqlite = openSqlite(file);
  const counts = sqlite
    .prepare(
      `SELECT "userId", (SELECT COUNT(*) FROM "CardState" s WHERE s."userId" = u."userId") AS states, (SELECT COUNT(*) FROM "ReviewLog" l WHERE l."userId" = u."userId") AS logs FROM (SELECT DISTINCT "userId" FROM "DeckStudy") u`,
    )
    .all() as { userId: string; states: number; logs: number }[];
  sqlite.close();
  for (const [label, id] of Object.entries(users)) {
    const c = counts.find((r) => r.userId === id)!;
    console.log(`  ${label.padEnd(5)} ${c.states} card states, ${c.logs} review logs`);
  }

  const capture = await installQueryCapture(file);
  const { loadStudySession } = await import("../lib/review/session");
  const { db } = await import("../lib/server/db");

  // The session for "now", as at seeding time, so every run sees the same due cards.
  const load = (userId: string, deckId?: string) => loadStudySession({ id: userId }, { deckId }, now);
  async function time(userId: string, deckId?: string): Promise<{ summary: Summary; cpuMs: number; ready: number; waiting: number }> {
    let session = await load(userId, deckId);
    for (let i = 1; i < WARMUP; i++) session = await load(userId, deckId);
    const samples: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      await load(userId, deckId);
      samples.push(elapsedMs(start));
    }
    // CPU time per session (user + system): what it costs with a core to itself.
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / RUNS;
    return { summary: summarize(samples), cpuMs, ready: session.queue.ready.length, waiting: session.queue.waiting.length };
  }

  const loadBefore = os.loadavg()[0]!;
  const small = await time(users.small);
  const big = await time(users.big);
  const bigOneDeck = await time(users.big, deckIds[0]);
  // The same learners with limits that give both the same session (50 reviews, no new cards): what
  // is left of the ratio is the cost of the bigger collection itself, not of returning more cards.
  const EQUAL = { reviewsPerDay: 50, newPerDay: 0 };
  const limits = openSqlite(file);
  const setLimits = limits.prepare(
    `INSERT INTO "StudySettings" ("userId", "reviewsPerDay", "newPerDay") VALUES (?, ?, ?) ON CONFLICT ("userId") DO UPDATE SET "reviewsPerDay" = excluded."reviewsPerDay", "newPerDay" = excluded."newPerDay"`,
  );
  for (const id of [users.small, users.big]) setLimits.run(id, EQUAL.reviewsPerDay, EQUAL.newPerDay);
  const smallEqual = await time(users.small);
  const bigEqual = await time(users.big);
  // Back to the defaults, so a --reuse run times the same sessions as a fresh one.
  limits.prepare(`DELETE FROM "StudySettings" WHERE "userId" IN (?, ?)`).run(users.small, users.big);
  limits.close();
  const ratio = big.summary.p50 / small.summary.p50;
  const equalRatio = bigEqual.summary.p50 / smallEqual.summary.p50;
  const sameSize = smallEqual.ready === bigEqual.ready && smallEqual.waiting === bigEqual.waiting;
  console.log(`\nqueue: loadStudySession, warm, ${RUNS} runs each (load average ${loadBefore.toFixed(2)})`);
  console.log(
    `  small (1,000 states)            ${formatSummary(small.summary)}  CPU ${ms(small.cpuMs)}  queue ${small.ready} ready + ${small.waiting} waiting`,
  );
  console.log(
    `  big (100,000 states)            ${formatSummary(big.summary)}  CPU ${ms(big.cpuMs)}  queue ${big.ready} ready + ${big.waiting} waiting`,
  );
  console.log(
    `  big, one deck (5,000 states)    ${formatSummary(bigOneDeck.summary)}  CPU ${ms(bigOneDeck.cpuMs)}  queue ${bigOneDeck.ready} ready + ${bigOneDeck.waiting} waiting`,
  );
  console.log(
    `  big median < ${TARGET_BIG_MS} ms: ${verdict(big.summary.p50 < TARGET_BIG_MS)}  (p95 ${ms(big.summary.p95)}: ${verdict(big.summary.p95 < TARGET_BIG_MS)})`,
  );
  console.log(
    `  small, ${EQUAL.reviewsPerDay} reviews only        ${formatSummary(smallEqual.summary)}  CPU ${ms(smallEqual.cpuMs)}  queue ${smallEqual.ready} ready + ${smallEqual.waiting} waiting`,
  );
  console.log(
    `  big, ${EQUAL.reviewsPerDay} reviews only          ${formatSummary(bigEqual.summary)}  CPU ${ms(bigEqual.cpuMs)}  queue ${bigEqual.ready} ready + ${bigEqual.waiting} waiting`,
  );
  console.log(`  big/small median ratio, default limits (different queues) ${ratio.toFixed(2)}x`);
  console.log(
    `  big/small median ratio, equal queues ${equalRatio.toFixed(2)}x <= ${TARGET_RATIO}x: ${verdict(sameSize && equalRatio <= TARGET_RATIO)}${sameSize ? "" : "  (the queues differ in size: not comparable)"}`,
  );

  // One session of each, statement by statement. The time is the statement run alone through
  // better-sqlite3 (median of 7), its own cost: Prisma's reported duration also counts waiting behind
  // the queries it runs in parallel on the one connection. A statement that costs far more for the big
  // learner reads rows in proportion to the collection, even when its plan only SEARCHes an index.
  const plan = openSqlite(file);
  type Measured = { ms: number; rows: number; plan: string[] };
  const byKey = new Map<string, { sql: string; small?: Measured; big?: Measured }>();
  for (const label of ["small", "big"] as const) {
    const { queries } = await capture.capture(() => load(users[label]));
    for (const q of queries) {
      const key = shortSql(q.sql.replace(/IN \((\?,)*\?\)/g, "IN (…)"));
      const entry = byKey.get(key) ?? { sql: key };
      entry[label] = { ...timeStatement(plan, q), plan: explain(plan, q) };
      byKey.set(key, entry);
    }
  }
  plan.close();
  await db.$disconnect();
  const statements = [...byKey.values()];
  const total = (label: "small" | "big") => statements.reduce((sum, s) => sum + (s[label]?.ms ?? 0), 0);
  console.log(`\n  SQL per session, each statement alone in SQLite: small ${ms(total("small"))}, big ${ms(total("big"))}`);
  // Reading a row through an index costs microseconds; far more per row returned means the statement
  // reads many rows for each one it returns: a scan in effect, even when the plan says SEARCH.
  const readsMore = (m?: Measured) => m !== undefined && m.ms > 1 && m.ms / Math.max(1, m.rows) > 0.05;
  let scans = 0;
  let overreading = 0;
  for (const s of statements) {
    const flagged = readsMore(s.big) || readsMore(s.small);
    if (flagged) overreading++;
    const t = (m?: Measured) => (m === undefined ? "(not run)".padStart(20) : `${ms(m.ms).padStart(9)} ${String(m.rows).padStart(4)} rows`);
    console.log(`\n  small ${t(s.small)}   big ${t(s.big)}${flagged ? "   <-- reads far more rows than it returns" : ""}`);
    console.log(`    ${s.sql.length > 300 ? `${s.sql.slice(0, 300)}…` : s.sql}`);
    const plans =
      s.small && s.big && s.small.plan.join() !== s.big.plan.join()
        ? { small: s.small.plan, big: s.big.plan }
        : { "": (s.small ?? s.big)!.plan };
    for (const [label, lines] of Object.entries(plans)) {
      if (label) console.log(`      (${label})`);
      for (const line of lines) {
        if (isScan(line)) scans++;
        console.log(`      ${line}${isScan(line) ? "   <-- SCAN" : ""}`);
      }
    }
  }
  console.log(`\n  plan steps that SCAN a table or index: ${scans}; statements reading far more rows than they return: ${overreading}`);
  const pass = big.summary.p50 < TARGET_BIG_MS && sameSize && equalRatio <= TARGET_RATIO;
  await saveResult("queue", {
    runs: RUNS,
    loadAverage: loadBefore,
    small,
    big,
    bigOneDeck,
    smallEqual,
    bigEqual,
    ratio,
    equalRatio,
    pass,
    scans,
    overreading,
    statements,
  });
}

void main();
