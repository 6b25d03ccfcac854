import { describe, expect, it } from "vitest";
import {
  ankiCollectionRows,
  DECK_ID,
  NOTE_TYPE_ID,
  plainText,
  withImageNames,
  type CollectionInput,
  type ExportedState,
} from "@/lib/transfer/anki-collection";

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;
const NOW = at("2026-10-20T12:00:00Z");
const CREATED = at("2026-09-01T00:00:00Z"); // 1788220800000 ms

function state(cardId: string, fields: Partial<ExportedState>): ExportedState {
  return {
    cardId,
    state: 2,
    due: NOW,
    scheduledDays: 0,
    stability: 1,
    difficulty: 5,
    lastReview: null,
    reps: 0,
    lapses: 0,
    suspended: false,
    buriedUntil: null,
    ...fields,
  };
}

const input: CollectionInput = {
  title: "Python::Basics",
  cards: [
    { id: "c1", createdAt: CREATED, tags: ["sql", "basics"] },
    { id: "c2", createdAt: CREATED, tags: [] }, // created in the same millisecond: the next id
    { id: "c3", createdAt: at("2026-09-02T00:00:00Z"), tags: [] },
    { id: "c4", createdAt: at("2026-09-03T00:00:00Z"), tags: [] },
  ],
  fields: [
    ["<p>What is <code>JOIN</code>?</p>", "<p>A &amp; B</p>"],
    ["<p>Two</p>", "<p>B</p>"],
    ["<p>Three</p>", "<p>C</p>"],
    ["<p>Four</p>", "<p>D</p>"],
  ],
  states: [
    state("c1", {
      due: at("2026-10-25T09:00:00Z"),
      scheduledDays: 10,
      stability: 12.345678,
      difficulty: 5.55555,
      lastReview: at("2026-10-15T09:00:00Z"),
      reps: 4,
      lapses: 1,
    }),
    state("c2", {
      state: 3,
      due: at("2026-10-20T12:10:00Z"),
      stability: 1.5,
      difficulty: 7,
      reps: 3,
      lapses: 1,
      buriedUntil: at("2026-10-21T04:00:00Z"),
    }),
    state("c4", { due: at("2026-10-22T00:00:00Z"), scheduledDays: 0, suspended: true }),
  ],
  ratings: [
    { cardId: "c1", rating: 3, reviewedAt: at("2026-10-01T09:00:00Z"), nextDue: at("2026-10-01T09:10:00Z"), durationMs: 4000, state: 0 },
    // the same millisecond: the next id; 36 hours round to 2 days; a minute at most
    { cardId: "c2", rating: 3, reviewedAt: at("2026-10-01T09:00:00Z"), nextDue: at("2026-10-02T21:00:00Z"), durationMs: 90_000, state: 1 },
    { cardId: "c1", rating: 3, reviewedAt: at("2026-10-15T09:00:00Z"), nextDue: at("2026-10-25T09:00:00Z"), durationMs: 2000, state: 2 },
    { cardId: "c2", rating: 1, reviewedAt: NOW, nextDue: new Date(NOW.getTime() + 10 * MINUTE), durationMs: -5, state: 2 },
    { cardId: "gone", rating: 3, reviewedAt: NOW, nextDue: NOW, durationMs: 1000, state: 2 }, // not in the deck any more
  ],
  desiredRetention: 0.85,
  now: NOW,
};

describe("an exported Anki collection's rows", () => {
  const rows = ankiCollectionRows(input);

  it("counts days from the first rating's UTC day, names the deck without Anki's '::' and makes it current", () => {
    expect(rows.col.crt).toBe(1790812800); // 2026-10-01T00:00:00Z
    expect(rows.col.mod).toBe(NOW.getTime());
    expect(rows.col.scm).toBe(NOW.getTime());
    const decks = JSON.parse(rows.col.decks) as Record<string, { name: string }>;
    expect(Object.keys(decks)).toEqual(["1", String(DECK_ID)]);
    expect(decks[DECK_ID]!.name).toBe("Python:Basics");
    expect(JSON.parse(rows.col.conf)).toMatchObject({ nextPos: 5, activeDecks: [DECK_ID], curDeck: DECK_ID, curModel: NOTE_TYPE_ID });
    const models = JSON.parse(rows.col.models) as Record<string, { name: string; did: number; flds: { name: string }[] }>;
    expect(models[NOTE_TYPE_ID]).toMatchObject({ name: "Basic", did: DECK_ID, flds: [{ name: "Front" }, { name: "Back" }] });
  });

  it("writes a note per card: stable ids, tags between spaces, the front's plain text to sort and check by", () => {
    expect(rows.notes.slice(0, 2)).toEqual([
      {
        id: 1788220800000,
        guid: "f45bXywo0w",
        mid: NOTE_TYPE_ID,
        mod: 1792497600,
        tags: " sql basics ",
        flds: "<p>What is <code>JOIN</code>?</p>\x1f<p>A &amp; B</p>",
        sfld: "What is JOIN ?",
        csum: 1680276305,
      },
      {
        id: 1788220800001,
        guid: "hQNOyX-Ko7",
        mid: NOTE_TYPE_ID,
        mod: 1792497600,
        tags: "",
        flds: "<p>Two</p>\x1f<p>B</p>",
        sfld: "Two",
        csum: 383785196,
      },
    ]);
  });

  it("carries each card's schedule and FSRS memory on, new cards in the deck's order", () => {
    const common = { did: DECK_ID, mod: 1792497600 };
    expect(rows.cards).toEqual([
      // review: due in days since the collection began, the interval at least a day
      {
        ...common,
        id: 1788220800000,
        nid: 1788220800000,
        type: 2,
        queue: 2,
        due: 24,
        ivl: 10,
        reps: 4,
        lapses: 1,
        left: 0,
        data: '{"s":12.3457,"d":5.5556,"dr":0.85,"lrt":1792054800}',
      },
      // relearning and buried until tomorrow: due as an instant in seconds, in the buried queue
      {
        ...common,
        id: 1788220800001,
        nid: 1788220800001,
        type: 3,
        queue: -2,
        due: 1792498200,
        ivl: 0,
        reps: 3,
        lapses: 1,
        left: 0,
        data: '{"s":1.5,"d":7,"dr":0.85}',
      },
      // new: its position
      { ...common, id: 1788307200000, nid: 1788307200000, type: 0, queue: 0, due: 3, ivl: 0, reps: 0, lapses: 0, left: 0, data: "" },
      // suspended
      {
        ...common,
        id: 1788393600000,
        nid: 1788393600000,
        type: 2,
        queue: -1,
        due: 21,
        ivl: 1,
        reps: 0,
        lapses: 0,
        left: 0,
        data: '{"s":1,"d":5,"dr":0.85}',
      },
    ]);
  });

  it("writes a revlog row per rating of the deck's cards, in Anki's intervals and kinds", () => {
    expect(rows.revlog).toEqual([
      { id: 1790845200000, cid: 1788220800000, ease: 3, ivl: -600, lastIvl: 0, time: 4000, type: 0 },
      { id: 1790845200001, cid: 1788220800001, ease: 3, ivl: 2, lastIvl: 0, time: 60_000, type: 0 },
      { id: 1792054800000, cid: 1788220800000, ease: 3, ivl: 10, lastIvl: -600, time: 2000, type: 1 },
      { id: 1792497600000, cid: 1788220800001, ease: 1, ivl: -600, lastIvl: 2, time: 0, type: 1 },
    ]);
  });

  it("without history, every card is new and the collection begins today", () => {
    const fresh = ankiCollectionRows({ ...input, states: [], ratings: [] });
    expect(fresh.col.crt).toBe(1792454400); // 2026-10-20T00:00:00Z
    expect(fresh.cards.map((c) => [c.type, c.queue, c.due, c.data])).toEqual([
      [0, 0, 1, ""],
      [0, 0, 2, ""],
      [0, 0, 3, ""],
      [0, 0, 4, ""],
    ]);
    expect(fresh.revlog).toEqual([]);
  });
});

describe("an exported field", () => {
  it("has its plain text without tags, entities decoded once", () => {
    expect(plainText("<p>x &amp;lt; y</p>\n<p>&quot;q&quot; &#x27;s&#x27; &gt;</p>")).toBe("x &lt; y \"q\" 's' >");
  });

  it("points the deck's images at their names in the package, others left as they are", () => {
    const names = new Map([["/media/m1", 'a"b.png']]);
    expect(withImageNames('<p><img alt="x" src="/media/m1"> <img src="/media/m9"></p>', names)).toBe(
      '<p><img alt="x" src="a&quot;b.png"> <img src="/media/m9"></p>',
    );
  });
});
