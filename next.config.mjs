// Next's configuration. Plain JavaScript (types from JSDoc) rather than next.config.ts: with a .ts
// config, `next start` loads the TypeScript compiler to read it, ~25 MiB of the server's memory
// for as long as it runs (bench/README.md, "Memory").

// The Content Security Policy is set per request, with a script nonce, by proxy.ts.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The container image (Dockerfile) ships Next's standalone output; `npm start` builds as before.
  ...(process.env.DRILL_STANDALONE === "1" && { output: "standalone" }),
  typedRoutes: true,
  // The largest thing an action takes is a deck file of up to 2 MB (lib/decks/schema.ts); with room
  // for the form around it, 3 MB. Every action's own schema bounds each field far below this.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // The build checks the app's own code; npm test type-checks everything, tests included, before
  // its end-to-end tests build the app, so that build skips the check (DRILL_BUILD_TYPECHECK=0 in
  // playwright.config.ts: about a minute of CI on two cores).
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.DRILL_BUILD_TYPECHECK === "0" },
  // Native and WebAssembly modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "pg-boss",
    "@prisma/schema-engine-wasm",
    "@open-spaced-repetition/binding-linux-x64-gnu",
    // One copy shared with scripts/serve.ts, which loads them from node_modules too.
    "pino",
    "prom-client",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
