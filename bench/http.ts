// Benchmark: ratings per second over HTTP, 50 learners at once, against the production server, and a
// check that no rating is lost or stored twice. (Over 300 lines: server start, accounts, load and
// the loss check are one run and read top to bottom.)
//
// Starts `npm start`'s own path (scripts/start.ts: migrate, seed, build when stale, `next start`) on
// 127.0.0.1:3200 with a fresh var/bench/http.db, creates 51 accounts directly in the database (argon2
// hash), signs each in over HTTP (GET /api/auth/csrf, POST /api/auth/callback/credentials), makes each
// study the seeded "python-interview-questions" deck. Then one learner rates alone for 5 s (the
// server's own time per request), then 50 concurrent learner loops POST one rating at a time to
// /api/reviews for 20 s (or until 20,000 ratings), each naming the card version it last saw, like the
// browser's outbox. Deliberate duplicates: every 10th rating is sent again after
// it was saved (a retry after a lost response), every 25th is sent twice at once (a double send);
// both must come back "duplicate". A request that fails (network error or 5xx) is retried with the same
// client id, as the outbox does.
// Afterwards, from the database: review logs == distinct client ids acknowledged as saved, none missing,
// none extra, none twice, and each card state's version == its number of logs (no lost update).
// Reports ratings/s (saved ratings per second of wall time) and request latency percentiles.
//
//   node --conditions=react-server --import tsx bench/http.ts [--seconds 20] [--learners 50] [--root DIR]
//   node --conditions=react-server --import tsx bench/http.ts --memory [--root DIR]
//
// --memory: the load check alone, 10 learners rating for 30 s, then the server's resident memory and
// CPU per rating (no solo run, idle samples or study page); bench/memory.ts runs it on two checkouts.
//
// Note: the build goes to this checkout's .next (scripts/start.ts rebuilds when sources changed). The
// load generator runs on the same machine as the server, so both share its cores.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import {
  BENCH_DIR,
  elapsedMs,
  formatSummary,
  ms,
  newId,
  ROOT,
  saveResult,
  sqlDate,
  STUDY_COLUMNS,
  summarize,
  USER_COLUMNS,
  verdict,
} from "./common";
import { openStore, resetStore, type Store } from "./store";

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || 0) || fallback;
const MEMORY_CHECK = process.argv.includes("--memory");
const SECONDS = arg("seconds", MEMORY_CHECK ? 30 : 20);
const LEARNERS = arg("learners", MEMORY_CHECK ? 10 : 50);
const MAX_RATINGS = 20_000;
const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
/**
 * `--root DIR` runs another checkout of Drill (say, the commit before a change, in a git worktree
 * with its dependencies installed) under the same load, so two versions are measured in one run.
 */
const rootAt = process.argv.indexOf("--root");
const TARGET = rootAt > 0 ? path.resolve(process.argv[rootAt + 1]!) : ROOT;
const DB_FILE = path.join(BENCH_DIR, "http.db");
/** `--postgres URL`: the server runs on PostgreSQL, in a fresh schema of that server (bench/store.ts). */
const postgresAt = process.argv.indexOf("--postgres");
const POSTGRES_URL = postgresAt > 0 ? process.argv[postgresAt + 1] : undefined;
const DECK_SLUG = "python-interview-questions";
const PASSWORD = "bench-password-1";
const SOLO_SECONDS = 5;
const STUDY_PAGE_CARDS = 20;
const STUDY_PAGE_RUNS = 30;
const PAINT_RUNS = 15;
/** `--idle N`: seconds of resident-memory samples after the load (V8 gives memory back after a while). */
const IDLE_SECONDS = arg("idle", MEMORY_CHECK ? 0 : 60);
const RETRY_EVERY = 10;
const DOUBLE_SEND_EVERY = 25;

// ---------- the server ----------

function startServer(databaseUrl: string): ChildProcess {
  mkdirSync(BENCH_DIR, { recursive: true }); // a fresh clone has no var/bench yet
  const log = createWriteStream(path.join(BENCH_DIR, "http-server.log"));
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: TARGET,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // --profile: a CPU profile of the server, written when it exits (bench/profile-summary.ts reads it).
      ...(process.argv.includes("--profile") && { DRILL_SERVER_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${path.join(BENCH_DIR, "profile")}` }),
    },
    detached: true, // its own process group, so stopping it also stops `next start` under it
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  return server;
}

async function waitForServer(server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see var/bench/http-server.log`);
    try {
      const res = await fetch(`${BASE}/api/auth/csrf`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not come up in time; see var/bench/http-server.log");
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || !server.pid) return;
  const exited = new Promise((r) => server.once("exit", r));
  process.kill(-server.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
}

/**
 * CPU time (user + system, ms) used so far by the server's processes (its process group), from
 * /proc (Linux; null elsewhere). Clock ticks are 10 ms, fine over seconds.
 */
function serverCpuMs(server: ChildProcess): number | null {
  try {
    let ticks = 0;
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === server.pid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}

/** Resident memory (MiB) of the largest process under the server (`next start`'s server). */
function serverRssMiB(server: ChildProcess): number | null {
  let largest = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== server.pid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (rss) largest = Math.max(largest, Number(rss) / 1024);
    } catch {
      continue; // exited meanwhile
    }
  }
  return largest || null;
}

// ---------- painting ----------

/**
 * Loads `url` in headless Chromium (the e2e suite's, /usr/bin/chromium), `runs` times, each in a
 * fresh context with only the session cookie: time to first byte, first contentful paint, and when
 * the first card's question was painted (a card in the server's HTML is painted with the page's
 * first text, one rendered by script in the frame after it arrives).
 */
async function firstCardPaint(url: string, cookie: string, runs: number) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
  const samples = { firstByte: [] as number[], firstPaint: [] as number[], cardPainted: [] as number[] };
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      // The session cookie alone (the production server's is __Secure-: Chromium keeps it on a loopback address).
      const session = cookie
        .split("; ")
        .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const)
        .filter(([name]) => name.includes("session-token"));
      await context.addCookies(
        session.map(([name, value]) => ({
          name,
          value,
          domain: "127.0.0.1",
          path: "/",
          secure: name.startsWith("__Secure-"),
          httpOnly: true,
          sameSite: "Lax" as const,
        })),
      );
      const page = await context.newPage();
      // As text: the bench runs through tsx, whose helpers a serialized function would name but not carry.
      await page.addInitScript(`
        window.cardPainted = new Promise((resolve) => {
          const seen = () => {
            if (!document.querySelector('[data-testid="card-front"]')) return false;
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
            return true;
          };
          const observer = new MutationObserver(() => seen() && observer.disconnect());
          observer.observe(document, { childList: true, subtree: true });
        });`);
      await page.goto(url);
      const timing = await page.evaluate<{ firstByte: number; firstPaint: number; cardPainted: number }>(`(async () => {
        const cardPainted = await window.cardPainted;
        const nav = performance.getEntriesByType("navigation")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        // Text is painted no earlier than the first contentful paint (fonts, styles): the card is
        // painted at whichever comes later, that paint or the frame after the card arrived.
        return { firstByte: nav.responseStart, firstPaint: fcp ? fcp.startTime : NaN, cardPainted: Math.max(cardPainted, fcp ? fcp.startTime : 0) };
      })()`);
      await context.close();
      if (i === 0) continue; // the browser's own first start
      samples.firstByte.push(timing.firstByte);
      samples.firstPaint.push(timing.firstPaint);
      samples.cardPainted.push(timing.cardPainted);
    }
  } finally {
    await browser.close();
  }
  return {
    firstByte: summarize(samples.firstByte),
    firstPaint: summarize(samples.firstPaint),
    cardPainted: summarize(samples.cardPainted),
  };
}

// ---------- accounts and sessions ----------

/** The cookies a response sets, merged into a name -> value jar. */
function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through Auth.js's credentials flow; returns the cookie header of the session. */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  keepCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${BASE}/` }),
  });
  keepCookies(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in failed for ${email}: ${res.status} ${res.headers.get("location")}`);
  }
  return cookieHeader(jar);
}

// ---------- learners ----------

interface RatingBody {
  clientId: string;
  cardId: string;
  rating: number;
  expectedVersion: number;
  durationMs: number;
}

type Result = { status: "saved" | "duplicate" | "stale" | "not_found"; card?: { version: number } };

const stats = {
  requests: 0,
  latencies: [] as number[],
  saved: new Set<string>(),
  /** userId + clientId of every distinct rating sent. */
  sent: new Set<string>(),
  duplicatesExpected: 0,
  duplicatesReturned: 0,
  unexpectedDuplicate: 0,
  stale: 0,
  notFound: 0,
  retriesAfterError: 0,
  errors: new Map<string, number>(),
  /** Ratings whose every attempt failed (the client knows: it would keep them in its outbox). */
  failed: 0,
};

function countError(what: string): void {
  stats.errors.set(what, (stats.errors.get(what) ?? 0) + 1);
}

/** POSTs one rating; retries a failed request with the same body, as the outbox does. */
async function post(cookie: string, body: RatingBody): Promise<Result | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) {
      stats.retriesAfterError++;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
    const start = process.hrtime.bigint();
    try {
      const res = await fetch(`${BASE}/api/reviews`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ ratings: [body] }),
      });
      const text = await res.text();
      stats.requests++;
      stats.latencies.push(elapsedMs(start));
      if (res.ok) return (JSON.parse(text) as { results: Result[] }).results[0]!;
      countError(`HTTP ${res.status}: ${text.slice(0, 160)}`);
    } catch (error) {
      countError(`network: ${(error as Error).message}`);
    }
  }
  return null;
}

async function learner(userId: string, cookie: string, cardIds: string[], deadline: number): Promise<void> {
  const versions = new Map(cardIds.map((id) => [id, 0]));
  // Each learner goes through the deck in its own order, again and again.
  const order = [...cardIds].sort(() => Math.random() - 0.5);
  for (let n = 0; Date.now() < deadline && stats.sent.size < MAX_RATINGS; n++) {
    const cardId = order[n % order.length]!;
    const body: RatingBody = {
      clientId: randomUUID(),
      cardId,
      rating: [1, 2, 3, 3, 3, 4][n % 6]!,
      expectedVersion: versions.get(cardId)!,
      durationMs: 3000 + ((n * 977) % 6000),
    };
    stats.sent.add(`${userId} ${body.clientId}`);
    const doubleSend = n % DOUBLE_SEND_EVERY === DOUBLE_SEND_EVERY - 1;
    const results = await Promise.all(doubleSend ? [post(cookie, body), post(cookie, body)] : [post(cookie, body)]);
    if (doubleSend) stats.duplicatesExpected++;
    for (const result of results) {
      if (!result) continue;
      if (result.status === "saved") stats.saved.add(`${userId} ${body.clientId}`);
      else if (result.status === "duplicate") stats.duplicatesReturned++;
      else if (result.status === "stale") stats.stale++;
      else stats.notFound++;
      if (result.card) versions.set(cardId, result.card.version);
    }
    if (results.every((r) => r === null)) stats.failed++;
    if (n % RETRY_EVERY === RETRY_EVERY - 1 && results.some((r) => r?.status === "saved")) {
      // The response "got lost": the outbox sends the same rating again.
      stats.duplicatesExpected++;
      const again = await post(cookie, body);
      if (again?.status === "duplicate") stats.duplicatesReturned++;
      else if (again) stats.unexpectedDuplicate++;
    }
  }
}

// ---------- the run ----------

async function main(): Promise<void> {
  console.log(`http: starting the production server on ${BASE} (build if stale; log in var/bench/http-server.log)`);
  const bootStart = process.hrtime.bigint();
  const databaseUrl = await resetStore(POSTGRES_URL ? { postgresUrl: POSTGRES_URL } : { sqliteFile: DB_FILE });
  const server = startServer(databaseUrl);
  let store: Store | undefined;
  try {
    await waitForServer(server, 15 * 60_000);
    console.log(`  server up in ${ms(elapsedMs(bootStart))}; resident memory ${serverRssMiB(server)?.toFixed(0)} MiB`);

    store = await openStore(databaseUrl);
    console.log(`  database: ${store.engine}`);
    const deck = await store.get<{ id: string }>(`SELECT "id" FROM "Deck" WHERE "slug" = ?`, DECK_SLUG);
    if (!deck) throw new Error(`the seeded deck ${DECK_SLUG} is missing`);
    const cardIds = (
      await store.all<{ id: string }>(`SELECT "id" FROM "Card" WHERE "deckId" = ? AND "retiredAt" IS NULL ORDER BY "position"`, deck.id)
    ).map((c) => c.id);
    const passwordHash = await hash(PASSWORD);
    const at = sqlDate(new Date());
    // LEARNERS learners for the concurrent run, plus one for the solo run before it.
    const users = Array.from({ length: LEARNERS + 1 }, (_, i) => ({ id: newId(), email: `learner${i}@bench.test` }));
    await store.insertRows(
      "User",
      USER_COLUMNS,
      users.map((u, i) => [u.id, u.email, `Learner ${i}`, passwordHash, at, at]),
    );
    await store.insertRows(
      "DeckStudy",
      STUDY_COLUMNS,
      users.map((u) => [u.id, deck.id, at]),
    );

    // A reader for the study page: 20 new cards a day, so the page holds a 20-card session.
    const reader = { id: newId(), email: "reader@bench.test" };
    await store.insertRows("User", USER_COLUMNS, [[reader.id, reader.email, "Reader", passwordHash, at, at]]);
    await store.insertRows("DeckStudy", STUDY_COLUMNS, [[reader.id, deck.id, at]]);
    await store.run(`INSERT INTO "StudySettings" ("userId", "newPerDay") VALUES (?, ?)`, reader.id, STUDY_PAGE_CARDS);

    const signInStart = process.hrtime.bigint();
    const cookies: string[] = [];
    for (let i = 0; i < users.length; i += 5) cookies.push(...(await Promise.all(users.slice(i, i + 5).map((u) => signIn(u.email)))));
    console.log(
      `  ${users.length} learners signed in over HTTP in ${ms(elapsedMs(signInStart))}; deck has ${cardIds.length} cards; resident memory ${serverRssMiB(server)?.toFixed(0)} MiB`,
    );

    // One warm-up rating each (first requests load route code and fill caches), not counted.
    await Promise.all(
      users.map((u, i) =>
        post(cookies[i]!, { clientId: randomUUID(), cardId: cardIds[0]!, rating: 3, expectedVersion: 0, durationMs: 4000 }),
      ),
    );
    const warmupLogs = Number((await store.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "ReviewLog"`))!.n);
    Object.assign(stats, { requests: 0, latencies: [], saved: new Set(), sent: new Set(), errors: new Map() });

    // Solo: one learner alone, so the latency is the server's own time per request (plus loopback).
    const soloUser = users[LEARNERS]!;
    if (!MEMORY_CHECK) await learner(soloUser.id, cookies[LEARNERS]!, cardIds.slice(1), Date.now() + SOLO_SECONDS * 1000);
    const solo = { requests: stats.requests, latency: summarize(stats.latencies) };
    const rssAfterSolo = serverRssMiB(server);
    stats.requests = 0;
    stats.latencies = [];

    const loadBefore = os.loadavg()[0]!;
    const cpuBefore = serverCpuMs(server);
    const runStart = process.hrtime.bigint();
    const deadline = Date.now() + SECONDS * 1000;
    // The warm-up rated card 0 once (version 1); the learners go through the other cards.
    await Promise.all(users.slice(0, LEARNERS).map((u, i) => learner(u.id, cookies[i]!, cardIds.slice(1), deadline)));
    const seconds = elapsedMs(runStart) / 1000;
    const cpuAfter = serverCpuMs(server);
    const rssAfter = serverRssMiB(server);
    // And while the server is idle after it: V8's memory reducer shrinks the heap once allocation
    // has stopped for a while (seconds, not at once). Sampled every 5 s.
    const rssIdleSeries: number[] = [];
    for (let waited = 0; waited < IDLE_SECONDS; waited += 5) {
      await new Promise((r) => setTimeout(r, 5000));
      rssIdleSeries.push(Math.round(serverRssMiB(server) ?? 0));
    }
    const rssIdle = rssIdleSeries.at(-1) ?? null;
    const serverCpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    const concurrentSaved = [...stats.saved].filter((k) => !k.startsWith(`${soloUser.id} `)).length;

    // ---------- the database's account of what happened ----------
    const userIds = users.map((u) => u.id);
    const marks = userIds.map(() => "?").join(",");
    const logs = await store.all<{ userId: string; clientId: string }>(
      `SELECT "userId", "clientId" FROM "ReviewLog" WHERE "userId" IN (${marks})`,
      ...userIds,
    );
    const stored = new Set(logs.map((l) => `${l.userId} ${l.clientId}`));
    const storedTwice = Number(
      (await store.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "ReviewLog" GROUP BY "userId", "clientId" HAVING COUNT(*) > 1) AS twice`,
      ))!.n,
    );
    const missing = [...stats.saved].filter((k) => !stored.has(k)).length;
    const benchLogs = logs.length - warmupLogs;
    const extra = logs.filter((l) => !stats.saved.has(`${l.userId} ${l.clientId}`)).length - warmupLogs;
    const versionMismatch = Number(
      (await store.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM "CardState" s WHERE s."userId" IN (${marks}) AND s."version" <> (SELECT COUNT(*) FROM "ReviewLog" l WHERE l."userId" = s."userId" AND l."cardId" = s."cardId")`,
        ...userIds,
      ))!.n,
    );

    const latency = summarize(stats.latencies);
    const saved = stats.saved.size;
    const correct =
      benchLogs === saved &&
      missing === 0 &&
      extra === 0 &&
      storedTwice === 0 &&
      versionMismatch === 0 &&
      stats.failed === 0 &&
      stats.unexpectedDuplicate === 0;
    console.log(`\nhttp: one learner alone for ${SOLO_SECONDS} s: ${solo.requests} requests, latency ${formatSummary(solo.latency)}`);
    console.log(`http: ${LEARNERS} concurrent learners for ${seconds.toFixed(1)} s (load average before ${loadBefore.toFixed(2)})`);
    console.log(
      `  ratings/s (saved) ${(concurrentSaved / seconds).toFixed(1)}; requests/s ${(stats.requests / seconds).toFixed(1)} (${stats.requests} requests)`,
    );
    console.log(`  request latency ${formatSummary(latency)}`);
    if (rssAfter !== null)
      console.log(
        `  server resident memory after the load ${rssAfter.toFixed(0)} MiB; idle, every 5 s: ${rssIdleSeries.join(" ")} MiB (after the solo run ${rssAfterSolo?.toFixed(0)} MiB)`,
      );
    if (serverCpu !== null) {
      console.log(
        `  server CPU ${ms(serverCpu / stats.requests)} per request, ${ms(serverCpu / Math.max(1, concurrentSaved))} per saved rating (${(serverCpu / 1000 / seconds).toFixed(2)} cores busy on average)`,
      );
    }
    console.log(
      `  both runs: ratings sent (distinct client ids) ${stats.sent.size}; saved ${saved}; stale ${stats.stale}; not found ${stats.notFound}; failed after 5 tries ${stats.failed}`,
    );
    console.log(
      `  deliberate duplicates ${stats.duplicatesExpected}: answered "duplicate" ${stats.duplicatesReturned}, otherwise ${stats.unexpectedDuplicate}`,
    );
    console.log(`  requests retried after an error ${stats.retriesAfterError}`);
    for (const [what, count] of stats.errors) console.log(`  error ×${count}: ${what}`);
    console.log(
      `  database: review logs ${benchLogs} (+${warmupLogs} warm-up) for ${saved} saved client ids; missing ${missing}, extra ${extra}, stored twice ${storedTwice}, card versions != log count ${versionMismatch}`,
    );
    console.log(`  no rating lost or doubled: ${verdict(correct)}`);
    await saveResult(MEMORY_CHECK ? "http-memory" : "http", {
      root: TARGET,
      engine: store.engine,
      learners: LEARNERS,
      seconds,
      loadAverage: loadBefore,
      solo,
      sent: stats.sent.size,
      saved,
      ratingsPerSecond: concurrentSaved / seconds,
      requests: stats.requests,
      requestsPerSecond: stats.requests / seconds,
      latency,
      serverCpuMs: serverCpu,
      residentMiB: { afterSolo: rssAfterSolo, afterLoad: rssAfter, idle: rssIdle, idleEvery5s: rssIdleSeries },
      stale: stats.stale,
      notFound: stats.notFound,
      failed: stats.failed,
      duplicatesExpected: stats.duplicatesExpected,
      duplicatesReturned: stats.duplicatesReturned,
      unexpectedDuplicate: stats.unexpectedDuplicate,
      retriesAfterError: stats.retriesAfterError,
      errors: Object.fromEntries(stats.errors),
      db: { logs: benchLogs, missing, extra, storedTwice, versionMismatch },
      correct,
    });

    if (MEMORY_CHECK) return;

    // ---------- the study page ----------
    // Server time for a 20-card session, after its cards were rendered once (the first requests).
    const readerCookie = await signIn(reader.email);
    const studyUrl = `${BASE}/study?deck=${DECK_SLUG}`;
    let bytes = 0;
    const pageTimes: number[] = [];
    for (let i = 0; i < 3 + STUDY_PAGE_RUNS; i++) {
      const start = process.hrtime.bigint();
      const res = await fetch(studyUrl, { headers: { cookie: readerCookie, "accept-encoding": "identity" } });
      const body = await res.text();
      if (i >= 3) pageTimes.push(elapsedMs(start));
      bytes = body.length;
      if (!res.ok || !body.includes('data-testid="card-front"')) throw new Error(`the study page answered ${res.status} without a card`);
    }
    const page = summarize(pageTimes);
    console.log(
      `\nhttp: study page, ${STUDY_PAGE_CARDS}-card session, ${STUDY_PAGE_RUNS} requests after 3 warm-up ones: ${formatSummary(page)}; ${Math.round(bytes / 1024)} KB of HTML`,
    );

    // The same page with an open interview on the deck (two weeks out), requests alternating with and
    // without it (the interview cancelled), so both see the same machine. Skipped on a checkout
    // from before interviews.
    if (await store.hasTable("Interview")) {
      const interviewId = newId();
      const at = sqlDate(new Date());
      await store.run(
        `INSERT INTO "Interview" ("id", "userId", "label", "at", "timeZone", "createdAt", "updatedAt") VALUES (?, ?, 'Bench', ?, 'UTC', ?, ?)`,
        interviewId,
        reader.id,
        sqlDate(new Date(Date.now() + 14 * 86_400_000)),
        at,
        at,
      );
      await store.run(`INSERT INTO "InterviewDeck" ("interviewId", "deckId") VALUES (?, ?)`, interviewId, deck.id);
      const setStatus = (status: string) => store!.run(`UPDATE "Interview" SET "status" = ? WHERE "id" = ?`, status, interviewId);
      const timed = { with: [] as number[], without: [] as number[] };
      for (let i = 0; i < 3 + 2 * STUDY_PAGE_RUNS; i++) {
        const withInterview = i % 2 === 0;
        await setStatus(withInterview ? "open" : "cancelled");
        const start = process.hrtime.bigint();
        const res = await fetch(studyUrl, { headers: { cookie: readerCookie, "accept-encoding": "identity" } });
        const body = await res.text();
        if (i >= 3) timed[withInterview ? "with" : "without"].push(elapsedMs(start));
        if (!res.ok || withInterview !== body.includes('data-testid="interview-line"'))
          throw new Error("the study page didn't show the interview as set");
      }
      const withIt = summarize(timed.with);
      const without = summarize(timed.without);
      console.log(`http: study page with an open interview:    ${formatSummary(withIt)}`);
      console.log(`http: study page without (same run):        ${formatSummary(without)}`);
      console.log(`  ratio of medians ${(withIt.p50 / without.p50).toFixed(2)}x (target <= 1.2x)`);
    }

    // ---------- the first card, painted in Chromium ----------
    // A fresh browser context (nothing cached) per page load, signed in as the reader; 20- and
    // 50-card sessions (the reader's new-card limit), with no interview open.
    if (await store.hasTable("Interview")) await store.run(`UPDATE "Interview" SET "status" = 'cancelled' WHERE "userId" = ?`, reader.id);
    const paint: Record<string, unknown> = {};
    for (const cards of [STUDY_PAGE_CARDS, 50]) {
      await store.run(`UPDATE "StudySettings" SET "newPerDay" = ? WHERE "userId" = ?`, cards, reader.id);
      const serverTimes: number[] = [];
      for (let i = 0; i < 3 + STUDY_PAGE_RUNS; i++) {
        const start = process.hrtime.bigint();
        const res = await fetch(studyUrl, { headers: { cookie: readerCookie, "accept-encoding": "identity" } });
        await res.text();
        if (i >= 3) serverTimes.push(elapsedMs(start));
      }
      const painted = await firstCardPaint(studyUrl, readerCookie, PAINT_RUNS);
      paint[cards] = { server: summarize(serverTimes), ...painted };
      console.log(`http: study page, ${cards}-card session: server ${formatSummary(summarize(serverTimes))}`);
      console.log(
        `  in Chromium, ${PAINT_RUNS} cold loads: first byte p50 ${ms(painted.firstByte.p50)}, first paint p50 ${ms(painted.firstPaint.p50)}, first card painted p50 ${ms(painted.cardPainted.p50)} (p95 ${ms(painted.cardPainted.p95)})`,
      );
    }
    await saveResult("http-paint", paint);
  } finally {
    await store?.close();
    await stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
