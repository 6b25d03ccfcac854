// Production instances for end-to-end tests: the container's own command (scripts/serve.ts) on the
// build the Playwright web server made, a fresh PostgreSQL schema per run, and a TCP proxy in front
// of PostgreSQL that a test can cut to "stop" the database without touching the shared server.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";

/** The command the image runs (Dockerfile CMD); tests/unit/deploy.test.ts checks they are the same. */
export const SERVE_COMMAND = ["node", "--import", "tsx", "scripts/serve.ts"] as const;

export const AUTH_SECRET = randomBytes(32).toString("base64url");
export const METRICS_TOKEN = randomBytes(24).toString("hex");

/** The PostgreSQL server CI starts (.ci/run sets TEST_POSTGRES_URL); these tests need one. */
export function postgresServerUrl(): string {
  const url = [process.env.TEST_POSTGRES_URL, process.env.DATABASE_URL].find((u) => u?.match(/^postgres(ql)?:\/\//));
  if (!url) throw new Error("production.spec.ts needs a PostgreSQL server: set TEST_POSTGRES_URL=postgresql://user@host:port/db");
  return url;
}

/** An empty schema of its own on the server (Prisma's ?schema=), dropped by the returned function. */
export async function emptySchema(serverUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await admin.end();
  const url = new URL(serverUrl);
  url.searchParams.set("schema", name);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await c.end();
    },
  };
}

export interface Instance {
  port: number;
  base: string;
  process: ChildProcess;
  /** Everything it wrote, stdout and stderr. */
  output: () => string;
  exited: Promise<number | null>;
}

export function startInstance(port: number, env: Record<string, string>): Instance {
  const [, ...args] = SERVE_COMMAND;
  let output = "";
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      AUTH_SECRET,
      AUTH_URL: `http://127.0.0.1:${port}`,
      METRICS_TOKEN,
      SHUTDOWN_GRACE_SECONDS: "10",
      MAIL_DIR: "var/e2e/mail",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { port, base: `http://127.0.0.1:${port}`, process: child, output: () => output, exited };
}

/** Waits until GET path answers `status` (or the instance exits, which fails). */
export async function waitFor(instance: Instance, path: string, status: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null) throw new Error(`instance on ${instance.port} exited:\n${instance.output()}`);
    try {
      if ((await fetch(`${instance.base}${path}`)).status === status) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${instance.base}${path} did not answer ${status} in time:\n${instance.output()}`);
}

export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.process.exitCode !== null) return;
  instance.process.kill("SIGTERM");
  const timer = setTimeout(() => instance.process.kill("SIGKILL"), 20_000);
  await instance.exited;
  clearTimeout(timer);
}

/** A TCP proxy to `target` that can be stopped (connections cut, port refused) and started again. */
export class CutProxy {
  private server: net.Server | undefined;
  private sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("error", () => undefined);
        s.on("close", () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
