// Shows card Markdown: rendered once per content on the server (lib/markdown/render.ts, which makes
// it safe and bounds its cost) and sent to the browser as one HTML string.
import { renderCardHtml, renderInlineHtml } from "@/lib/markdown/render";

export async function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return <MarkdownHtml html={await renderCardHtml(children)} className={className} />;
}

/**
 * Markdown already rendered (renderCardHtml). A page that shows many cards renders their HTML first
 * and uses this: one synchronous element each, where an async component per card would each be its
 * own suspended chunk of the page's payload.
 */
export function MarkdownHtml({ html, className = "" }: { html: string; className?: string }) {
  return <div className={`prose max-w-none prose-neutral dark:prose-invert ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A question as one line (lists, headings): its first paragraph, inline code and all. */
export async function MarkdownInline({ children, className = "" }: { children: string; className?: string }) {
  const html = await renderInlineHtml(children);
  return <span className={`markdown-inline ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
