// Drill's environment: every variable the app and its scripts read, checked with zod in this one
// module and documented in the README's Configuration table. Each reader takes the environment
// as a parameter (process.env by default) so tests pass their own. Imported by scripts/start.ts
// and scripts/db.ts as well as the app, so it must not import Next or Prisma.
import { z } from "zod";

export type Env = Readonly<Record<string, string | undefined>>;

/** A variable that is unset, empty or only spaces reads as unset. */
const text = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/** An http(s) URL, for addresses people and browsers reach. */
const httpUrl = (example: string) =>
  text.refine((value) => value === undefined || /^https?:$/.test(parsedUrl(value)?.protocol ?? ""), {
    message: `must be an http:// or https:// address, like ${example}`,
  });

function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const envSchema = z.object({
  // Set by Node tooling and Next; read for "is this production?" only.
  NODE_ENV: text,
  NEXT_PHASE: text,
  DATABASE_URL: text.refine(
    (value) => value === undefined || value.startsWith("file:") || (/^postgres(ql)?:\/\//.test(value) && parsedUrl(value) !== undefined),
    { message: "must start with file: (SQLite) or postgres:// (PostgreSQL)" },
  ),
  AUTH_SECRET: text,
  AUTH_URL: httpUrl("https://drill.example"),
  AUTH_GITHUB_ID: text,
  AUTH_GITHUB_SECRET: text,
  AUTH_GOOGLE_ID: text,
  AUTH_GOOGLE_SECRET: text,
  SMTP_URL: text.refine((value) => value === undefined || /^smtps?:$/.test(parsedUrl(value)?.protocol ?? ""), {
    message: "must be an smtp:// or smtps:// URL, like smtps://user:pass@smtp.example:465",
  }),
  MAIL_FROM: text.transform((value) => value ?? "Drill <no-reply@drill.invalid>"),
  MAIL_DIR: text.transform((value) => value ?? "var/mail"),
  // Web push's VAPID key pair (base64url, as web-push makes them): scripts/start.ts generates and keeps
  // one in var/ when unset; without them, reminders go by email only.
  VAPID_PUBLIC_KEY: text,
  VAPID_PRIVATE_KEY: text,
  PORT: text
    .refine((value) => value === undefined || (/^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65535), {
      message: "must be a number from 1 to 65535",
    })
    .transform((value) => value ?? "3000"),
  // Extra Node flags for the server process (scripts/start.ts), space-separated.
  DRILL_SERVER_NODE_ARGS: text.transform((value) => value?.split(" ").filter(Boolean) ?? []),
  // For `npm run db:check`: a PostgreSQL server to try the PostgreSQL migrations on.
  SHADOW_DATABASE_URL: text.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
    message: "must be a postgres:// URL (a scratch schema is created there and dropped)",
  }),
  // FSRS fits one instance runs at once (each uses every core while it runs); more wait in the queue.
  FIT_CONCURRENCY: text
    .refine((value) => value === undefined || (/^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= 16), {
      message: "must be a number from 1 to 16",
    })
    .transform((value) => Number(value ?? "1")),
  // Production operations (scripts/serve.ts, /api/metrics; README "Deploy").
  METRICS_TOKEN: text.refine((value) => value === undefined || value.length >= 16, {
    message: "must be at least 16 characters (generate one with `openssl rand -hex 24`)",
  }),
  SHUTDOWN_GRACE_SECONDS: text
    .refine((value) => value === undefined || (/^\d{1,3}$/.test(value) && Number(value) >= 1), {
      message: "must be a number of seconds from 1 to 999",
    })
    .transform((value) => Number(value ?? "20")),
  LOG_LEVEL: text.refine((value) => value === undefined || ["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(value), {
    message: "must be one of fatal, error, warn, info, debug, trace, silent",
  }),
  // The db scripts print stacks and the schema engine's log when set.
  DEBUG: text.transform(Boolean),
});

export type ServerEnv = z.infer<typeof envSchema>;

/** Bad configuration, with one line per variable saying what is wrong (values are never echoed). */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Drill's configuration has ${problems.length === 1 ? "a problem" : "problems"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The environment, checked: throws a ConfigError naming every bad variable. */
export function serverEnv(env: Env = process.env): ServerEnv {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

export class MissingSecretError extends Error {
  constructor() {
    super(
      "AUTH_SECRET is not set. In production Drill needs a stable secret to sign sessions: " +
        "generate one with `openssl rand -base64 32` and set AUTH_SECRET in the environment.",
    );
    this.name = "MissingSecretError";
  }
}

/**
 * The session-signing secret. `npm start` and `npm run dev` put a generated development secret in
 * AUTH_SECRET (scripts/start.ts); in production it must come from the environment.
 */
export function authSecret(env: Env = process.env): string | undefined {
  const { AUTH_SECRET, NODE_ENV, NEXT_PHASE } = serverEnv(env);
  if (!AUTH_SECRET && NODE_ENV === "production" && NEXT_PHASE !== "phase-production-build") throw new MissingSecretError();
  return AUTH_SECRET;
}

/** OAuth sign-in appears only for providers whose id and secret are both set. */
export function oauthProviders(env: Env = process.env): { github: boolean; google: boolean } {
  const e = serverEnv(env);
  return {
    github: Boolean(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET),
    google: Boolean(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET),
  };
}

export class MissingSiteUrlError extends Error {
  constructor() {
    super(
      "AUTH_URL is not set. In production Drill needs the address people reach it at, like " +
        "https://drill.example: the links in its mail (password reset, sign-up, invitations) are made from it, " +
        "never from a request's Host headers, which anyone can forge. Set AUTH_URL in the environment.",
    );
    this.name = "MissingSiteUrlError";
  }
}

/**
 * The site's origin, for links in mail and invites: AUTH_URL, required in production; in local use,
 * the address the server listens on. Never the request's Host or X-Forwarded-Host headers: a forged
 * one would put a genuine reset token in a link to someone else's host.
 */
export function siteOriginOf(env: Env = process.env): string {
  const { AUTH_URL, NODE_ENV, NEXT_PHASE, PORT } = serverEnv(env);
  if (AUTH_URL) return new URL(AUTH_URL).origin;
  if (NODE_ENV === "production" && NEXT_PHASE !== "phase-production-build") throw new MissingSiteUrlError();
  return `http://localhost:${PORT}`;
}

/** Whether people reach the site over HTTPS (AUTH_URL says so): then browsers are told to keep to it (HSTS). */
export function servedOverHttps(env: Env = process.env): boolean {
  return serverEnv(env).AUTH_URL?.startsWith("https:") ?? false;
}

export interface MailSettings {
  /** Send through this SMTP server; unset: write each mail to `dir` and the log. */
  smtpUrl: string | undefined;
  from: string;
  /** Relative to the working directory. */
  dir: string;
}

export function mailSettings(env: Env = process.env): MailSettings {
  const e = serverEnv(env);
  return { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, dir: e.MAIL_DIR };
}

/** How many FSRS fits this instance runs at once (FIT_CONCURRENCY, default 1). */
export function fitConcurrency(env: Env = process.env): number {
  return serverEnv(env).FIT_CONCURRENCY;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The web-push key pair, or null when none is configured (push reminders are then unavailable). */
export function vapidKeys(env: Env = process.env): VapidKeys | null {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = serverEnv(env);
  return VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY ? { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY } : null;
}
