// Benchmark: a page's first-load JavaScript, from a production build's manifests: the chunks the
// route's client components need plus the framework's root chunks, raw and gzipped. With --root, the
// same figure for another checkout's build (say, the commit before a change), and the ratio.
//
//   node --import tsx bench/page-js.ts [--route /study] [--root DIR]
//
// Both checkouts must have been built (npm start or npm run build) from the code being compared.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./common";

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const route = option("route") ?? "/study";
const base = option("root");

interface PageJs {
  files: number;
  raw: number;
  gzip: number;
}

function firstLoadJs(root: string): PageJs {
  const dir = path.join(root, ".next/server/app", route, "page");
  // The client reference manifest is a script that assigns to globalThis.__RSC_MANIFEST.
  const holder: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  new Function("globalThis", "self", readFileSync(`${dir}_client-reference-manifest.js`, "utf8"))(holder, holder);
  const manifest = holder.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest) throw new Error(`no client manifest for ${route} in ${root}: build it first`);
  const files = new Set(Object.values(manifest.entryJSFiles ?? {}).flat());
  const build = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  for (const file of build.rootMainFiles) files.add(file);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(root, ".next", file.replace(/^\/?_next\//, "")));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: files.size, raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const show = (label: string, js: PageJs) =>
  console.log(`  ${label.padEnd(10)} ${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped`);
console.log(`first-load JS of ${route}`);
const here = firstLoadJs(ROOT);
if (base) {
  const before = firstLoadJs(path.resolve(base));
  show("baseline", before);
  show("this", here);
  console.log(`  ratio (gzipped) ${(here.gzip / before.gzip).toFixed(3)}x`);
} else show("this", here);
