import { describe, expect, it } from "vitest";
import { isSameOrigin, mediaType, readBody, readJson, RequestRefused } from "@/lib/server/requests";

describe("mediaType", () => {
  // `text/plain; x=application/json` passed an includes("application/json") check.
  it("reads the media type exactly, ignoring parameters", () => {
    expect(mediaType("application/json")).toBe("application/json");
    expect(mediaType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaType("text/plain; x=application/json")).toBe("text/plain");
    expect(mediaType(null)).toBe("");
  });
});

describe("isSameOrigin", () => {
  const headers = (entries: Record<string, string>) => new Headers({ host: "localhost:3000", ...entries });

  it("accepts our own pages and clients that aren't browsers", () => {
    expect(isSameOrigin(headers({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(headers({}))).toBe(true);
  });

  // A page on another port of the same host stored a forged rating.
  it("refuses another port, another host and cross-site fetches", () => {
    expect(isSameOrigin(headers({ origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(headers({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOrigin(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null" }))).toBe(false);
  });
});

describe("readBody", () => {
  const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    new Request("http://localhost:3000/api/reviews", { method: "POST", body, headers, duplex: "half" } as RequestInit);

  it("reads a body within the limit", async () => {
    expect(await readBody(post("hello"), 10)).toBe("hello");
  });

  it("refuses a body whose declared length is over the limit without reading it", async () => {
    await expect(readBody(post("x".repeat(20), { "content-length": "20" }), 10)).rejects.toMatchObject({ status: 413 });
  });

  // /api/reviews read and parsed a 150 MB body.
  it("stops reading a streamed body as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(readBody(post(endless), 64 * 1024)).rejects.toBeInstanceOf(RequestRefused);
    expect(pulled).toBeLessThan(80);
  });

  it("readJson refuses other media types, other origins and broken JSON with their statuses", async () => {
    const json = { "content-type": "application/json" };
    await expect(readJson(post("{}", { "content-type": "text/plain; x=application/json" }), 1000)).rejects.toMatchObject({ status: 415 });
    await expect(readJson(post("{}", { ...json, origin: "http://localhost:1" }), 1000)).rejects.toMatchObject({ status: 403 });
    await expect(readJson(post("{", json), 1000)).rejects.toMatchObject({ status: 400 });
    expect(await readJson(post('{"a":1}', json), 1000)).toEqual({ a: 1 });
  });
});
