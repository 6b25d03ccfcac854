import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS } from "@/lib/scheduling/fsrs";
import {
  clozeSides,
  fieldMarkdown,
  freshCards,
  IMAGE_MAX_BYTES,
  imagesToStore,
  importRows,
  referencedImages,
  reviewsByCard,
} from "@/lib/transfer/anki-conversion";
import type { AnkiPackage } from "@/lib/transfer/anki-package";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (start: number[], length = 16) => Uint8Array.from({ length }, (_, i) => start[i] ?? 0);
const card = (id: string, noteId: string, ord = 0): AnkiPackage["cards"][number] => ({
  id,
  noteId,
  ord,
  type: 0,
  queue: 0,
  due: 0,
  interval: 0,
});
const counter = () => {
  let n = 0;
  return () => `id${++n}`;
};

const pkg: Pick<AnkiPackage, "noteTypes" | "notes" | "cards"> = {
  noteTypes: [
    { id: "basic", name: "Basic", fields: ["Front", "Back"], cloze: false, templates: [] },
    { id: "cloze", name: "Cloze", fields: ["Text", "Back Extra"], cloze: true, templates: [] },
  ],
  notes: [
    {
      id: "n1",
      noteTypeId: "basic",
      fields: ['What is <b>the GIL</b>? <img src="gil.png">', "A lock.[sound:lock.mp3]"],
      tags: ["Python::Basics", "python::basics", "not valid!", "a", "b", "c", "d", "e"],
    },
    { id: "n2", noteTypeId: "cloze", fields: ["{{c1::Threads}} give {{c2::concurrency::what?}}.", "Extra"], tags: [] },
  ],
  cards: [card("k1", "n1"), card("k2", "n2", 0), card("k3", "n2", 1), card("k4", "missing")],
};

describe("an Anki field as Markdown", () => {
  it("converts the HTML, drops sounds, and shows stored images by their URL, others by name", () => {
    expect(fieldMarkdown('<b>Bold</b> <i>it</i> [sound:x.mp3]<img src="a.png"><img src="b.png">', new Map([["a.png", "/media/m1"]]))).toBe(
      "**Bold** _it_ ![a.png](/media/m1)[image: b.png]",
    );
  });

  it("splits a cloze into the question with its blank and the answer with it filled", () => {
    expect(clozeSides("{{c1::Threads}} give {{c2::concurrency::what?}}.", 2)).toEqual({
      question: "Threads give [what?].",
      answer: "Threads give <b>concurrency</b>.",
    });
    expect(clozeSides("{{c1::Threads}} give {{c2::concurrency::what?}}.", 1)).toEqual({
      question: "[...] give concurrency.",
      answer: "<b>Threads</b> give concurrency.",
    });
  });
});

describe("the images an import stores", () => {
  it("finds the images the fields show, their names decoded", () => {
    const notes = [{ id: "n", noteTypeId: "t", fields: [`<img src="a%20b.png"> <IMG alt='' src='c.jpg'>`, "<img src=d.gif>"], tags: [] }];
    expect([...referencedImages(notes)]).toEqual(["a b.png", "c.jpg", "d.gif"]);
  });

  it("stores real images within the size limits, reuses ones stored before, and skips the rest", () => {
    const media = new Map([
      ["new.png", bytes(PNG)],
      ["fake.png", bytes([0x3c, 0x73, 0x76, 0x67])], // not an image by its bytes
      ["huge.png", bytes(PNG, IMAGE_MAX_BYTES + 1)],
      ["old.png", bytes(PNG)],
    ]);
    const { images, mediaRows } = imagesToStore(
      ["new.png", "fake.png", "huge.png", "old.png", "absent.png"],
      new Map([["old.png", "m0"]]),
      media,
      counter(),
    );
    expect(images).toEqual(
      new Map([
        ["new.png", "/media/id1"],
        ["old.png", "/media/m0"],
      ]),
    );
    expect(mediaRows).toEqual([{ id: "id1", name: "new.png", mimeType: "image/png", bytes: bytes(PNG), size: 16 }]);
  });

  it("stores at most 50 MB of images in one import", () => {
    const big = bytes(PNG, IMAGE_MAX_BYTES);
    const names = Array.from({ length: 26 }, (_, i) => `${i}.png`);
    const { mediaRows } = imagesToStore(names, new Map(), new Map(names.map((n) => [n, big])), counter());
    expect(mediaRows).toHaveLength(25);
    expect(mediaRows.at(-1)!.name).toBe("24.png");
  });
});

describe("the cards an import brings", () => {
  it("makes checked cards of the notes not imported before, cloze cards one per blank", () => {
    const { cards, errors } = freshCards(pkg, new Set(["anki-n2-0"]), {}, new Map([["gil.png", "/media/m1"]]));
    expect(errors).toEqual([]);
    expect(cards.map((c) => [c.anki.id, c.content])).toEqual([
      [
        "k1",
        {
          slug: "anki-n1-0",
          front: "What is **the GIL**? ![gil.png](/media/m1)",
          lead: "",
          keyPoints: [],
          back: "A lock.",
          // Anki's hierarchical tags kept, lower-cased, once; invalid ones dropped; six at most
          tags: ["python::basics", "a", "b", "c", "d", "e"],
        },
      ],
      [
        "k3",
        {
          slug: "anki-n2-1",
          front: "Threads give \\[what?\\].",
          lead: "",
          keyPoints: [],
          back: "Threads give **concurrency**.\n\nExtra",
          tags: [],
        },
      ],
    ]);
  });

  it("takes the chosen fields for each note type", () => {
    const { cards } = freshCards({ ...pkg, cards: [card("k1", "n1")] }, new Set(), { basic: { question: 1, answer: 0 } }, new Map());
    expect(cards[0]!.content).toMatchObject({ front: "A lock.", back: "What is **the GIL**? [image: gil.png]" });
  });

  it("refuses notes the card editor would refuse, reporting the first five", () => {
    const empty = Array.from({ length: 7 }, (_, i) => ({ id: `e${i}`, noteTypeId: "basic", fields: ["", "A"], tags: [] }));
    const { cards, errors } = freshCards(
      { noteTypes: pkg.noteTypes, notes: empty, cards: empty.map((n, i) => card(`c${i}`, n.id)) },
      new Set(),
      {},
      new Map(),
    );
    expect(cards).toEqual([]);
    expect(errors).toEqual([0, 1, 2, 3, 4].map((i) => `Anki note e${i}: The question is empty.`));
  });
});

describe("the rows an import writes", () => {
  const NOW = new Date("2026-11-01T00:00:00Z");
  const scheduler = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  const reviews: AnkiPackage["reviews"] = [
    { id: "r1", cardId: "k1", ease: 3, at: Date.parse("2026-10-01T09:00:00Z"), durationMs: 4000, kind: 0 },
    { id: "r2", cardId: "k1", ease: 3, at: Date.parse("2026-10-01T09:10:00Z"), durationMs: 4000, kind: 0 },
    { id: "x1", cardId: "k9", ease: 3, at: Date.parse("2026-10-02T09:00:00Z"), durationMs: 4000, kind: 0 }, // another card's
    { id: "r3", cardId: "k1", ease: 1, at: Date.parse("2026-12-01T09:00:00Z"), durationMs: 4000, kind: 1 }, // after the import
  ];

  it("replays each card's reviews through FSRS into its ratings and state", () => {
    const { cards: fresh } = freshCards({ ...pkg, cards: [card("k1", "n1"), card("k3", "n2", 1)] }, new Set(), {}, new Map());
    const rows = importRows(fresh, reviewsByCard(reviews), { userId: "u1", scheduler, now: NOW, newId: counter() });
    expect(rows.cardRows).toEqual([
      {
        id: "id1",
        deckId: "",
        position: 0,
        slug: "anki-n1-0",
        front: "What is **the GIL**? [image: gil.png]",
        lead: "",
        keyPoints: "",
        back: "A lock.",
      },
      {
        id: "id2",
        deckId: "",
        position: 0,
        slug: "anki-n2-1",
        front: "Threads give \\[what?\\].",
        lead: "",
        keyPoints: "",
        back: "Threads give **concurrency**.\n\nExtra",
      },
    ]);
    expect(rows.tagRows).toEqual(["python::basics", "a", "b", "c", "d", "e"].map((tag) => ({ cardId: "id1", tag })));
    // k1's three reviews, the last one moved back to the import's time; k3 has none
    expect(rows.reviews.map((r) => [r.cardId, r.review.id, r.at.toISOString(), r.question])).toEqual([
      ["id1", "r1", "2026-10-01T09:00:00.000Z", "What is **the GIL**? [image: gil.png]"],
      ["id1", "r2", "2026-10-01T09:10:00.000Z", "What is **the GIL**? [image: gil.png]"],
      ["id1", "r3", "2026-11-01T00:00:00.000Z", "What is **the GIL**? [image: gil.png]"],
    ]);
    const [first, second, third] = rows.reviews;
    // each rating carries the memory before it: a new card first, then what the previous one scheduled
    expect(first!.memory).toEqual({
      due: new Date("2026-10-01T09:00:00Z"),
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 0,
      lastReview: null,
    });
    expect(first!.after).toEqual({
      due: new Date("2026-10-01T09:10:00Z"),
      stability: 2.3065,
      difficulty: 2.11810397,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: 1,
      lastReview: new Date("2026-10-01T09:00:00Z"),
    });
    expect(second!.memory).toBe(first!.after);
    expect(second!.after).toMatchObject({ due: new Date("2026-10-03T09:10:00Z"), scheduledDays: 2, reps: 2, state: 2 });
    expect(third!.memory).toBe(second!.after);
    expect(rows.stateRows).toEqual([{ userId: "u1", cardId: "id1", ...third!.after, version: 3 }]);
    expect(third!.after).toMatchObject({ due: new Date("2026-11-01T00:10:00Z"), reps: 3, lapses: 1, state: 3, lastReview: NOW });
  });

  it("without history, makes cards and tags only", () => {
    const { cards: fresh } = freshCards({ ...pkg, cards: [card("k1", "n1")] }, new Set(), {}, new Map());
    const rows = importRows(fresh, new Map(), { userId: "u1", scheduler, now: NOW, newId: counter() });
    expect(rows.cardRows).toHaveLength(1);
    expect(rows.tagRows).toHaveLength(6);
    expect(rows.reviews).toEqual([]);
    expect(rows.stateRows).toEqual([]);
  });
});
