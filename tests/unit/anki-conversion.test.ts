import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS } from "@/lib/scheduling/fsrs";
import {
  clozeSides,
  deckLayout,
  fieldMarkdown,
  freshCards,
  IMAGE_MAX_BYTES,
  imagesToStore,
  importRows,
  keptMemory,
  referencedImages,
  reviewsByCard,
  subdeckTag,
  subdeckTitle,
} from "@/lib/transfer/anki-conversion";
import type { AnkiPackage } from "@/lib/transfer/anki-package";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (start: number[], length = 16) => Uint8Array.from({ length }, (_, i) => start[i] ?? 0);
const card = (id: string, noteId: string, ord = 0): AnkiPackage["cards"][number] => ({
  id,
  noteId,
  deckId: "1",
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

  it("replays each card's reviews through FSRS into its ratings and, when rescheduling, its state", () => {
    const { cards: fresh } = freshCards({ ...pkg, cards: [card("k1", "n1"), card("k3", "n2", 1)] }, new Set(), {}, new Map());
    const rows = importRows(fresh, reviewsByCard(reviews), { userId: "u1", scheduler, now: NOW, newId: counter(), schedule: "reschedule" });
    expect(rows.cardRows).toEqual([
      {
        id: "id1",
        deckId: "",
        position: 0,
        slug: "anki-n1-0",
        front: "What is **the GIL**? [image: gil.png]",
        lead: "",
        keyPoints: "",
        ownAnswer: false,
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
        ownAnswer: false,
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
    expect(rows.stateRows).toEqual([{ userId: "u1", cardId: "id1", ...third!.after, version: 3, suspended: false }]);
    expect(rows.schedule).toEqual({ kept: 0, overdue: 0, rescheduled: 1, suspended: 0 });
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

describe("keeping Anki's schedule", () => {
  const scheduler = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  // The collection began on 1 September at Anki's 04:00 rollover (UTC here); "now" is day 80 at 10:00.
  const CREATED = Date.parse("2026-09-01T04:00:00Z");
  const DAY = 86_400_000;
  const NOW = new Date(CREATED + 80 * DAY + 6 * 3_600_000);
  const replayed = {
    due: new Date("2027-03-01T00:00:00Z"),
    stability: 40,
    difficulty: 5,
    scheduledDays: 90,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    state: 2 as const,
    lastReview: new Date(CREATED + 70 * DAY),
  };

  it("a review card due in 11 days stays due in 11 days, with the memory its history gives", () => {
    const kept = keptMemory({ type: 2, due: 91, interval: 21 }, replayed, CREATED, NOW)!;
    expect(kept.memory).toEqual({ ...replayed, due: new Date(CREATED + 91 * DAY), scheduledDays: 21 });
    expect(kept.overdue).toBe(false);
    expect(Math.round((kept.memory.due.getTime() - NOW.getTime()) / DAY)).toBe(11);
  });

  it("a card due yesterday is overdue, one due today isn't; learning cards keep their time; new ones stay new", () => {
    expect(keptMemory({ type: 2, due: 79, interval: 5 }, replayed, CREATED, NOW)!.overdue).toBe(true);
    expect(keptMemory({ type: 2, due: 80, interval: 5 }, replayed, CREATED, NOW)!.overdue).toBe(false);
    const learning = keptMemory(
      { type: 3, due: NOW.getTime() / 1000 + 600, interval: 1 },
      { ...replayed, learningSteps: 1 },
      CREATED,
      NOW,
    )!;
    expect(learning.memory).toMatchObject({ state: 3, due: new Date(NOW.getTime() + 600_000), scheduledDays: 0, learningSteps: 1 });
    expect(keptMemory({ type: 0, due: 3, interval: 0 }, replayed, CREATED, NOW)).toBeNull();
  });

  it("by default, imported cards keep Anki's dates and say how many are overdue; suspended ones stay suspended", () => {
    const cards = [
      { ...card("k1", "n1"), type: 2, queue: 2, due: 91, interval: 21 },
      { ...card("k3", "n2", 1), type: 2, queue: -1, due: 70, interval: 3 },
    ];
    const { cards: fresh } = freshCards({ ...pkg, cards }, new Set(), {}, new Map());
    const history = reviewsByCard([
      { id: "r1", cardId: "k1", ease: 3, at: CREATED + 70 * DAY, durationMs: 4000, kind: 1 },
      { id: "r2", cardId: "k3", ease: 3, at: CREATED + 67 * DAY, durationMs: 4000, kind: 1 },
    ]);
    const rows = importRows(fresh, history, { userId: "u1", scheduler, now: NOW, newId: counter(), created: CREATED });
    expect(rows.stateRows.map((s) => [s.due, s.suspended])).toEqual([
      [new Date(CREATED + 91 * DAY), false],
      [new Date(CREATED + 70 * DAY), true],
    ]);
    // The memory is the replay's: one Good on a new card.
    expect(rows.stateRows[0]!.stability).toBe(rows.reviews[0]!.after.stability);
    expect(rows.schedule).toEqual({ kept: 2, overdue: 1, rescheduled: 0, suspended: 1 });
  });
});

describe("Anki's decks and internal tags", () => {
  const decks = [
    { id: "1", name: "Default" },
    { id: "10", name: "Python" },
    { id: "11", name: "Python::Basics" },
    { id: "12", name: "Python::Big O & Co" },
  ];
  const inDeck = (id: string, deckId: string) => ({ ...card(id, "n1"), deckId });

  it("names the deck holding all the cards and each card's subdeck below it", () => {
    const layout = deckLayout({ decks, cards: [inDeck("a", "11"), inDeck("b", "12"), inDeck("c", "10"), inDeck("d", "11")] });
    expect(layout.name).toBe("Python");
    expect(layout.subdecks).toEqual([
      { path: "", cards: 1 },
      { path: "Basics", cards: 2 },
      { path: "Big O & Co", cards: 1 },
    ]);
    expect(layout.subdeckOf.get("b")).toBe("Big O & Co");
    expect(deckLayout({ decks, cards: [inDeck("a", "11")] }).name).toBe("Python::Basics");
    expect(deckLayout({ decks, cards: [inDeck("a", "11"), inDeck("b", "1")] }).name).toBe("Python, Default");
    expect(deckLayout({ cards: [inDeck("a", "11")] }).name).toBeNull();
  });

  it("makes subdecks tags or deck titles", () => {
    expect(subdeckTag("Big O & Co::Part 1")).toBe("big-o-co::part-1");
    expect(subdeckTag("")).toBeNull();
    expect(subdeckTitle("Python", "Basics::Lists")).toBe("Python / Basics / Lists");
    expect(subdeckTitle("Python", "")).toBe("Python");
  });

  it("tags cards with their subdeck first and leaves Anki's marked and leech out of the topics", () => {
    const notes = [{ id: "n1", noteTypeId: "basic", fields: ["Q", "A"], tags: ["leech", "marked", "Marked", "python"] }];
    const asTags = freshCards({ ...pkg, notes, decks, cards: [inDeck("a", "11"), inDeck("b", "10")] }, new Set(), {}, new Map());
    expect(asTags.cards.map((c) => [c.content.tags, c.subdeck])).toEqual([
      [["basics", "python"], "Basics"],
      [["python"], ""],
    ]);
    const asDecks = freshCards({ ...pkg, notes, decks, cards: [inDeck("a", "11")] }, new Set(), {}, new Map(), "decks");
    expect(asDecks.cards[0]!.content.tags).toEqual(["python"]);
  });
});
