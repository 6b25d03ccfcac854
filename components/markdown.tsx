// Shows card Markdown: rendered once per content on the server (lib/markdown/render.ts, which makes
// it safe and bounds its cost) and sent to the browser as one HTML string.
import { renderCardHtml, renderInlineHtml } from "@/lib/markdown/render";

export async function Markdown({ children, className = "" }: { children: string; className?: string }) {
  const html = await renderCardHtml(children);
  return <div className={`prose max-w-none prose-neutral dark:prose-invert ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A question as one line (lists, headings): its first paragraph, inline code and all. */
export async function MarkdownInline({ children, className = "" }: { children: string; className?: string }) {
  const html = await renderInlineHtml(children);
  return <span className={`markdown-inline ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
