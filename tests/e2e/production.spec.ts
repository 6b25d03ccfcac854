// Production instances on one PostgreSQL, started with the container's command (scripts/serve.ts) on
// the build the web server made: started together on an empty schema they migrate once and both
// become ready; /api/ready follows the database down and back; logs are JSON without secrets;
// metrics need the token; SIGTERM under rating load loses and doubles nothing; bad configuration
// stops a start with one line.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { CutProxy, emptySchema, type Instance, METRICS_TOKEN, postgresServerUrl, startInstance, stopInstance, waitFor } from "./instances";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PASSWORD = "production-password-7f3a";
const serverUrl = postgresServerUrl();
const schemaName = `drill_prod_${process.pid}`;
let schema: Awaited<ReturnType<typeof emptySchema>>;
let database: pg.Client;
let proxy: CutProxy;
let a: Instance;
let b: Instance;

const query = async <T>(sql: string, values: unknown[] = []): Promise<T[]> => (await database.query(sql, values)).rows as T[];

test.beforeAll(async () => {
  // Two production starts (migrate, seed, load the build) on a shared machine: give them time.
  test.setTimeout(180_000);
  schema = await emptySchema(serverUrl, schemaName);
  const server = new URL(serverUrl);
  proxy = new CutProxy(3219, { host: server.hostname, port: Number(server.port || 5432) });
  await proxy.start();
  const viaProxy = new URL(schema.url);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  // At the same moment, on the same empty schema: A through the proxy (so its database can be "stopped"), B directly.
  a = startInstance(3210, { DATABASE_URL: viaProxy.toString() });
  b = startInstance(3211, { DATABASE_URL: schema.url });
  await Promise.all([waitFor(a, "/api/ready", 200), waitFor(b, "/api/ready", 200)]);
  database = new pg.Client({ connectionString: serverUrl, options: `-c search_path=${schemaName}` });
  await database.connect();
});

test.afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map(stopInstance));
  await database?.end();
  await proxy?.stop();
  await schema?.drop();
});

test("two instances started together on an empty database apply the migrations once and both serve", async () => {
  const folders = readdirSync("prisma/postgres/migrations", { withFileTypes: true }).filter((e) => e.isDirectory());
  const rows = await query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations`);
  expect(rows.length).toBe(folders.length);
  expect(new Set(rows.map((r) => r.migration_name)).size).toBe(folders.length);
  // One instance did the work, the other waited for the lock and found nothing to do.
  const applied = [a, b].filter((i) => i.output().includes(`"msg":"applied ${folders.length} migration(s)"`));
  const upToDate = [a, b].filter((i) => i.output().includes(`"msg":"database schema is up to date"`));
  expect(applied.length).toBe(1);
  expect(upToDate.length).toBe(1);
  for (const instance of [a, b]) {
    const res = await fetch(`${instance.base}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  }
});

test("/api/ready answers 503 while the database is stopped and 200 after it returns; /api/health stays 200", async () => {
  await proxy.stop();
  await waitFor(a, "/api/ready", 503, 30_000);
  const down = await fetch(`${a.base}/api/ready`);
  expect(down.status).toBe(503);
  expect(((await down.json()) as { reason: string }).reason).toMatch(/^database unavailable/);
  expect((await fetch(`${a.base}/api/health`)).status).toBe(200);
  await proxy.start();
  await waitFor(a, "/api/ready", 200, 30_000);
});

// ---------- accounts and ratings over HTTP ----------

type Learner = { id: string; email: string; cookie: string };

async function makeLearners(count: number): Promise<{ learners: Learner[]; cardIds: string[] }> {
  const [deck] = await query<{ id: string }>(`SELECT id FROM "Deck" WHERE slug = 'python-interview-questions'`);
  const cardIds = (await query<{ id: string }>(`SELECT id FROM "Card" WHERE "deckId" = $1 AND "retiredAt" IS NULL`, [deck!.id])).map(
    (c) => c.id,
  );
  const passwordHash = await hash(PASSWORD);
  const learners: Learner[] = [];
  for (let i = 0; i < count; i++) {
    const id = `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;
    const email = `prod-${randomUUID().slice(0, 8)}@example.test`;
    await query(`INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now())`, [
      id,
      email,
      `Learner ${i}`,
      passwordHash,
    ]);
    await query(`INSERT INTO "DeckStudy" ("userId", "deckId", "addedAt") VALUES ($1, $2, now())`, [id, deck!.id]);
    learners.push({ id, email, cookie: await signIn(a, email) });
  }
  return { learners, cardIds };
}

function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
}

async function signIn(instance: Instance, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${instance.base}/api/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${instance.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${instance.base}/` }),
  });
  keepCookies(jar, res);
  expect([...jar.keys()].some((k) => k.endsWith("authjs.session-token"))).toBe(true);
  return cookie();
}

type Result = { status: string; card?: { version: number } };

async function rate(instance: Instance, cookie: string, body: object): Promise<Result> {
  const res = await fetch(`${instance.base}/api/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ ratings: [body] }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { results: Result[] }).results[0]!;
}

test("logs are one JSON line per request without passwords, cookies or answers; metrics need the token", async () => {
  const { learners, cardIds } = await makeLearners(1);
  const learner = learners[0]!;
  const result = await rate(a, learner.cookie, {
    clientId: randomUUID(),
    cardId: cardIds[0],
    rating: 3,
    expectedVersion: 0,
    durationMs: 4000,
  });
  expect(result.status).toBe("saved");

  // The line is written when the response has closed, a moment after the client has it.
  const ratingLine = () =>
    a
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === "request" && l.route === "/api/reviews" && l.method === "POST");
  await expect.poll(ratingLine).toBeDefined();
  const rating = ratingLine();
  expect(rating).toMatchObject({ status: 200, route: "/api/reviews" });
  expect(typeof rating!.requestId).toBe("string");
  expect(typeof rating!.durationMs).toBe("number");
  const sessionValue = learner.cookie
    .split("; ")
    .find((c) => c.includes("session-token"))!
    .split("=")[1]!;
  const [answer] = await query<{ back: string }>(`SELECT back FROM "Card" WHERE id = $1`, [cardIds[0]]);
  for (const secret of [PASSWORD, sessionValue, answer!.back.slice(0, 40)]) expect(a.output()).not.toContain(secret);

  expect((await fetch(`${a.base}/api/metrics`)).status).toBe(401);
  expect((await fetch(`${a.base}/api/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status).toBe(401);
  const scraped = await fetch(`${a.base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scraped.status).toBe(200);
  const text = await scraped.text();
  expect(text).toMatch(/^drill_ratings_saved_total [1-9]/m);
  expect(text).toMatch(/^drill_rating_duration_seconds_count [1-9]/m);
  expect(text).toMatch(/^drill_http_request_duration_seconds_count\{route="\/api\/reviews",method="POST",status="200"\} [1-9]/m);
  expect(text).toMatch(/^drill_db_pool_connections\{state="total"\} \d/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d/m);
});

test("SIGTERM to one of two instances under rating load: it exits 0, and every accepted rating is stored exactly once", async () => {
  const { learners, cardIds } = await makeLearners(6);
  const accepted = new Set<string>();
  const sent = new Set<string>();
  let failedForGood = 0;
  let stopAt = Infinity;
  let servedByA = 0;

  /** One rating, retried on the other instance after a failure, as the outbox would (same client id). */
  async function send(learner: Learner, body: { clientId: string }, first: number): Promise<Result | null> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const instance = [a, b][(first + attempt) % 2]!;
      try {
        const result = await rate(instance, learner.cookie, body);
        if (instance === a) servedByA++;
        return result;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
      }
    }
    return null;
  }

  async function learnerLoop(learner: Learner, index: number): Promise<void> {
    const versions = new Map(cardIds.map((id) => [id, 0]));
    for (let n = 0; Date.now() < stopAt; n++) {
      const cardId = cardIds[(n + index * 7) % cardIds.length]!;
      const body = {
        clientId: randomUUID(),
        cardId,
        rating: [1, 3, 3, 4][n % 4]!,
        expectedVersion: versions.get(cardId)!,
        durationMs: 3000,
      };
      sent.add(body.clientId);
      const result = await send(learner, body, n + index);
      if (!result) failedForGood++;
      else if (result.status === "saved" || result.status === "duplicate") accepted.add(body.clientId);
      if (result?.card) versions.set(cardId, result.card.version);
    }
  }

  const load = Promise.all(learners.map((l, i) => learnerLoop(l, i)));
  // Mid-load: once A has served some ratings, stop it; B takes the rest for a while.
  while (servedByA < 30) await new Promise((resolve) => setTimeout(resolve, 20));
  a.process.kill("SIGTERM");
  const code = await a.exited;
  const acceptedAtStop = accepted.size;
  stopAt = Date.now() + 2_000;
  await load;

  expect(code).toBe(0);
  expect(a.output()).toContain('"msg":"stopped"');
  expect(failedForGood).toBe(0);
  expect(accepted.size).toBeGreaterThan(acceptedAtStop);
  const rows = await query<{ clientId: string; n: string }>(
    `SELECT "clientId", count(*) AS n FROM "ReviewLog" WHERE "userId" = ANY($1) GROUP BY "clientId"`,
    [learners.map((l) => l.id)],
  );
  const stored = new Map(rows.map((r) => [r.clientId, Number(r.n)]));
  expect([...accepted].filter((id) => stored.get(id) !== 1)).toEqual([]);
  expect([...stored.keys()].filter((id) => !sent.has(id))).toEqual([]);
  expect([...stored.values()].every((n) => n === 1)).toBe(true);
});

test("bad configuration stops a start with one clear line, not a stack trace", async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ DATABASE_URL: "mysql://nope" }, /DATABASE_URL must start with file: \(SQLite\) or postgres:\/\/ \(PostgreSQL\)/],
    [
      { DATABASE_URL: "postgresql://drill:hunter2-secret@127.0.0.1:9/drill" },
      /cannot reach the PostgreSQL server at 127\.0\.0\.1:9\/drill \(ECONNREFUSED\)/,
    ],
    [{ DATABASE_URL: schema.url, AUTH_SECRET: "" }, /AUTH_SECRET is not set/],
  ];
  for (const [env, message] of cases) {
    const instance = startInstance(3212, env);
    expect(await instance.exited).toBe(1);
    const output = instance.output().trim();
    expect(output).toMatch(message);
    expect(output.split("\n")).toHaveLength(1);
    expect(output).not.toContain("hunter2-secret");
    expect(output).not.toMatch(/^\s+at /m);
  }
});
