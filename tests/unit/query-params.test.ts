import { describe, expect, it } from "vitest";
import { isKey, keyParam, pageParam, searchParam, tagParam } from "@/lib/query-params";

describe("query parameters", () => {
  // /history?page=99999999999999999999 answered 500.
  it.each([["99999999999999999999"], ["1e3"], ["-1"], ["0"], ["2.5"], [" 2"], [["2", "3"]], [undefined], ["abc"]])(
    "reads the page %j as page 1",
    (value) => {
      expect(pageParam(value)).toBe(1);
    },
  );

  it("reads a real page number", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam("1000000")).toBe(1_000_000);
  });

  it("keeps search text short and free of control characters", () => {
    expect(searchParam("  gil\u0000 ")).toBe("gil");
    expect(searchParam("x".repeat(500))).toHaveLength(200);
    expect(searchParam(["a", "b"])).toBe("");
  });

  it("takes only tag-shaped tags", () => {
    expect(tagParam("concurrency")).toBe("concurrency");
    expect(tagParam("data-structures")).toBe("data-structures");
    expect(tagParam("oop\u0000")).toBe("");
    expect(tagParam("<script>")).toBe("");
    expect(tagParam("a".repeat(41))).toBe("");
  });

  it("takes only key-shaped keys", () => {
    expect(isKey("python-interview-questions")).toBe(true);
    expect(isKey("cmx3rzi5j0008wv7dvev09xid")).toBe(true);
    expect(isKey("a\u0000b")).toBe(false);
    expect(isKey("../etc")).toBe(false);
    expect(isKey("x".repeat(121))).toBe(false);
    expect(keyParam("python")).toBe("python");
    expect(keyParam("py thon")).toBeUndefined();
  });
});
