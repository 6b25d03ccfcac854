import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { publicAction } from "@/lib/accounts/action";

describe("the action wrapper", () => {
  // On PostgreSQL a NUL byte in any text field answered 500; SQLite stored it. Now neither sees it.
  it.each(["\u0000", "\u0007", "\u001b[31m", "\u007f"])("refuses a field holding %j before the body runs", async (control) => {
    const body = vi.fn(async () => "saved");
    const action = publicAction(z.object({ title: z.string(), note: z.string() }), body);
    const form = new FormData();
    form.set("title", `Deck${control}`);
    form.set("note", "fine");
    const result = await action(null, form);
    expect(body).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, fieldErrors: { title: [expect.stringMatching(/control character/)] } });
    expect(result && !result.ok && result.fieldErrors?.note).toBeUndefined();
  });

  it("keeps tabs and line breaks, which people do type", async () => {
    const action = publicAction(z.object({ text: z.string() }), async (input) => input.text);
    expect(await action(null, { text: "a\tb\r\nc" })).toEqual({ ok: true, data: "a\tb\r\nc" });
  });
});

describe("the action wrapper given what no form sends", () => {
  // A hand-made request decodes to whatever it holds; the wrapper used to throw on these (a 500).
  it.each([undefined, null, [], "text", 7])("refuses %j as input with a message", async (input) => {
    const body = vi.fn(async () => "saved");
    const action = publicAction(z.object({ title: z.string() }), body);
    const result = await action(null, input as unknown as FormData);
    expect(body).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, fieldErrors: { title: [expect.any(String)] } });
  });
});
