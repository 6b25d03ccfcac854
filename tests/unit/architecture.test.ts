// The lint rules that keep lib/'s layers (lib/architecture.mjs) can fail: each import here goes up a
// layer, sideways inside one, or closes a loop, and lint must refuse it; the allowed ones must pass.
// ESLint runs with the architecture rules of eslint.config.mjs only (the type-aware rules would
// need a whole TypeScript program and add nothing here).
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- the lint config is plain JavaScript (ESLint loads it as is), without types.
import rawConfig, { architecture as rawArchitecture } from "@/eslint.config.mjs";

const config = rawConfig as Linter.Config[];
const architecture = rawArchitecture as Linter.Config[];

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tseslint.parser } }, ...architecture],
});

/** The rules that fail when `code` is the content of `file`. */
async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.map((m) => m.ruleId ?? "");
}

describe("the architecture lint", () => {
  it("is part of the project's lint config", () => {
    for (const block of architecture) expect(config).toContain(block);
  });

  it.each([
    ["infrastructure importing a domain", "lib/server/x.ts", 'import { currentUser } from "../accounts/auth";'],
    ["decks importing review (the loop there was)", "lib/decks/x.ts", 'import { loadStudySession } from "../review/session";'],
    ["review importing a read model above it", "lib/review/x.ts", 'import { getToday } from "@/lib/views/today";'],
    ["a pure engine importing its neighbour", "lib/scheduling/x.ts", 'import { renderMarkdown } from "../markdown/render";'],
    ["a shared root file importing a domain", "lib/x.ts", 'import { can } from "./decks/access";'],
    ["lib/ importing a server action", "lib/review/x.ts", 'import { suspendCardAction } from "@/app/study/actions";'],
    ["a component importing a page", "components/x.tsx", 'import Page from "@/app/study/page";'],
  ])("refuses %s", async (_, file, code) => {
    expect(await refusals(file, code)).toContain("import-x/no-restricted-paths");
  });

  it("refuses an import loop inside a folder", async () => {
    // card-authoring.ts imports access.ts: access.ts importing it back closes a loop.
    const loop = 'import { addCard } from "./card-authoring";\nexport const x = addCard;';
    expect(await refusals("lib/decks/access.ts", loop)).toContain("import-x/no-cycle");
  });

  it.each([
    [
      "a read model importing the domains below it",
      "lib/views/x.ts",
      'import "../decks/access";\nimport "../review/session";\nimport "../stats/learner-stats";\nimport "../interviews/readiness";',
    ],
    [
      "a domain importing infrastructure, a pure engine and shared files",
      "lib/review/x.ts",
      'import "../server/db";\nimport "../scheduling/fsrs";\nimport "../routes";\nimport "../generated/sqlite/client";',
    ],
    [
      "a component importing server actions (the one upward edge)",
      "components/x.tsx",
      'import { suspendCardAction } from "@/app/study/actions";\nimport { addCardAction } from "@/app/decks/actions";',
    ],
  ])("allows %s", async (_, file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });
});
