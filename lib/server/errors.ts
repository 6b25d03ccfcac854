// Expected failures as values: a domain function throws an AppError with a code; the action wrapper
// turns it into a form message. Anything else is a bug and goes to error.tsx.

export type AppErrorCode = "invalid" | "not_found" | "conflict" | "rate_limited" | "unauthenticated";

/** HTTP status for each code, for route handlers (one place, so routes and actions agree). */
export const statusOf: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** What a user may not see answers exactly like what does not exist. */
export function notFound(what = "That"): AppError {
  return new AppError("not_found", `${what} was not found.`);
}

/**
 * Prisma's unique-constraint violation, without importing the generated client's error classes:
 * P2002 from the query API, or a raw query's failure (P2010) whose driver error says so.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}
