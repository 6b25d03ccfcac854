// Structured JSON logs (pino), one line per event, for a host's log collector. Fields that may hold
// a secret or a learner's words are replaced by "[redacted]" wherever they appear, at the top level
// or one object down, so a careless `log.info({ body })` still can't leak them.
import pino, { type DestinationStream, type Logger } from "pino";

/** Keys never written out: credentials, session material, and answer text. */
export const REDACTED_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  "csrfToken",
  "secret",
  "cookie",
  "set-cookie",
  "authorization",
  "answer",
  "back",
] as const;

const paths = REDACTED_KEYS.flatMap((key) => {
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const child = safe.startsWith("[") ? `*${safe}` : `*.${safe}`;
  return [safe, child];
});

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths, censor: "[redacted]" },
    },
    options.destination,
  );
}

const store = globalThis as unknown as { drillLogger?: Logger };

/** The process's logger (shared by the server script and the app's bundles). Level: LOG_LEVEL. */
export function logger(): Logger {
  store.drillLogger ??= createLogger({ level: process.env.LOG_LEVEL?.trim() || "info" });
  return store.drillLogger;
}

/**
 * A request's path as a route label: no query string (reset links carry tokens there), and path
 * segments that look like ids or tokens collapsed to ":id", so labels stay few and say nothing
 * about a user.
 */
export function routeOf(url: string | undefined): string {
  const pathname = (url ?? "/").split(/[?#]/)[0] ?? "/";
  if (pathname.startsWith("/_next/")) return "/_next/*";
  const segments = pathname
    .split("/")
    .filter(Boolean)
    .slice(0, 6)
    .map((segment) => ((/\d/.test(segment) && segment.length >= 8) || segment.length > 40 ? ":id" : segment));
  return `/${segments.join("/")}`;
}
