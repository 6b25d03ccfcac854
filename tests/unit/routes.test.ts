import { describe, expect, it } from "vitest";
import { paths } from "@/lib/routes";

describe("study URLs", () => {
  it("today's whole queue is the bare review screen", () => {
    expect(paths.study()).toBe("/study");
    expect(paths.study({ deck: undefined })).toBe("/study");
  });

  it("a deck's session is keyed by its slug when it has one, else its id", () => {
    expect(paths.study({ deck: { id: "ck123", slug: "python" } })).toBe("/study?deck=python");
    expect(paths.study({ deck: { id: "ck123", slug: null } })).toBe("/study?deck=ck123");
    expect(paths.study({ deck: "python" })).toBe("/study?deck=python");
  });

  it("custom sessions: review ahead and drill a tag, limited to a deck when one is given", () => {
    expect(paths.study({ ahead: true })).toBe("/study?ahead=1");
    expect(paths.study({ ahead: true, deck: "python" })).toBe("/study?ahead=1&deck=python");
    expect(paths.study({ ahead: false })).toBe("/study");
    expect(paths.study({ tag: "concurrency" })).toBe("/study?tag=concurrency");
  });

  it("keys and tags are escaped, so a query can't be smuggled in", () => {
    expect(paths.study({ tag: "c++#1" })).toBe("/study?tag=c%2B%2B%231");
    expect(paths.study({ deck: "a&ahead=1" })).toBe("/study?deck=a%26ahead%3D1");
    expect(new URL(paths.study({ deck: "x\u0000y" }), "http://drill.test").searchParams.get("deck")).toBe("x\u0000y");
  });
});
