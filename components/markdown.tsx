// Renders card Markdown on the server with the one set of options in lib/markdown/render-options.tsx.
import { MarkdownAsync } from "react-markdown";
import { markdownOptions } from "@/lib/markdown/render-options";

export async function Markdown({ children, className = "" }: { children: string; className?: string }) {
  const options = await markdownOptions();
  return (
    <div className={`prose max-w-none prose-neutral dark:prose-invert ${className}`}>
      <MarkdownAsync {...options}>{children}</MarkdownAsync>
    </div>
  );
}
