// Card Markdown is untrusted: it must never become live HTML or script, and code is highlighted.
import { describe, expect, it } from "vitest";
import { renderCardHtml } from "@/lib/markdown/render";

const render = renderCardHtml;

describe("card Markdown rendering", () => {
  it("shows raw HTML as text, never as elements", async () => {
    const html = await render('Hello <script>alert("x")</script> <img src=x onerror="alert(1)"> <b>bold</b>');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain("&#x3C;script>alert"); // the text, with its "<" escaped
  });

  it("drops javascript: and data: link targets and marks links nofollow", async () => {
    const html = await render("[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [ok](https://example.com)");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("renders the same text to the same HTML, from the cache the second time", async () => {
    const text = `Cached ${Math.random()}: **bold** and \`code\``;
    const first = await render(text);
    expect(first).toContain("<strong>bold</strong>");
    expect(await render(text)).toBe(first);
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
