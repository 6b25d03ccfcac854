// `node --import tsx scripts/serve.ts`: Drill in production, the command its container runs (see the
// Dockerfile and README "Deploy"). Unlike `npm start` it prepares nothing locally and builds nothing:
// it checks the configuration (one clear line and exit 1 when something is wrong), migrates and
// seeds under the database's migration lock (N instances starting at once: one migrates, the others
// wait), then serves the built app. Every request is logged as one JSON line (request id, route,
// status, duration) and timed for /api/metrics. On SIGTERM or SIGINT it stops taking new requests,
// finishes the ones in flight within SHUTDOWN_GRACE_SECONDS, closes the database pool, exits 0.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";

import next from "next";

import { databaseConfig } from "../lib/server/database-url";
import { ConfigError, MissingSecretError, MissingSiteUrlError, serverEnv, type ServerEnv } from "../lib/server/env";
import { lifecycle, runShutdownHooks } from "../lib/server/lifecycle";
import { logger, routeOf } from "../lib/server/log";
import { metrics } from "../lib/server/metrics";
import { applyMigrations } from "./migrations/commands";
import { MigrationError } from "./migrations/engine";
import { withMigrationLock } from "./migrations/lock";

const root = path.resolve(import.meta.dirname, "..");

function fail(message: string): never {
  console.error(`✖ ${message.replace(/\n\s*-?\s*/g, " ")}`);
  process.exit(1);
}

/** The environment, checked: a bad or missing variable stops the start with one line naming it. */
function checkedConfig(): ServerEnv {
  let config: ServerEnv;
  try {
    config = serverEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (!config.AUTH_SECRET) fail(new MissingSecretError().message);
  if (!config.AUTH_URL) fail(new MissingSiteUrlError().message);
  return config;
}

const config = checkedConfig();
(process.env as Record<string, string>).NODE_ENV = "production";
const log = logger();

/** Migrations, then the decks in data/, once across instances: the others wait and find nothing to do. */
async function prepareDatabase(): Promise<void> {
  const database = databaseConfig();
  try {
    await withMigrationLock(database, async () => {
      const applied = await applyMigrations(database, root);
      log.info({ applied }, applied.length > 0 ? `applied ${applied.length} migration(s)` : "database schema is up to date");
      const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], {
        cwd: root,
        env: process.env,
        encoding: "utf8",
      });
      if (seed.status !== 0)
        throw new MigrationError(`seeding the decks in data/ failed: ${(seed.stderr || seed.stdout).trim().split("\n")[0]}`);
    });
  } catch (error) {
    // Never serve on a schema older than this code: no server without its migrations.
    if (error instanceof MigrationError) fail(`the database isn't ready: ${error.message}`);
    throw error;
  }
}

/** A caller's request id when it looks like one (a proxy's), else a fresh one. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
}

async function serve(): Promise<void> {
  await prepareDatabase();
  const app = next({ dev: false, dir: root, port: Number(config.PORT) });
  const handle = app.getRequestHandler();
  await app.prepare();

  let inFlight = 0;
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    // A request that arrives on an open connection while stopping is served, and the connection closed after it.
    if (lifecycle().draining) res.setHeader("connection", "close");
    inFlight++;
    res.once("close", () => {
      inFlight--;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req.url);
      metrics().requestSeconds.observe({ route, method: req.method ?? "GET", status: String(res.statusCode) }, seconds);
      log.info({ requestId, method: req.method, route, status: res.statusCode, durationMs: Math.round(seconds * 1000) }, "request");
    });
    handle(req, res).catch((error: unknown) => {
      log.error({ requestId, route: routeOf(req.url), err: error }, "request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    lifecycle().draining = true;
    log.info({ signal, inFlight }, "stopping: no new connections, finishing the requests in flight");
    server.close();
    const deadline = Date.now() + config.SHUTDOWN_GRACE_SECONDS * 1000;
    while (inFlight > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (inFlight > 0)
      log.warn({ inFlight }, `stopping: ${inFlight} request(s) still running after ${config.SHUTDOWN_GRACE_SECONDS}s, cut off`);
    server.closeAllConnections();
    await app.close().catch((error: unknown) => log.error({ err: error }, "closing Next failed"));
    for (const error of await runShutdownHooks()) log.error({ err: error }, "closing failed");
    log.info("stopped");
    log.flush(() => process.exit(0));
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));

  server.listen(Number(config.PORT), () => log.info({ port: Number(config.PORT) }, `Drill is serving on port ${config.PORT}`));
}

await serve();
