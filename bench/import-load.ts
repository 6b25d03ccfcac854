// Benchmark (issue 26.1): do other users' pages stay fast while a hostile Anki import runs? Starts the
// production server (scripts/start.ts, as bench/http.ts does) on 127.0.0.1:3290 with a fresh SQLite
// database, signs in a reader and an attacker, then measures the reader's page latency (GET / and
// GET /decks, one at a time) for SECONDS alone (the baseline), and again for SECONDS while the attacker
// keeps uploading hostile packages (stored zstd streams expanding to 3 GB, 60,000 reviews of one card,
// 5,000 note types) to /api/import/anki, two at a time. Prints p50/p95 of both runs and the ratio of
// the p95s (hostile / baseline), with the raw numbers beside it, and what the uploads got back.
//
//   node --conditions=react-server --import tsx bench/import-load.ts [--seconds 20]
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { ankiPackage, storedZip, zstdBomb } from "../tests/fixtures/anki-build";
import { BENCH_DIR, elapsedMs, formatSummary, newId, ROOT, saveResult, sqlDate, summarize, USER_COLUMNS } from "./common";
import { openStore, resetStore } from "./store";

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || 0) || fallback;
const SECONDS = arg("seconds", 20);
const PORT = 3290;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench-password-1";
const GB = 1_000_000_000;

function startServer(databaseUrl: string): ChildProcess {
  mkdirSync(BENCH_DIR, { recursive: true });
  const log = createWriteStream(path.join(BENCH_DIR, "import-load-server.log"));
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString("base64url") },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  return server;
}

async function waitForServer(server: ChildProcess): Promise<void> {
  for (const deadline = Date.now() + 15 * 60_000; Date.now() < deadline;) {
    if (server.exitCode !== null) throw new Error("the server exited; see var/bench/import-load-server.log");
    if (
      await fetch(`${BASE}/api/auth/csrf`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not come up in time");
}

async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  keep(
    await fetch(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${BASE}/` }),
    }),
  );
  return cookie();
}

/** The reader's page latencies (ms) until `until()` says stop. */
async function readPages(cookie: string, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; !until(); i++) {
    const start = process.hrtime.bigint();
    const res = await fetch(`${BASE}${i % 2 ? "/decks" : "/"}`, { headers: { cookie } });
    await res.arrayBuffer();
    latencies.push(elapsedMs(start));
  }
  return latencies;
}

const HOSTILE: [string, () => Uint8Array][] = [
  [
    "3 GB of media in stored zstd",
    () => ankiPackage({ stored: true, media: { "a.png": zstdBomb(GB), "b.png": zstdBomb(GB), "c.png": zstdBomb(GB) } }),
  ],
  ["1.5 GB collection in stored zstd", () => storedZip({ "collection.anki21b": zstdBomb(1.5 * GB) })],
  ["60,000 reviews of one card", () => ankiPackage({ reviews: 60_000 })],
  ["5,000 note types", () => ankiPackage({ extraNoteTypes: 4_999 })],
];

async function attack(cookie: string, until: () => boolean, answers: Map<string, number>): Promise<void> {
  const packages = HOSTILE.map(([name, build]) => [name, build()] as const);
  for (let i = 0; !until(); i++) {
    const [name, bytes] = packages[i % packages.length]!;
    const res = await fetch(`${BASE}/api/import/anki?step=preview`, {
      method: "POST",
      headers: { cookie, "content-type": "application/octet-stream", origin: BASE },
      body: Buffer.from(bytes),
    });
    await res.arrayBuffer();
    const key = `${name}: ${res.status}`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
  }
}

async function main(): Promise<void> {
  const databaseUrl = await resetStore({ sqliteFile: path.join(BENCH_DIR, "import-load.db") });
  const server = startServer(databaseUrl);
  try {
    await waitForServer(server);
    const store = await openStore(databaseUrl);
    const passwordHash = await hash(PASSWORD);
    const at = sqlDate(new Date());
    await store.insertRows("User", USER_COLUMNS, [
      [newId(), "reader@bench.test", "Reader", passwordHash, at, at],
      [newId(), "attacker@bench.test", "Attacker", passwordHash, at, at],
    ]);
    const [reader, attacker] = [await signIn("reader@bench.test"), await signIn("attacker@bench.test")];
    await readPages(
      reader,
      (
        (n) => () =>
          n-- <= 0
      )(10),
    ); // warm-up: route code loaded, caches filled

    const deadline = (seconds: number) =>
      (
        (end) => () =>
          Date.now() > end
      )(Date.now() + seconds * 1000);
    const baseline = summarize(await readPages(reader, deadline(SECONDS)));
    const answers = new Map<string, number>();
    const hostileUntil = deadline(SECONDS);
    const [hostileLatencies] = await Promise.all([
      readPages(reader, hostileUntil),
      attack(attacker, hostileUntil, answers),
      attack(attacker, hostileUntil, answers),
    ]);
    const hostile = summarize(hostileLatencies);
    const ratio = hostile.p95 / baseline.p95;
    console.log(`import-load: reader's pages, ${SECONDS} s each run`);
    console.log(`  baseline (alone):            ${formatSummary(baseline)}`);
    console.log(`  while hostile imports run:   ${formatSummary(hostile)}`);
    console.log(`  p95 ratio hostile/baseline:  ${ratio.toFixed(2)}`);
    for (const [key, count] of answers) console.log(`  upload ${key} × ${count}`);
    await saveResult("import-load", { seconds: SECONDS, baseline, hostile, ratio, answers: Object.fromEntries(answers) });
  } finally {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  }
}

await main();
process.exit(0);
