// Reading an uploaded collection bounded: views, virtual tables and computed columns in the upload are
// refused unread (a recursive view answers at once), row counts are capped with a message naming the
// limit, and every malformed value is refused with its reason (packages from tests/fixtures/anki-build.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readAnkiPackage } from "@/lib/transfer/anki-package";
import { ANKI_LIMITS } from "@/lib/transfer/anki-tables";
import { AppError } from "@/lib/server/errors";
import { ankiPackage, FIRST_REVIEW, RECURSIVE_COL } from "../fixtures/anki-build";

function refused(bytes: Uint8Array): string {
  try {
    readAnkiPackage(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    return (error as AppError).message;
  }
  throw new Error("the package was read");
}

describe("reading an uploaded collection, bounded", () => {
  it("reads a plain built collection (the shapes below differ from it only in what they alter)", () => {
    const pkg = readAnkiPackage(ankiPackage({ notes: 3, reviews: 2 }));
    expect([pkg.notes.length, pkg.cards.length, pkg.reviews.length]).toEqual([3, 3, 2]);
    expect(pkg.reviews[0]).toMatchObject({ at: FIRST_REVIEW, ease: 3, durationMs: 4000 });
  });

  it("reads the decks (schema 18's table, its names joined by \\x1f) and a filtered card's home deck and due", () => {
    const alter = `CREATE TABLE decks (id integer primary key, name text, mtime_secs integer, usn integer, common blob, kind blob);
      INSERT INTO decks VALUES (1, 'Python' || char(31) || 'Basics', 0, 0, x'', x''), (5, 'Cram', 0, 0, x'', x'');
      UPDATE cards SET did = 5, odid = 1, due = -100000, odue = 42 WHERE id = 1700000002001;`;
    const pkg = readAnkiPackage(ankiPackage({ notes: 2, alter }));
    expect(pkg.decks).toEqual([
      { id: "1", name: "Python::Basics" },
      { id: "5", name: "Cram" },
    ]);
    expect(pkg.cards.map((c) => [c.deckId, c.due])).toEqual([
      ["1", 42],
      ["1", 5],
    ]);
    expect(pkg.created).toBe(FIRST_REVIEW - 86_400_000);
  });

  it("refuses the recursive-view fixture promptly, without running the view", () => {
    const started = performance.now();
    expect(refused(new Uint8Array(readFileSync("tests/fixtures/anki/recursive-view.apkg")))).toMatch(
      /a view where Anki keeps its "col" table/,
    );
    expect(refused(ankiPackage({ alter: RECURSIVE_COL }))).toMatch(/view where Anki keeps its "col"/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a notes view, a virtual table and a computed column in place of Anki's tables", () => {
    expect(
      refused(ankiPackage({ alter: "ALTER TABLE notes RENAME TO n2; CREATE VIEW notes AS SELECT * FROM n2, n2 AS b, n2 AS c;" })),
    ).toMatch(/a view where Anki keeps its "notes" table/);
    expect(
      refused(ankiPackage({ alter: "DROP TABLE revlog; CREATE VIRTUAL TABLE revlog USING fts5(id, cid, ease, time, type);" })),
    ).toMatch(/a virtual table where Anki keeps its "revlog" table/);
    const computed =
      "DROP TABLE cards; CREATE TABLE cards (id integer, nid integer, ord integer, type integer, queue integer, due integer, ivl integer AS (length(printf('%.*c', 100000000, 'x'))));";
    expect(refused(ankiPackage({ alter: computed }))).toMatch(/"cards" table has computed columns/);
  });

  it("caps reviews per card and note types, naming the limit hit", () => {
    expect(refused(ankiPackage({ reviews: ANKI_LIMITS.reviewsPerCard + 1 }))).toMatch(
      /2,001 reviews of one card; Drill imports at most 2,000 per card/,
    );
    const manyTypes = Object.fromEntries(
      Array.from({ length: ANKI_LIMITS.noteTypes + 1 }, (_, i) => [String(i), { name: `T${i}`, flds: [{ name: "F", ord: 0 }] }]),
    );
    expect(refused(ankiPackage({ alter: `UPDATE col SET models = '${JSON.stringify(manyTypes)}'` }))).toMatch(
      /501 note types; Drill imports at most 500/,
    );
  });

  it("caps the notes by counting them before reading", () => {
    const alter = `INSERT INTO notes SELECT id + 10, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data FROM notes;
      WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < ${ANKI_LIMITS.notes})
      INSERT INTO notes SELECT 2000000000000 + n, 'g', 1, 0, 0, '', 'q', 'q', 0, 0, '' FROM r;`;
    expect(refused(ankiPackage({ alter }))).toMatch(/100,004 notes; Drill imports at most 100,000/);
  });

  it.each([
    ["a float grade", "UPDATE revlog SET ease = 2.5", /review at 2026-09-02T09:00:00.000Z's grade: the number 2.5/],
    ["a text grade", "UPDATE revlog SET ease = 'good'", /grade: the text "good"/],
    ["a grade out of range", "UPDATE revlog SET ease = 7", /grade: the number 7/],
    ["a huge review id", "UPDATE revlog SET id = 9223372036854775807", /a review's id \(its time\): the number 9223372036854775807/],
    ["a negative review id", "UPDATE revlog SET id = -5", /a review's id \(its time\): the number -5/],
    ["a huge answer time", "UPDATE revlog SET time = 99999999999999", /answer time: the number 99999999999999/],
    ["a text note id on a card", "UPDATE cards SET nid = 'x'", /card 1700000002001's note: the text "x"/],
    ["a float due", "UPDATE cards SET due = 1.5", /due: the number 1.5/],
    ["binary fields", "UPDATE notes SET flds = x'00ff'", /fields: binary data/],
    ["note types that aren't JSON", "UPDATE col SET models = '{oops'", /note types aren't readable/],
  ])("refuses %s with its reason", (_shape, alter, reason) => {
    const message = refused(ankiPackage({ alter }));
    expect(message).toMatch(reason);
    expect(message).toMatch(/so nothing was imported|aren't readable/);
  });
});
