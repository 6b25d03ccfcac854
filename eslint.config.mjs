import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { layers, serverActions, sharedFiles } from "./lib/architecture.mjs";

// lib/architecture.mjs as zones: each folder of lib/ may not import a folder of its own layer or of a
// layer above it, nor app/ or components/; the files directly in lib/ import no folder of lib/; and
// components/ imports nothing of app/ but server actions.
const allFolders = layers.flatMap((layer) => layer.folders);
const layerZones = layers.flatMap((layer, index) =>
  layer.folders.map((folder) => {
    const above = layers
      .slice(index)
      .flatMap((l) => l.folders)
      .filter((f) => f !== folder);
    return {
      target: `lib/${folder}`,
      from: [...above.map((f) => `lib/${f}`), "app", "components"],
      message: `lib/${folder} may import only lower layers (lib/architecture.mjs).`,
    };
  }),
);
const architectureZones = [
  ...layerZones,
  {
    target: sharedFiles,
    from: [...allFolders.filter((f) => f !== "generated").map((f) => `lib/${f}`), "app", "components"],
    message: "The files directly in lib/ are shared utilities: they import no folder of lib/ (lib/architecture.mjs).",
  },
  {
    target: "components",
    from: ["app/**"].map((glob) => `${import.meta.dirname}/${glob}`),
    except: [`${import.meta.dirname}/${serverActions}`],
    message: "components/ imports only server actions from app/ (lib/architecture.mjs).",
  },
];

// The architecture (lib/architecture.mjs): imports go down the layers, and lib/ has no import loops
// (a loop inside a folder too). no-cycle follows imports file by file, so it runs on lib/ only, and
// skips the generated clients. Exported for tests/unit/architecture.test.ts, which proves it fails.
export const architecture = [
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.mjs"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
      // no-cycle reads the files an import leads to: TypeScript ones too, parsed as TypeScript.
      "import-x/extensions": [".ts", ".tsx", ".mts", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts"] },
      "import-x/ignore": ["lib/generated/"],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: architectureZones }],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/generated/**"],
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value that is deliberately unused (e.g. a prop split off before spreading).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  // Rules that need the type checker: a promise nobody awaits loses its errors (a rating that
  // fails to save must not fail silently), and an assertion the types already guarantee hides
  // the places where one is really needed.
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  // Short functions in the app; not bench/, scripts/, tests/, worker/: benchmarks and scripts read top to bottom, tests are tables of cases.
  {
    files: ["app/**", "lib/**", "components/**"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  ...architecture,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "var/**",
      "public/sw.js",
    ],
  },
];

export default config;
