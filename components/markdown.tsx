// Renders card Markdown on the server. Raw HTML in the text stays text (no rehype-raw), and
// react-markdown's URL filter drops javascript: and other unsafe link targets.
import { MarkdownAsync } from "react-markdown";
import remarkGfm from "remark-gfm";
import { rehypeHighlight } from "@/lib/markdown";

export async function Markdown({ children, className = "" }: { children: string; className?: string }) {
  const highlight = await rehypeHighlight();
  return (
    <div className={`prose prose-neutral dark:prose-invert max-w-none ${className}`}>
      <MarkdownAsync
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[highlight as never]}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="noopener noreferrer nofollow" /> }}
      >
        {children}
      </MarkdownAsync>
    </div>
  );
}
