// Card Markdown to HTML, once per content: the one renderer for every place a card is shown (browse,
// review, editor preview). Rendered HTML is cached by a hash of the text and the renderer version,
// so a card costs its render once per edit, not once per view; the cache is bounded.
//
// Card text is untrusted (mentors write it). Raw HTML in it becomes text, links keep only safe
// protocols (react-markdown's defaultUrlTransform) and get rel=nofollow, images load only from Drill
// itself, and the work per card is bounded (lib/markdown/budget.ts). The output is our own: it is
// safe to insert as HTML.
import { createHash } from "node:crypto";
import type { Element, Root } from "hast";
import type { Root as MdastRoot } from "mdast";
import { toHtml } from "hast-util-to-html";
import { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { markdownBudget, shouldHighlight } from "./budget";
import { highlightPlugins } from "./highlighter";

/** Bump when the output changes for the same text: cached renders of the old output are not reused. */
export const RENDERER_VERSION = 4;
/** The cache holds at most this many characters of HTML (about 40 MB of strings). */
const CACHE_MAX_CHARS = 20_000_000;

const cache = new Map<string, string>();
let cachedChars = 0;

/** Only images served by Drill itself load on a card: an outside URL could track who looks at it. */
function isOwnImage(src: unknown): src is string {
  return typeof src === "string" && src.startsWith("/") && !src.startsWith("//") && !src.startsWith("/\\");
}

/**
 * Python's dunder names stay as typed: Markdown reads `__init__.py` or `__name__ == "__main__"` as
 * bold "init" and "main". A strong run opened by "__" around one identifier is put back as text.
 */
function keepDunderNames(source: string) {
  return (tree: MdastRoot) => {
    visit(tree, "strong", (node, index, parent) => {
      const start = node.position?.start.offset;
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (start === undefined || !parent || typeof index !== "number" || only?.type !== "text") return;
      if (source.slice(start, start + 2) !== "__" || !/^\w+$/.test(only.value)) return;
      parent.children[index] = { type: "text", value: `__${only.value}__` };
    });
  };
}

/** What react-markdown did to the tree before rendering it, written out for HTML output. */
function makeSafe(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === "raw" && parent && typeof index === "number") {
      parent.children[index] = { type: "text", value: node.value };
      return index;
    }
    if (node.type !== "element") return;
    const element: Element = node;
    for (const attribute of ["href", "src"] as const) {
      if (attribute in element.properties) element.properties[attribute] = defaultUrlTransform(String(element.properties[attribute] ?? ""));
    }
    if (element.tagName === "a") element.properties.rel = ["noopener", "noreferrer", "nofollow"];
    if (element.tagName === "img") {
      if (isOwnImage(element.properties.src)) element.properties.loading = "lazy";
      else if (parent && typeof index === "number") {
        const alt =
          typeof element.properties.alt === "string" && element.properties.alt ? element.properties.alt : "an image from another site";
        parent.children[index] = {
          type: "element",
          tagName: "span",
          properties: { className: ["text-muted"] },
          children: [{ type: "text", value: `[image not shown: ${alt}]` }],
        };
      }
    }
  });
}

/**
 * A card's Markdown as plain, safe HTML for other apps (an Anki export): the same rules, without
 * syntax highlighting (code stays `<pre><code class="language-x">`, which importers map back to a fence).
 */
export async function renderPortableHtml(markdown: string): Promise<string> {
  return renderUncached(markdown, { highlight: false });
}

async function renderUncached(markdown: string, { highlight = true } = {}): Promise<string> {
  const budget = markdownBudget(markdown);
  if (!budget.ok) {
    // Stored before the budget existed: shown as typed.
    const escaped = toHtml({ type: "text", value: markdown });
    return `<p class="mb-2 text-sm text-muted">Shown as typed: ${toHtml({ type: "text", value: budget.reason })}</p><pre class="text-sm break-words whitespace-pre-wrap">${escaped}</pre>`;
  }
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(() => keepDunderNames(markdown))
    .use(remarkRehype, { allowDangerousHtml: true });
  if (highlight && shouldHighlight(markdown)) processor.use(await highlightPlugins());
  const tree = await processor.run(processor.parse(markdown));
  makeSafe(tree);
  return toHtml(tree);
}

/** The HTML for a card's Markdown, from the cache when this exact text was rendered before. */
export async function renderCardHtml(markdown: string): Promise<string> {
  const key = createHash("sha1").update(`${RENDERER_VERSION}\0${markdown}`).digest("base64url");
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Most recently used last: the oldest entries go first when the cache is full.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = await renderUncached(markdown);
  cache.set(key, html);
  cachedChars += html.length;
  for (const [oldKey, old] of cache) {
    if (cachedChars <= CACHE_MAX_CHARS) break;
    cache.delete(oldKey);
    cachedChars -= old.length;
  }
  return html;
}

/**
 * A question's first paragraph as inline HTML (no <p>), for lists and headings where a card is one
 * line; a question that starts with code shows its first line as text.
 */
export async function renderInlineHtml(markdown: string): Promise<string> {
  const first = markdown.trim().split(/\n\s*\n/)[0] ?? "";
  if (!FENCE_START.test(first)) {
    const paragraph = /^<p>([\s\S]*)<\/p>$/.exec((await renderCardHtml(first)).trim());
    if (paragraph) return paragraph[1]!;
  }
  return toHtml({ type: "text", value: first.split("\n")[0] ?? "" });
}
const FENCE_START = /^\s{0,3}(`{3,}|~{3,})/;
