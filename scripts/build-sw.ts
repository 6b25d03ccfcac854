// Bundles the service worker (worker/sw.ts, with serwist) into public/sw.js, which the app serves
// from its root so the worker's scope is the whole site. Runs before every production build.
import path from "node:path";
import { buildSync } from "esbuild";

const root = path.join(import.meta.dirname, "..");
buildSync({
  entryPoints: [path.join(root, "worker", "sw.ts")],
  outfile: path.join(root, "public", "sw.js"),
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2022",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
});
console.log("• Service worker bundled to public/sw.js");
