// End-to-end tests: the production build on a fresh SQLite database, driven in Debian's Chromium
// (Playwright's own browser download can't work here).
import { defineConfig, devices } from "@playwright/test";
import { e2ePort as port, e2eServerEnv } from "./tests/e2e/server-env";

// Requests a service worker makes go through context.route too (Chromium; experimental in Playwright),
// so offline.spec.ts can slow the server down behind the worker.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= "1";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? "line" : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    // The service worker is tested on its own (offline.spec.ts); elsewhere it would stand between
    // the page and the request routes the tests use to cut the server off.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // npm start's own path: migrate, seed, build when stale, serve, on a throwaway database.
    command: "rm -rf var/e2e && node --import tsx scripts/start.ts",
    url: `http://localhost:${port}`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: e2eServerEnv,
  },
});
