// The environment the end-to-end tests' server runs in (playwright.config.ts), and the build made
// ahead of it (tests/e2e/build.ts) sees the same one, so the server finds that build current.
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

export const e2eServerEnv = {
  PORT: String(e2ePort),
  DATABASE_URL: "file:./var/e2e/drill.db",
  MAIL_DIR: "var/e2e/mail",
  AUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789",
  // npm test type-checked everything before this build (next.config.mjs)
  DRILL_BUILD_TYPECHECK: "0",
};
