// Renders card Markdown on the server with the one set of options in lib/markdown/render-options.tsx,
// within the budget in lib/markdown/budget.ts: text past it (stored before the budget existed) is
// shown as typed, and a card with a lot of code is shown without syntax colours.
import { MarkdownAsync } from "react-markdown";
import { markdownBudget, shouldHighlight } from "@/lib/markdown/budget";
import { markdownOptions } from "@/lib/markdown/render-options";

export async function Markdown({ children, className = "" }: { children: string; className?: string }) {
  const budget = markdownBudget(children);
  if (!budget.ok) {
    return (
      <div className={className}>
        <p className="mb-2 text-sm text-muted">Shown as typed: {budget.reason}</p>
        <pre className="text-sm break-words whitespace-pre-wrap">{children}</pre>
      </div>
    );
  }
  const options = await markdownOptions({ highlight: shouldHighlight(children) });
  return (
    <div className={`prose max-w-none prose-neutral dark:prose-invert ${className}`}>{await MarkdownAsync({ ...options, children })}</div>
  );
}
