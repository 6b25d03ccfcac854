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

describe("Python names in Markdown", () => {
  // On a Python deck "__word__" is a name far more often than bold: bold a single word with **.
  it("keeps dunder names as typed, and bold still works", async () => {
    expect(await renderCardHtml("What is __init__.py used for?")).toBe("<p>What is __init__.py used for?</p>");
    expect(await renderCardHtml("What does __name__=='__main__' mean?")).toBe("<p>What does __name__=='__main__' mean?</p>");
    expect(await renderCardHtml("The __init__ method, and **bold**.")).toBe("<p>The __init__ method, and <strong>bold</strong>.</p>");
    expect(await renderCardHtml("__two words__")).toContain("<strong>two words</strong>");
  });

  it("gives a question's first paragraph inline, with its code", async () => {
    const { renderInlineHtml } = await import("@/lib/markdown/render");
    expect(await renderInlineHtml("What does `is` compare?")).toBe("What does <code>is</code> compare?");
    expect(await renderInlineHtml("What does this print?\n\n```python\nprint(1)\n```")).toBe("What does this print?");
    expect(await renderInlineHtml("```python\nprint(1)\n```")).toBe("```python");
  });
});
