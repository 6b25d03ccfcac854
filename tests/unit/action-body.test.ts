// Server action bodies Next can't decode get a 400 with the reason from proxy.ts, not a 500.
import { describe, expect, it } from "vitest";
import { actionBodyProblem, jsonArgumentsProblem, MAX_ACTION_NESTING } from "@/lib/server/action-body";

const post = (body: BodyInit, type?: string) =>
  new Request("http://localhost/", {
    method: "POST",
    body,
    headers: { ...(type && { "content-type": type }), "next-action": "a".repeat(42) },
  });

describe("jsonArgumentsProblem", () => {
  it.each([
    ["an empty body", "", /empty/],
    ["only spaces", "  \n", /empty/],
    ["text that isn't JSON", "not json{", /valid JSON/],
    ["100,000 nested arrays", "[".repeat(100_000) + "]".repeat(100_000), /nests arrays or objects more than 32/],
    ["nested objects", '{"a":'.repeat(40) + "1" + "}".repeat(40), /more than 32/],
    ["a lone high surrogate", '["\\ud800"]', /lone surrogate/],
    ["a lone low surrogate in a key", '[{"\\udc00":1}]', /lone surrogate/],
  ])("refuses %s", (_what, text, reason) => {
    expect(jsonArgumentsProblem(text)).toMatch(reason);
  });

  it("lets through what React sends: arguments, nesting within bounds, brackets and pairs inside strings", () => {
    expect(jsonArgumentsProblem('[null,"$K1"]')).toBeNull();
    expect(jsonArgumentsProblem('[{"ok":false,"values":{"title":"[[[[ 😀 \\ud83d\\ude00"}}]')).toBeNull();
    expect(jsonArgumentsProblem("[".repeat(MAX_ACTION_NESTING) + "]".repeat(MAX_ACTION_NESTING))).toBeNull();
  });
});

describe("actionBodyProblem", () => {
  it("checks JSON bodies and the numbered fields of form bodies", async () => {
    expect(await actionBodyProblem(post("", "text/plain;charset=UTF-8"))).toMatch(/empty/);
    const form = new FormData();
    form.set("1_title", "Deck");
    form.set("0", "[".repeat(1_000));
    expect(await actionBodyProblem(post(form))).toMatch(/nests/);
  });

  it("refuses a multipart body that can't be read", async () => {
    expect(await actionBodyProblem(post("garbage", "multipart/form-data; boundary=zzz"))).toMatch(/form data can't be read/);
  });

  it("lets an ordinary form through", async () => {
    const form = new FormData();
    form.set("1_title", "Deck ]]] {{{");
    form.set("0", '[null,"$K1"]');
    expect(await actionBodyProblem(post(form))).toBeNull();
  });
});
