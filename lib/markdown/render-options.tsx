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

/** Only images served by Drill itself load on a card: an outside URL could track who looks at it. */
function isOwnImage(src: unknown): src is string {
  return typeof src === "string" && src.startsWith("/") && !src.startsWith("//") && !src.startsWith("/\\");
}

/**
 * The options every card render uses (pass to react-markdown's MarkdownAsync). `highlight: false`
 * leaves code uncoloured, for cards with more code than is worth highlighting on every render.
 */
export async function markdownOptions({ highlight = true } = {}): Promise<Pick<Options, "remarkPlugins" | "rehypePlugins" | "components">> {
  const components: Options["components"] = {
    a: ({ node: _node, ...props }) => <a {...props} rel="noopener noreferrer nofollow" />,
    img: ({ node: _node, src, alt }) =>
      isOwnImage(src) ? (
        // eslint-disable-next-line @next/next/no-img-element -- card images are user content of unknown size
        <img src={src} alt={alt ?? ""} loading="lazy" />
      ) : (
        <span className="text-muted">[image not shown: {alt || "an image from another site"}]</span>
      ),
  };
  if (!highlight) return { remarkPlugins: [remarkGfm], components };
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
    components,
  };
}
