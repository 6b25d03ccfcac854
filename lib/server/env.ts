// Server environment, checked in one place.

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
 * AUTH_SECRET (scripts/local-env.ts); in production it must come from the environment.
 */
export function authSecret(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const secret = env.AUTH_SECRET?.trim();
  if (!secret && env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build") {
    throw new MissingSecretError();
  }
  return secret || undefined;
}

/** OAuth sign-in appears only for providers whose id and secret are both set. */
export function oauthProviders(env: Readonly<Record<string, string | undefined>> = process.env): { github: boolean; google: boolean } {
  return {
    github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
    google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
  };
}
