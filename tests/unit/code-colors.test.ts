// Code tokens carry their colours as classes defined in app/code-colors.css (see lib/markdown/code-colors.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import dark from "shiki/themes/github-dark-high-contrast.mjs";
import light from "shiki/themes/github-light-high-contrast.mjs";
import { describe, expect, it } from "vitest";
import { codeColorClasses, codeColorCss, styleToClasses } from "@/lib/markdown/code-colors";
import { renderCardHtml } from "@/lib/markdown/render";

const classes = codeColorClasses({ light, dark });
const stylesheet = readFileSync(path.resolve(import.meta.dirname, "../../app/code-colors.css"), "utf8");

describe("code colours as classes", () => {
  it("gives each theme colour a class, whatever the case the theme wrote it in", () => {
    expect(classes.get("--shiki-light:#a0111f")).toBe("sl-a0111f");
    expect(styleToClasses("--shiki-light:#A0111F;--shiki-dark:#FF9492", classes)).toEqual({
      style: "",
      classNames: ["sl-a0111f", "sd-ff9492"],
    });
  });

  it("keeps what has no class in the style: a colour no theme lists, font styles", () => {
    expect(styleToClasses("--shiki-light:#123456;--shiki-dark:#FF9492;--shiki-light-font-style:italic", classes)).toEqual({
      style: "--shiki-light:#123456;--shiki-light-font-style:italic",
      classNames: ["sd-ff9492"],
    });
  });

  it("app/code-colors.css is the one scripts/code-colors.ts writes from the themes in use", () => {
    expect(stylesheet, "run node --import tsx scripts/code-colors.ts").toBe(codeColorCss(classes));
  });

  it("renders highlighted tokens with no style attribute, each class defined", async () => {
    const html = await renderCardHtml(
      "```python\nimport time\n\ndef wait(seconds: int) -> None:\n    # sleep\n    time.sleep(seconds)\n```",
    );
    expect(html).not.toMatch(/<span[^>]* style=/); // the block itself keeps its own (one per block)
    const used = new Set([...html.matchAll(/\bs[ld]-[0-9a-f]{3,8}\b/g)].map((m) => m[0]));
    expect(used.size).toBeGreaterThan(3);
    for (const name of used) expect(stylesheet).toContain(`.${name} {`);
  });
});
