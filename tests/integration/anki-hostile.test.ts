// Hostile and malformed Anki packages (tests/fixtures/anki-build.ts, and the committed recursive-view
// fixture) through the import: each refused with its reason as a 400, leaving nothing behind (no deck,
// no card, no image, no rating); a media name that isn't a valid URI is taken as it is.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAnki, previewAnki } from "@/lib/transfer/anki-import";
import { AppError, statusOf } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { ankiPackage } from "../fixtures/anki-build";
import { makeUser } from "./helpers";

const NOW = new Date("2026-12-01T12:00:00Z");
const OPTIONS = { title: "Hostile", choices: {}, withHistory: true };
// A 1x1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function leftBehind(userId: string) {
  const decks = await db.deck.findMany({ where: { ownerId: userId }, select: { id: true } });
  const deckIds = decks.map((d) => d.id);
  return {
    decks: decks.length,
    cards: await db.card.count({ where: { deckId: { in: deckIds } } }),
    media: await db.media.count({ where: { deckId: { in: deckIds } } }),
    ratings: await db.reviewLog.count({ where: { userId } }),
  };
}

describe("hostile and malformed Anki packages", () => {
  it("refuses the recursive-view fixture at once, in preview and import", async () => {
    const bytes = new Uint8Array(readFileSync("tests/fixtures/anki/recursive-view.apkg"));
    const started = performance.now();
    expect(() => previewAnki(bytes)).toThrow(/a view where Anki keeps its "col" table/);
    const learner = await makeUser("hostile");
    await expect(importAnki(learner, bytes, OPTIONS, NOW)).rejects.toThrow(/a view where Anki keeps its "col" table/);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await leftBehind(learner.id)).toEqual({ decks: 0, cards: 0, media: 0, ratings: 0 });
  });

  it.each([
    ["a float grade", "UPDATE revlog SET ease = 2.5"],
    ["a text grade", "UPDATE revlog SET ease = 'good'"],
    ["a huge review id", "UPDATE revlog SET id = 9223372036854775807"],
    ["a negative review id", "UPDATE revlog SET id = -5"],
    ["a huge answer time", "UPDATE revlog SET time = 99999999999999"],
    ["a float card interval", "UPDATE cards SET ivl = 1e300"],
    ["a view for notes", "ALTER TABLE notes RENAME TO n2; CREATE VIEW notes AS SELECT * FROM n2"],
  ])("refuses %s as a 400 with its reason, leaving nothing behind", async (_shape, alter) => {
    const learner = await makeUser("hostile");
    const error = await importAnki(learner, ankiPackage({ alter, media: { "a.png": PNG } }), OPTIONS, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(statusOf[(error as AppError).code]).toBe(400);
    expect((error as AppError).message).toMatch(/malformed value|view where Anki keeps/);
    expect(await leftBehind(learner.id)).toEqual({ decks: 0, cards: 0, media: 0, ratings: 0 });
  });

  it("imports a field whose image name isn't a valid URI, with its image", async () => {
    const learner = await makeUser("hostile");
    const alter = `UPDATE notes SET flds = 'Look <img src="50%.png">' || char(31) || 'Answer' WHERE id = (SELECT MIN(id) FROM notes)`;
    const result = await importAnki(learner, ankiPackage({ alter, media: { "50%.png": PNG } }), OPTIONS, NOW);
    expect(result).toMatchObject({ cards: 2, images: 1, ratings: 1 });
    const card = await db.card.findFirstOrThrow({ where: { deckId: result.deckId, position: 0 } });
    expect(card.front).toMatch(/^Look !\[50%\.png\]\(\/media\/\w+\)$/);
  });

  it("imports two packages whose reviews share Anki's ids (ids are timestamps): each keeps its rating", async () => {
    const learner = await makeUser("hostile");
    const first = await importAnki(learner, ankiPackage(), OPTIONS, NOW);
    // Other notes and cards, the same review id: two collections reviewed in the same millisecond.
    const alter = "UPDATE notes SET id = id + 500; UPDATE cards SET id = id + 500, nid = nid + 500; UPDATE revlog SET cid = cid + 500";
    const second = await importAnki(learner, ankiPackage({ alter }), { ...OPTIONS, title: "Other" }, NOW);
    expect(second).toMatchObject({ cards: 2, ratings: 1 });
    expect(second.deckId).not.toBe(first.deckId);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(2);
    // Importing the first package again takes nothing twice.
    expect(await importAnki(learner, ankiPackage(), OPTIONS, NOW)).toMatchObject({ cards: 0, ratings: 0 });
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(2);
  });
});
