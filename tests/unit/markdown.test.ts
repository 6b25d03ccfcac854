// Card Markdown is untrusted: it must never become live HTML or script, and code is highlighted.
import { renderToStaticMarkup } from "react-dom/server";
import { MarkdownAsync } from "react-markdown";
import { describe, expect, it } from "vitest";
import { markdownOptions } from "@/lib/markdown/render-options";

async function render(markdown: string): Promise<string> {
  return renderToStaticMarkup(await MarkdownAsync({ ...(await markdownOptions()), children: markdown }));
}

describe("card Markdown rendering", () => {
  it("shows raw HTML as text, never as elements", async () => {
    const html = await render('Hello <script>alert("x")</script> <img src=x onerror="alert(1)"> <b>bold</b>');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: and data: link targets and marks links nofollow", async () => {
    const html = await render("[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [ok](https://example.com)");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("highlights Python on the server and keeps unknown languages as plain text", async () => {
    const python = await render("```python\ndef f(x):\n    return x * 2\n```");
    expect(python).toContain('class="shiki');
    expect(python).toMatch(/--shiki-dark:/);
    const unknown = await render("```cobol\nDISPLAY 'HI'.\n```");
    expect(unknown).toContain("DISPLAY");
  });

  it("renders GitHub-flavoured tables", async () => {
    const html = await render("| mode | meaning |\n| --- | --- |\n| r | read |");
    expect(html).toContain("<table>");
  });
});
