// Unpacking budgeted by what it produces (issue 26.2): deflated and stored entries, and zstd streams
// inside them, are stopped past the budget however small the claim; a zstd frame asking for a huge
// window is refused from its header; a real entry unpacks whole.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { BudgetExceeded, decompressZstd, largestZstdWindow, UnpackBudget, unpackEntryBytes, zipEntries } from "@/lib/transfer/zip-budget";
import { zstdBomb } from "../fixtures/anki-build";

const budget = (total: number) => new UnpackBudget(total, { media: total });

describe("unpacking within a budget", () => {
  it("unpacks stored and deflated entries, and a zstd stream inside a stored one", () => {
    const text = new TextEncoder().encode("hello ".repeat(1000));
    const zip = zipSync({ plain: [text, { level: 0 }], deflated: [text, { level: 9 }], zstd: [zstdBomb(300_000), { level: 0 }] });
    const entries = new Map(zipEntries(zip).map((e) => [e.name, e]));
    expect(unpackEntryBytes(zip, entries.get("plain")!, budget(1e6), "media")).toEqual(text);
    expect(unpackEntryBytes(zip, entries.get("deflated")!, budget(1e6), "media")).toEqual(text);
    expect(unpackEntryBytes(zip, entries.get("zstd")!, budget(2e6), "media").length).toBe(393_216); // 3 blocks of 128 KB
  });

  it("stops a stored zstd stream of 1 GB, and a deflated entry of zeros, at the budget", () => {
    const zip = zipSync({ bomb: [zstdBomb(1e9), { level: 0 }], zeros: [new Uint8Array(5_000_000), { level: 9 }] });
    const [bomb, zeros] = zipEntries(zip);
    expect(zip.length).toBeLessThan(100_000);
    expect(() => unpackEntryBytes(zip, bomb!, budget(10_000_000), "media")).toThrow(BudgetExceeded);
    expect(() => unpackEntryBytes(zip, zeros!, budget(1_000_000), "media")).toThrow(BudgetExceeded);
  });

  it("reads a zstd frame's window from its header, and refuses one past the limit before decoding", () => {
    expect(largestZstdWindow(zstdBomb(1e6))).toBe(2 ** 20);
    // A frame header asking for a 2 GB window (exponent 21: 2^31), then one empty last block.
    const huge = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3, 0x01, 0x00, 0x00]);
    expect(largestZstdWindow(huge)).toBe(2 ** 31);
    expect(decompressZstd(huge, 1e9)).toBeNull();
    expect(decompressZstd(zstdBomb(1e6), 1e5)).toBeNull(); // its 1 MiB window is past 100 KB
    expect(decompressZstd(zstdBomb(1e7), 2e6)).toBeNull(); // its output is past 2 MB
    expect(decompressZstd(zstdBomb(200_000), 2e6)?.length).toBe(262_144);
  });

  it("counts every kind against the total, and each against its own cap", () => {
    const shared = new UnpackBudget(100, { collection: 80, media: 30 });
    shared.take(70, "collection");
    expect(() => shared.take(31, "media")).toThrow(BudgetExceeded);
    expect(UnpackBudget.forUpload(10).total).toBe(64_000_000);
    expect(UnpackBudget.forUpload(10_000_000).total).toBe(500_000_000);
  });
});
