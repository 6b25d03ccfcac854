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

/** Prisma's unique-constraint violation, without importing the generated client's error classes. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
