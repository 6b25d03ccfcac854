// Reading Anki packages in each layout Anki writes (fixtures made by scripts/anki-fixtures.ts), and
// refusing every kind of bad file with a message that says what is wrong.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { APKG_MAX_BYTES, readAnkiPackage } from "@/lib/transfer/anki-package";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join("tests/fixtures/anki", name)));

describe("readAnkiPackage", () => {
  it.each([
    ["legacy.apkg", "anki2", 11],
    ["anki21.apkg", "anki21", 11],
    ["anki21b.apkg", "anki21b", 18],
  ] as const)("reads %s (%s layout): note types, notes, cards and the review log", (file, layout, schema) => {
    const pkg = readAnkiPackage(fixture(file));
    expect([pkg.layout, pkg.schema]).toEqual([layout, schema]);
    expect(pkg.noteTypes.map((t) => [t.name, t.fields, t.cloze]).sort()).toEqual([
      ["Basic", ["Front", "Back"], false],
      ["Cloze", ["Text", "Back Extra"], true],
    ]);
    expect(pkg.notes).toHaveLength(3);
    expect(pkg.notes[0]).toMatchObject({
      fields: ["What is <b>the GIL</b>?", expect.stringContaining('<img src="gil.png">')],
      tags: ["python::basics", "interview"],
    });
    expect(pkg.cards.map((c) => c.type)).toEqual([2, 0, 2]);
    expect(pkg.reviews.map((r) => r.ease)).toEqual([3, 3, 3, 3, 1, 3]);
    expect(pkg.reviews[0]).toMatchObject({ at: Date.UTC(2026, 8, 2, 9), durationMs: 8000 });
  });

  it("finds the media of a legacy map: the image and a sound file", () => {
    const pkg = readAnkiPackage(fixture("legacy.apkg"));
    expect([...pkg.media.keys()].sort()).toEqual(["gil.png", "talk.mp3"]);
  });

  const refused = (bytes: Uint8Array) => {
    try {
      readAnkiPackage(bytes);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("expected the package to be refused");
  };

  it("refuses what isn't a zip, and an oversize upload", () => {
    expect(refused(new TextEncoder().encode("# Just a deck file\n"))).toMatch(/isn't an Anki package/);
    expect(refused(new Uint8Array(APKG_MAX_BYTES + 1))).toMatch(/over 100 MB/);
  });

  it("refuses a zip bomb and names that would escape the folder, before unpacking them", () => {
    expect(refused(zipSync({ "collection.anki2": new Uint8Array(20_000_000) }, { level: 9 }))).toMatch(/zip bomb/);
    for (const name of ["../evil.txt", "/etc/passwd", "media/../../x"])
      expect(refused(zipSync({ [name]: new Uint8Array([1]) }))).toMatch(/unsafe name/);
  });

  it("refuses a zip without a collection, a corrupt collection, and a non-Anki database", () => {
    expect(refused(zipSync({ "notes.txt": new TextEncoder().encode("hello") }))).toMatch(/no Anki collection/);
    expect(refused(zipSync({ "collection.anki2": new Uint8Array(4096).fill(7) }))).toMatch(/isn't an Anki database/);
    expect(refused(zipSync({ "collection.anki21b": new Uint8Array([1, 2, 3, 4]) }))).toMatch(/doesn't decompress/);
    const dir = mkdtempSync(path.join(os.tmpdir(), "not-anki-"));
    try {
      const file = path.join(dir, "other.sqlite");
      const db = new Database(file);
      db.exec("CREATE TABLE things (id integer)");
      db.close();
      expect(refused(zipSync({ "collection.anki2": new Uint8Array(readFileSync(file)) }))).toMatch(/isn't laid out as Anki's are/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unknown collection version, and a package whose only collection is the update stub", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "future-anki-"));
    try {
      const file = path.join(dir, "future.anki2");
      const db = new Database(file);
      db.exec("CREATE TABLE col (id integer primary key, ver integer, models text); INSERT INTO col VALUES (1, 99, '{}');");
      db.close();
      expect(refused(zipSync({ "collection.anki2": new Uint8Array(readFileSync(file)) }))).toMatch(/version 99, which Drill doesn't know/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The stub a current package carries for old Ankis, alone.
    const stub = readAnkiPackage(fixture("anki21.apkg"));
    expect(stub.layout).toBe("anki21");
    const onlyStub = zipSync({ "collection.anki2": unzipSync(fixture("anki21.apkg"))["collection.anki2"]! });
    expect(refused(onlyStub)).toMatch(/placeholder/);
  });
});

describe("the media map", () => {
  it("reads the legacy JSON map and the current protobuf one", async () => {
    const { mediaNames } = await import("@/lib/transfer/anki-package");
    expect(mediaNames(new TextEncoder().encode('{"0": "a.png", "1": "b.mp3"}'))).toEqual([
      ["0", "a.png"],
      ["1", "b.mp3"],
    ]);
    // MediaEntries { entries: [{ name: "a.png", size: 3 }, { name: "b.mp3" }] }
    const entry = (name: string, extra: number[] = []) => {
      const body = [0x0a, name.length, ...new TextEncoder().encode(name), ...extra];
      return [0x0a, body.length, ...body];
    };
    const proto = new Uint8Array([...entry("a.png", [0x10, 3]), ...entry("b.mp3")]);
    expect(mediaNames(proto)).toEqual([
      ["0", "a.png"],
      ["1", "b.mp3"],
    ]);
    expect(mediaNames(new Uint8Array([0x0a, 0x7f, 0x01]))).toEqual([]); // truncated: no media, no crash
    expect(mediaNames(undefined)).toEqual([]);
  });
});
