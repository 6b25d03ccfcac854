// A clone has nothing beside it: no code, script or test may read a path outside the repository.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const FOLDERS = ["app", "bench", "components", "lib", "scripts", "tests", ".ci"];
const SKIP = new Set(["node_modules", "generated", ".next", "test-results"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe("the repository stands alone", () => {
  it("reads no file outside itself (the shared folder beside a working copy, or anything else)", () => {
    const outside = FOLDERS.flatMap((folder) => files(path.join(ROOT, folder)))
      .filter((file) => file !== __filename)
      .filter((file) => /(^|["'`/])\.\.\/(\.\.\/)*shared\b|shared\/seeds/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(ROOT, file));
    expect(outside).toEqual([]);
  });
});
