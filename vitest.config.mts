// Unit tests: pure modules. Integration tests: the domain modules against a real database, once on
// SQLite and, when DATABASE_URL (or TEST_POSTGRES_URL) names a PostgreSQL server, again on PostgreSQL.
import path from "node:path";
import { defineConfig } from "vitest/config";

const postgresUrl = [process.env.TEST_POSTGRES_URL, process.env.DATABASE_URL].find((url) => url?.match(/^postgres(ql)?:\/\//));

// `server-only` throws outside React's server bundles; tests call server modules directly, as the
// server does, so they get its empty build.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

function integration(engine: "sqlite" | "postgresql", serverUrl: string) {
  return {
    resolve: { alias },
    test: {
      name: `integration-${engine}`,
      include: ["tests/integration/**/*.test.ts"],
      environment: "node",
      globalSetup: ["tests/setup/database.ts"],
      setupFiles: ["tests/setup/database-env.ts"],
      provide: { engine, serverUrl },
      // One database per engine: test files run one after another so their data can't collide.
      fileParallelism: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
        // inlined, Vite resolves it as Next's own bundler does.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", server: { deps: { inline: ["next-auth"] } } },
      },
      integration("sqlite", "file:./var/test/integration.db"),
      ...(postgresUrl ? [integration("postgresql", postgresUrl)] : []),
    ],
  },
});
