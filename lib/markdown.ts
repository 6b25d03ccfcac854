// Card Markdown rendering options, shared by every place a card is shown (browse, review, editor
// preview), so they all look the same. Runs on the server only: no highlighter ships to the browser.
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

// One highlighter per process, with a fixed list of languages (anything else renders as plain text).
let highlighter: Promise<HighlighterCore> | undefined;

export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
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

export const HIGHLIGHTED_LANGUAGES = ["python", "py", "bash", "sh", "shell", "json", "toml"];

export async function rehypeHighlight() {
  const core = await getHighlighter();
  return [
    rehypeShikiFromHighlighter,
    core,
    {
      themes: { light: "github-light", dark: "github-dark" },
      // CSS variables for both themes; globals.css picks one with prefers-color-scheme.
      defaultColor: false,
      fallbackLanguage: "text",
      langAlias: { py: "python", sh: "bash", shell: "bash", console: "bash" },
      // "```python norun" keeps its language; the rest of the info string is metadata.
    },
  ] as const;
}
