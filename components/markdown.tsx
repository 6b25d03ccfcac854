// Shows card Markdown: rendered once per content on the server (lib/markdown/render.ts, which makes
// it safe and bounds its cost) and sent to the browser as one HTML string.
import { renderCardHtml } from "@/lib/markdown/render";

export async function Markdown({ children, className = "" }: { children: string; className?: string }) {
  const html = await renderCardHtml(children);
  return <div className={`prose max-w-none prose-neutral dark:prose-invert ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
