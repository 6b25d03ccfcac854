// `npm ci --omit=dev && npm start` must work: start builds the app and runs the db scripts, so
// everything they import, and the toolchain the build uses, is a production dependency.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "generated" || name === "node_modules") return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|tsx|mts|mjs|css)$/.test(name) ? [full] : [];
  });
}

/** "next/link" -> "next", "@prisma/client/x" -> "@prisma/client". */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function importedPackages(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const statements =
    /^\s*(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|^@(?:import|plugin)\s+["']([^"']+)["']/gm;
  const found = [...text.matchAll(statements)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!)
    .filter((s) => !s.startsWith(".") && !s.startsWith("@/") && !s.startsWith("node:") && !builtinModules.includes(s));
  return found.map(packageOf);
}

describe("a production install can start the app", () => {
  // What `npm start` runs: the start and db scripts, the seed, next build of app/, components/, lib/.
  const files = [
    ...["app", "components", "lib", "scripts"].flatMap((dir) => sources(path.join(ROOT, dir))),
    ...["next.config.mjs", "postcss.config.mjs", "prisma.config.ts"].map((f) => path.join(ROOT, f)),
  ];

  it("has every package the app, its build and its scripts import in dependencies", () => {
    const missing = new Set<string>();
    for (const file of files) {
      for (const name of importedPackages(file)) {
        // A package that ships no types of its own is typed by @types/<name> (import type { Root } from "hast").
        const typesOnly = `@types/${name.replace(/^@/, "").replace("/", "__")}`;
        if (!pkg.dependencies[name] && !pkg.dependencies[typesOnly]) missing.add(`${name} (${path.relative(ROOT, file)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("has the tools the start, db and install scripts run, and the build's type checker", () => {
    // tsx runs the scripts; next build type-checks with TypeScript and the type packages.
    const tools = ["tsx", "typescript", "@types/node", "@types/react", "@types/react-dom", "@types/better-sqlite3", "@types/pg"];
    for (const script of ["start", "postinstall", "db:migrate"]) expect(pkg.scripts[script]).toContain("tsx");
    expect(tools.filter((tool) => !pkg.dependencies[tool])).toEqual([]);
  });
});
