// Card Markdown rendering options, shared by every place a card is shown (browse, review, editor
// preview), so they all look the same. Runs on the server only: no highlighter ships to the browser.
//
// Card text is untrusted (mentors write it): raw HTML stays text because no rehype-raw plugin is
// used, and react-markdown's default URL filter drops javascript:, data: and other unsafe targets.
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import type { Options } from "react-markdown";
import remarkGfm from "remark-gfm";
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

/** The options every card render uses (pass to react-markdown's MarkdownAsync). */
export async function markdownOptions(): Promise<Pick<Options, "remarkPlugins" | "rehypePlugins" | "components">> {
  const core = await getHighlighter();
  return {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [
      [
        rehypeShikiFromHighlighter,
        core,
        {
          themes: { light: "github-light", dark: "github-dark" },
          // CSS variables for both themes; globals.css picks one with prefers-color-scheme.
          defaultColor: false,
          fallbackLanguage: "text",
          langAlias: { py: "python", sh: "bash", shell: "bash", console: "bash" },
        },
      ],
    ],
    components: { a: ({ node: _node, ...props }) => <a {...props} rel="noopener noreferrer nofollow" /> },
  };
}
