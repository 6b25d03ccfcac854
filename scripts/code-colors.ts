// Writes app/code-colors.css: a class per code-theme colour (lib/markdown/code-colors.ts). Run after
// changing the code themes; a unit test fails while the file is out of date.
//
//   node --import tsx scripts/code-colors.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import dark from "shiki/themes/github-dark-high-contrast.mjs";
import light from "shiki/themes/github-light-high-contrast.mjs";
import { codeColorClasses, codeColorCss } from "../lib/markdown/code-colors";

const file = path.resolve(import.meta.dirname, "..", "app", "code-colors.css");
writeFileSync(file, codeColorCss(codeColorClasses({ light, dark })));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
