// Anki imports that keep what the learner had: each card from its own template (an 8-template note
// type, Anki's stock "Basic (and reversed card)"), cards Anki wouldn't make left out, subdecks as tags
// or as decks, Anki's internal tags kept out of the topics, and review cards keeping Anki's due dates.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAnki, ownDeckTitles, previewAnki } from "@/lib/transfer/anki-import";
import { replayCard } from "@/lib/review/history";
import { db } from "@/lib/server/db";
import { ankiCollectionPackage, BASIC_AND_REVERSED } from "../fixtures/anki-build";
import { makeUser } from "./helpers";

const templates = () => new Uint8Array(readFileSync("tests/fixtures/anki/templates.apkg"));
const NOW = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;

describe("Anki card templates", () => {
  it("previews how many cards each template gives, the deck's name and subdecks, leeches and suspended cards", () => {
    const preview = previewAnki(templates());
    const eight = preview.noteTypes.find((t) => t.name === "Term (8 ways)")!;
    expect(eight.choice.fromTemplates).toBe(true);
    expect(eight.cardsByTemplate.map((t) => [t.name, t.cards, t.empty])).toEqual([
      ["Term → Meaning", 3, 0],
      ["Meaning → Term", 3, 0],
      ["Example → Term", 1, 1],
      ["Term → Example", 1, 0],
      ["Synonym → Term", 2, 0],
      ["Term → Synonym", 2, 0],
      ["Antonym → Term", 1, 0],
      ["Spell it", 3, 0],
    ]);
    const reversed = preview.noteTypes.find((t) => t.name === "Basic (and reversed card)")!;
    expect(reversed.cardsByTemplate.map((t) => [t.name, t.cards])).toEqual([
      ["Card 1", 2],
      ["Card 2", 2],
    ]);
    expect(preview.deck).toEqual({
      name: "Interview",
      subdecks: [
        { path: "", cards: 2 },
        { path: "Python", cards: 2 },
        { path: "Vocabulary", cards: 17 },
      ],
    });
    expect(preview).toMatchObject({ cards: 21, leeches: 1, suspended: 1 });
    expect(preview.tags.map((t) => t.tag)).toEqual(["python"]);
  });

  it("renders each card from its own template: no duplicates, the reverse card reversed, empty fronts skipped", async () => {
    const learner = await makeUser("templates");
    const result = await importAnki(learner, templates(), { title: "Interview", choices: {}, withHistory: true }, NOW);
    // 21 cards in the package; the stale one whose front renders empty is left out, as Anki would.
    expect(result).toMatchObject({ decks: 1, cards: 20, skipped: 1 });
    const cards = await db.card.findMany({ where: { deckId: result.deckId }, include: { tags: true } });
    const sides = cards.map((c) => `${c.front}\n---\n${c.back}`);
    expect(new Set(sides).size).toBe(cards.length);
    const bySlug = new Map(cards.map((c) => [c.slug, c]));
    expect(bySlug.get("anki-1700000003004-0")).toMatchObject({ front: "What does `yield` make?", back: "A generator" });
    expect(bySlug.get("anki-1700000003004-1")).toMatchObject({ front: "A generator", back: "What does `yield` make?" });
    expect(bySlug.get("anki-1700000003001-7")).toMatchObject({ front: "Spell the term pronounced eye-dem-POH-tent:", back: "idempotent" });
    expect(bySlug.has("anki-1700000003002-2")).toBe(false);
    // Subdecks arrive as tags by default; Anki's own `leech` and `marked` are no topics.
    expect(
      bySlug
        .get("anki-1700000003004-0")!
        .tags.map((t) => t.tag)
        .sort(),
    ).toEqual(["python"]);
    expect(bySlug.get("anki-1700000003002-0")!.tags.map((t) => t.tag)).toEqual(["vocabulary"]);
    expect(bySlug.get("anki-1700000003005-0")!.tags.map((t) => t.tag)).toEqual(["python"]);
    // The leech Anki had suspended stays suspended, as a new card set aside.
    const states = await db.cardState.findMany({ where: { userId: learner.id, deckId: result.deckId } });
    expect(states).toEqual([expect.objectContaining({ cardId: bySlug.get("anki-1700000003004-0")!.id, suspended: true, state: 0 })]);
  });

  it("makes subdecks decks of their own when asked, and a second import adds nothing", async () => {
    const learner = await makeUser("subdecks");
    const options = { title: "Interview", choices: {}, withHistory: false, subdecks: "decks" as const };
    const result = await importAnki(learner, templates(), options, NOW);
    expect(result).toMatchObject({ decks: 3, cards: 20 });
    const decks = await db.deck.findMany({
      where: { ownerId: learner.id },
      include: { _count: { select: { cards: true } } },
      orderBy: { title: "asc" },
    });
    expect(decks.map((d) => [d.title, d._count.cards])).toEqual([
      ["Interview", 2],
      ["Interview / Python", 2],
      ["Interview / Vocabulary", 16],
    ]);
    expect(await db.deckStudy.count({ where: { userId: learner.id } })).toBe(3);
    expect(await ownDeckTitles(learner)).toEqual(expect.arrayContaining(["Interview", "Interview / Python"]));
    // Another learner's titles are theirs alone.
    expect(await ownDeckTitles(await makeUser("stranger"))).toEqual([]);
    const again = await importAnki(learner, templates(), options, NOW);
    expect(again).toMatchObject({ decks: 3, cards: 0, skipped: 21 });
    expect(await db.deck.count({ where: { ownerId: learner.id } })).toBe(3);
  });
});

describe("Anki's schedule", () => {
  // The collection began on day 0 at 04:00 UTC; NOW is its day 91.
  const created = Date.UTC(2026, 8, 1, 4);
  const today = Math.floor((NOW.getTime() - created) / DAY);
  const note = (i: number) => ({ id: 1_700_000_005_000 + i, mid: BASIC_AND_REVERSED.id, fields: [`Question ${i}`, `Answer ${i}`] });
  /** Card i: a review card due `dueIn` days from today, reviewed twice (Good, Good) before. */
  const reviewCard = (i: number, dueIn: number) => ({
    id: 1_700_000_006_000 + i,
    nid: note(i).id,
    did: 1,
    ord: 0,
    type: 2,
    queue: 2,
    due: today + dueIn,
    ivl: 20,
  });
  const history = (i: number) => [
    { id: created + (today - 40) * DAY + i * 1000, cid: 1_700_000_006_000 + i, ease: 3, type: 0 },
    { id: created + (today - 20) * DAY + i * 1000, cid: 1_700_000_006_000 + i, ease: 3, type: 1 },
  ];
  const dues = [11, 3, 0, -2];
  const pkg = () =>
    ankiCollectionPackage({
      created: created / 1000,
      decks: { 1: "Spanish" },
      noteTypes: [{ ...BASIC_AND_REVERSED, templates: BASIC_AND_REVERSED.templates!.slice(0, 1) }],
      notes: dues.map((_, i) => note(i)),
      cards: dues.map((dueIn, i) => reviewCard(i, dueIn)),
      revlog: dues.flatMap((_, i) => history(i)),
    });

  it("keeps each review card's Anki due date, with the memory its history gives, and says how many are overdue", async () => {
    const learner = await makeUser("dates");
    expect(previewAnki(pkg()).deck.name).toBe("Spanish");
    const result = await importAnki(learner, pkg(), { title: "Spanish", choices: {}, withHistory: true }, NOW);
    expect(result.schedule).toEqual({ kept: 4, overdue: 1, rescheduled: 0, suspended: 0 });
    const cards = await db.card.findMany({ where: { deckId: result.deckId }, select: { id: true, slug: true } });
    for (const [i, dueIn] of dues.entries()) {
      const card = cards.find((c) => c.slug === `anki-${note(i).id}-0`)!;
      const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: card.id } } });
      expect(state.due).toEqual(new Date(created + (today + dueIn) * DAY));
      expect(state).toMatchObject({ state: 2, scheduledDays: 20 });
      // Stability and difficulty are what the history gives under FSRS.
      const replayed = await replayCard(learner, card.id);
      expect(state.stability).toBe(replayed!.stability);
      expect(state.difficulty).toBe(replayed!.difficulty);
    }
  });

  it("reschedules from the history when asked", async () => {
    const learner = await makeUser("reschedule");
    const result = await importAnki(learner, pkg(), { title: "Spanish", choices: {}, withHistory: true, schedule: "reschedule" }, NOW);
    expect(result.schedule).toEqual({ kept: 0, overdue: 0, rescheduled: 4, suspended: 0 });
    const states = await db.cardState.findMany({ where: { userId: learner.id } });
    for (const state of states) {
      const replayed = await replayCard(learner, state.cardId);
      expect(state.due).toEqual(replayed!.due);
      expect(state.due).not.toEqual(new Date(created + (today + 11) * DAY));
    }
  });
});
