// Syntax highlighting for card code blocks, on the server only: no highlighter ships to the browser.
// One highlighter per process, with a fixed list of languages (anything else renders as plain text).
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import { createHighlighterCore, type HighlighterCore, type ShikiTransformer } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import dark from "shiki/themes/github-dark-high-contrast.mjs";
import light from "shiki/themes/github-light-high-contrast.mjs";
import type { PluggableList } from "unified";
import { codeColorClasses, styleToClasses } from "./code-colors";

let highlighter: Promise<HighlighterCore> | undefined;

export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [light, dark],
    langs: [
      import("shiki/langs/python.mjs"),
      import("shiki/langs/bash.mjs"),
      import("shiki/langs/json.mjs"),
      import("shiki/langs/toml.mjs"),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

const colorClasses = codeColorClasses({ light, dark });

/** Token colours as classes (app/code-colors.css) rather than a style attribute per token. */
const tokenColorClasses: ShikiTransformer = {
  name: "drill:token-color-classes",
  span(node) {
    const style = node.properties.style;
    if (typeof style !== "string") return;
    const { style: kept, classNames } = styleToClasses(style, colorClasses);
    for (const name of classNames) this.addClassToHast(node, name);
    if (kept) node.properties.style = kept;
    else delete node.properties.style;
  },
};

/** The rehype plugin with its options, for `processor.use(...)`. */
export async function highlightPlugins(): Promise<PluggableList> {
  const core = await getHighlighter();
  return [
    [
      rehypeShikiFromHighlighter,
      core,
      {
        // The high-contrast GitHub themes: the plain ones' comments and constants fall under 4.5:1.
        themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" },
        // CSS variables for both themes; globals.css picks one with prefers-color-scheme.
        defaultColor: false,
        fallbackLanguage: "text",
        langAlias: { py: "python", sh: "bash", shell: "bash", console: "bash" },
        transformers: [tokenColorClasses],
      },
    ],
  ];
}
