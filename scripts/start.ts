// `npm start`: the one command that takes a fresh clone to a running app. It prepares the local
// environment (session secret, SQLite file), applies pending migrations, seeds the decks in data/,
// builds the app when the sources changed since the last build, and serves it on PORT (default 3000).
// `npm run dev` does the same preparation and runs the development server instead.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deleteExpiredMailFiles, mailFilesNotice } from "../lib/server/mail-files";
import { ConfigError, MissingSecretError, MissingSiteUrlError, serverEnv, siteOriginOf, type ServerEnv } from "../lib/server/env";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const secretFile = path.join(root, "var", "auth-secret");
const vapidFile = path.join(root, "var", "vapid-keys.json");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** `read()`, or one clear line and exit 1 when it throws a configuration error of `kind`. */
function orFail<T>(read: () => T, kind: new (...args: never[]) => Error): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof kind) fail(error.message);
    throw error;
  }
}

/** The environment, checked before anything else runs: bad configuration stops here, clearly. */
const checkedEnv = (): ServerEnv => orFail(() => serverEnv(process.env), ConfigError);

const config = checkedEnv();

/** AUTH_SECRET from the environment, or in local use a generated one kept in var/ (git-ignored). */
function sessionSecret(): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.NODE_ENV === "production") fail(new MissingSecretError().message);
  if (existsSync(secretFile)) return readFileSync(secretFile, "utf8").trim();
  mkdirSync(path.dirname(secretFile), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  console.log("• Generated a development session secret in var/auth-secret");
  return secret;
}

/**
 * The web-push key pair (VAPID) reminders are signed with: from the environment, or generated on the
 * first start and kept in var/ (git-ignored) like the session secret, since every browser's push
 * subscription is bound to the public key and a new pair would silence them all.
 */
async function pushKeys(): Promise<{ VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string }> {
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY)
    return { VAPID_PUBLIC_KEY: config.VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: config.VAPID_PRIVATE_KEY };
  if (existsSync(vapidFile)) {
    const kept = JSON.parse(readFileSync(vapidFile, "utf8")) as { publicKey: string; privateKey: string };
    return { VAPID_PUBLIC_KEY: kept.publicKey, VAPID_PRIVATE_KEY: kept.privateKey };
  }
  const { default: webpush } = await import("web-push");
  const keys = webpush.generateVAPIDKeys();
  mkdirSync(path.dirname(vapidFile), { recursive: true });
  writeFileSync(vapidFile, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  console.log("• Generated the web-push key pair in var/vapid-keys.json");
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
}

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  console.log(`• ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) fail(`${label} failed (see above).`);
}

/** The newest modification time among the files that go into a build. */
function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full) : stat.mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "worker"].map((d) => newestSource(path.join(root, d)));
  const configs = ["next.config.mjs", "package-lock.json", "postcss.config.mjs"]
    .map((f) => path.join(root, f))
    .filter(existsSync)
    .map((f) => statSync(f).mtimeMs);
  return Math.max(...sources, ...configs) < built;
}

/** AUTH_URL from the environment (required in production), or in local use the address served below. */
const siteUrl = (): string => orFail(() => siteOriginOf(process.env), MissingSiteUrlError);

// Without SMTP, mail lands on this disk with working links in it: say so, and drop expired files.
if (!config.SMTP_URL) {
  console.log(`• ${mailFilesNotice(config.MAIL_DIR)}`);
  deleteExpiredMailFiles(path.resolve(root, config.MAIL_DIR));
}

// The server runs with NODE_ENV=production even in local use, so it gets the local address spelt out.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: sessionSecret(),
  AUTH_URL: config.AUTH_URL ?? siteUrl(),
  ...(await pushKeys()),
};
const port = config.PORT;

run("Applying database migrations", process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], env);
run("Seeding decks from data/", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], env);

const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!dev) {
  if (buildIsCurrent()) console.log("• Build is up to date");
  else {
    run("Bundling the service worker", process.execPath, ["--import", "tsx", "scripts/build-sw.ts"], env);
    run("Building the app", process.execPath, [next, "build"], { ...env, NODE_ENV: "production" });
  }
}

// `--prepare`: the setup steps alone (secret, migrations, seed, build), for tools that start the
// server themselves. DRILL_SERVER_NODE_ARGS: extra Node flags for the server process (the HTTP
// benchmark's --profile passes --cpu-prof, which NODE_OPTIONS refuses).
if (process.argv.includes("--prepare")) process.exit(0);
// --liftoff-only: WebAssembly (Prisma's query compiler) stays on V8's baseline compiler. Tiering
// its hot functions up to the optimizing compiler took ~60 MiB of memory and more CPU than it saved
// (bench/README.md, "Memory").
const serverNodeArgs = ["--liftoff-only"];
const nodeArgs = [...serverNodeArgs, ...config.DRILL_SERVER_NODE_ARGS];
console.log(`• Starting Drill on http://localhost:${port}`);
const server = spawn(process.execPath, [...nodeArgs, next, dev ? "dev" : "start", "--port", port], {
  cwd: root,
  env: dev ? env : { ...env, NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
