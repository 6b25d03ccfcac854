// Key points on cards: the checklist stored with each rating (single and batched), exact undo, the
// learner's most-missed points and calibration, and the mentor's view of the group's misses.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getMentorDashboard } from "@/lib/views/mentor-dashboard";
import { updateCard } from "@/lib/decks/card-authoring";
import { ratingSchema, type RatingInput } from "@/lib/review/rating/input";
import { recordRating, recordRatings, undoRating } from "@/lib/review/rating/record";
import { loadStudySession } from "@/lib/review/session";
import { startStudying } from "@/lib/review/studying";
import { newMemory, type RatingValue } from "@/lib/scheduling/fsrs";
import { db } from "@/lib/server/db";
import { getCalibration, getMissedKeyPoints, getSuggestionCalibration } from "@/lib/stats/key-points";
import { pendingRating } from "@/components/review/session-state";
import { insertReviewLog, makeDeck, makeUser } from "./helpers";

const POINTS = ["Says what the GIL is", "Names I/O-bound work", "Mentions processes for CPU work"];
const DAY = 24 * 60 * 60_000;

/** A learner studying their own deck whose first card has key points. */
async function learnerWithPoints() {
  const user = await makeUser("learner");
  const deck = await makeDeck(user.id, { cards: 2 });
  await startStudying(user, deck.id);
  const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
  await db.card.update({ where: { id: cards[0]!.id }, data: { lead: "Threads share memory.", keyPoints: POINTS.join("\n") } });
  return { user, deck, withPoints: cards[0]!.id, plain: cards[1]!.id };
}

function rating(cardId: string, value: RatingValue, expectedVersion: number, extra: Partial<RatingInput> = {}): RatingInput {
  return { clientId: `c-${randomUUID()}`, cardId, rating: value, expectedVersion, durationMs: 5_000, ...extra };
}

async function logOf(userId: string, clientId: string) {
  return db.reviewLog.findUniqueOrThrow({ where: { userId_clientId: { userId, clientId } } });
}

describe("key points with ratings", () => {
  it("the session carries each card's lead, key points and the learner's median answer time", async () => {
    const { user, withPoints, plain } = await learnerWithPoints();
    let session = await loadStudySession(user, {});
    const card = session.queue.ready.find((c) => c.cardId === withPoints)!;
    expect(card).toMatchObject({ lead: "Threads share memory.", keyPoints: POINTS });
    expect(session.queue.ready.find((c) => c.cardId === plain)).toMatchObject({ lead: "", keyPoints: [] });
    expect(session.medianAnswerMs).toBeNull();

    for (const [i, ms] of [3_000, 9_000, 5_000].entries())
      await insertReviewLog(user.id, { id: plain, deckId: card.deckId }, 3, new Date(Date.now() - (i + 1) * DAY), { durationMs: ms });
    session = await loadStudySession(user, {});
    expect(session.medianAnswerMs).toBe(5_000);
  });

  it("stores the points shown and the ones missed, as worded, and undo removes them with the rating", async () => {
    const { user, withPoints } = await learnerWithPoints();
    const input = rating(withPoints, 2, 0, { checklist: { count: 3, missed: [1] } });
    expect((await recordRating(user, input)).status).toBe("saved");
    const log = await logOf(user.id, input.clientId);
    expect(log.pointsShown).toBe(POINTS.join("\n"));
    expect(log.pointsMissed).toBe("Names I/O-bound work");

    await undoRating(user, input.clientId);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: withPoints } } });
    expect(state.reps).toBe(0);

    // All ticked: an empty list of misses, not "no checklist".
    const again = rating(withPoints, 3, state.version, { checklist: { count: 3, missed: [] } });
    await recordRating(user, again);
    expect((await logOf(user.id, again.clientId)).pointsMissed).toBe("");
  });

  it("keeps no checklist when the card had none, none was sent, or the card's points changed since", async () => {
    const { user, withPoints, plain } = await learnerWithPoints();
    const onPlain = rating(plain, 3, 0, { checklist: { count: 3, missed: [0] } });
    const unsent = rating(withPoints, 3, 0);
    await recordRating(user, onPlain);
    await recordRating(user, unsent);
    for (const clientId of [onPlain.clientId, unsent.clientId])
      expect(await logOf(user.id, clientId)).toMatchObject({ pointsShown: null, pointsMissed: null });

    // An editor added a point after the learner's copy was loaded: the positions mean nothing now.
    await updateCard(user, withPoints, {
      front: "Question 0?",
      back: "",
      tags: [],
      lead: "Lead.",
      keyPoints: [...POINTS, "A fourth point"],
    });
    const stale = rating(withPoints, 1, 1, { checklist: { count: 3, missed: [0] } });
    expect((await recordRating(user, stale)).status).toBe("saved");
    expect(await logOf(user.id, stale.clientId)).toMatchObject({ pointsShown: null, pointsMissed: null });
  });

  it("a batch stores each rating's checklist like single ratings do", async () => {
    const { user, withPoints, plain } = await learnerWithPoints();
    const first = rating(withPoints, 1, 0, { checklist: { count: 3, missed: [0, 1, 2] } });
    const second = rating(plain, 3, 0);
    const third = rating(withPoints, 2, 1, { checklist: { count: 3, missed: [2] } });
    const results = await recordRatings(user, [first, second, third]);
    expect(results.map((r) => r.status)).toEqual(["saved", "saved", "saved"]);
    expect((await logOf(user.id, first.clientId)).pointsMissed).toBe(POINTS.join("\n"));
    expect((await logOf(user.id, second.clientId)).pointsShown).toBeNull();
    expect((await logOf(user.id, third.clientId)).pointsMissed).toBe(POINTS[2]);
  });
});

describe("a checklist is stored only when the learner used it", () => {
  /** The rating the review screen sends for a grade, from what was ticked, as the server parses it. */
  function fromScreen(cardId: string, version: number, grade: RatingValue, answer: { ticked: number[]; saidNone?: boolean }) {
    const card = { cardId, version, memory: newMemory(new Date()), keyPoints: POINTS };
    const used = answer.ticked.length > 0 || Boolean(answer.saidNone);
    const item = pendingRating(
      card,
      { ticked: new Set(answer.ticked), saidNone: answer.saidNone ?? false },
      { clientId: `c-${randomUUID()}`, rating: grade, at: new Date(), durationMs: 5_000, suggested: used ? grade : null },
    );
    return ratingSchema.parse(item);
  }

  it("grading with the buttons without ticking stores no checklist: no 'missed 3 of 3' in stats or on the mentor dashboard", async () => {
    const mentor = await makeUser("mentor");
    const deck = await makeDeck(mentor.id, { cards: 1, visibility: "link" });
    const [card] = await db.card.findMany({ where: { deckId: deck.id } });
    await db.card.update({ where: { id: card!.id }, data: { lead: "Lead.", keyPoints: POINTS.join("\n") } });
    const mentee = await makeUser("mentee");
    await db.deckMember.create({ data: { deckId: deck.id, userId: mentee.id, role: "mentee", invitedById: mentor.id } });
    await startStudying(mentee, deck.id);

    const untouched = fromScreen(card!.id, 0, 3, { ticked: [] });
    expect((await recordRating(mentee, untouched)).status).toBe("saved");
    expect(await logOf(mentee.id, untouched.clientId)).toMatchObject({ pointsShown: null, pointsMissed: null, suggestedRating: null });
    expect(await getMissedKeyPoints(mentee)).toEqual([]);
    expect((await getMentorDashboard(mentor, deck.id))!.cards[0]!.missedPoints).toEqual([]);

    // "None" pressed: a used checklist, every point missed, with the suggestion (Again) kept.
    const none = fromScreen(card!.id, 1, 1, { ticked: [], saidNone: true });
    await recordRating(mentee, none);
    expect(await logOf(mentee.id, none.clientId)).toMatchObject({ pointsMissed: POINTS.join("\n"), suggestedRating: 1 });
    expect((await getMissedKeyPoints(mentee)).map((m) => [m.point, m.missed, m.shown])).toEqual([
      ["Mentions processes for CPU work", 1, 1],
      ["Names I/O-bound work", 1, 1],
      ["Says what the GIL is", 1, 1],
    ]);
    expect((await getMentorDashboard(mentor, deck.id))!.cards[0]!.missedPoints).toHaveLength(3);
  });
});

describe("stats from key points", () => {
  it("lists the learner's most missed points with their cards, from their own ratings only", async () => {
    const { user, deck, withPoints } = await learnerWithPoints();
    const other = await makeUser("other");
    await db.deck.update({ where: { id: deck.id }, data: { visibility: "public" } });
    await startStudying(other, deck.id);
    let version = 0;
    for (const missed of [[1], [1, 2], []]) {
      await recordRating(user, rating(withPoints, missed.length ? 2 : 3, version++, { checklist: { count: 3, missed } }));
    }
    await recordRating(other, rating(withPoints, 1, 0, { checklist: { count: 3, missed: [0] } }));

    const list = await getMissedKeyPoints(user);
    expect(list.map((m) => [m.point, m.missed, m.shown])).toEqual([
      ["Names I/O-bound work", 2, 3],
      ["Mentions processes for CPU work", 1, 3],
    ]);
    expect(list[0]!.card).toMatchObject({ front: "Question 0?", slug: "card-0", deck: { id: deck.id } });
    expect((await getMissedKeyPoints(other)).map((m) => m.point)).toEqual(["Says what the GIL is"]);
  });

  it("calibration: for each grade, how often the card was recalled at its next review as a review", async () => {
    const user = await makeUser("calibrated");
    const deck = await makeDeck(user.id, { cards: 4 });
    const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
    const at = (day: number) => new Date(Date.UTC(2030, 0, 1) + day * DAY);
    const seq = async (card: (typeof cards)[number], ratings: [RatingValue, number][]) => {
      for (const [i, [r, state]] of ratings.entries()) await insertReviewLog(user.id, card, r, at(i * 10), { state, reps: i });
    };
    // [rating, state before it]: Good then recalled, Good then forgotten, Hard then recalled,
    // Again followed by a learning step (not counted), Easy with no next review yet.
    await seq(cards[0]!, [
      [3, 0],
      [3, 2],
      [3, 2],
    ]);
    await seq(cards[1]!, [
      [3, 2],
      [1, 2],
    ]);
    await seq(cards[2]!, [
      [2, 2],
      [3, 2],
      [1, 2],
      [3, 3],
    ]);
    await seq(cards[3]!, [[4, 2]]);
    const calibration = await getCalibration(user);
    expect(calibration).toEqual([
      { rating: 1, followed: 0, recalled: 0 },
      { rating: 2, followed: 1, recalled: 1 },
      { rating: 3, followed: 4, recalled: 2 },
      { rating: 4, followed: 0, recalled: 0 },
    ]);
  });

  it("suggestion calibration: for each grade suggested, how often it was taken and the card recalled next time", async () => {
    const user = await makeUser("suggested");
    const deck = await makeDeck(user.id, { cards: 3 });
    const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
    const at = (day: number) => new Date(Date.UTC(2030, 0, 1) + day * DAY);
    // [rating, suggested or null] on each card, every review made in the Review state.
    const seq = async (card: (typeof cards)[number], ratings: [RatingValue, number | null][]) => {
      for (const [i, [r, suggestedRating]] of ratings.entries())
        await insertReviewLog(user.id, card, r, at(i * 10), { state: 2, reps: i, ...(suggestedRating && { suggestedRating }) });
    };
    // Good suggested and taken, then recalled; Good suggested, Easy chosen, then forgotten;
    // Hard suggested and taken, then recalled; a rating without a suggestion; the last has no next review.
    await seq(cards[0]!, [
      [3, 3],
      [4, 3],
      [1, null],
    ]);
    await seq(cards[1]!, [
      [2, 2],
      [3, null],
      [3, 4],
    ]);
    await seq(cards[2]!, [[1, 1]]);
    expect(await getSuggestionCalibration(user)).toEqual([
      { suggested: 1, followed: 0, taken: 0, recalled: 0 },
      { suggested: 2, followed: 1, taken: 1, recalled: 1 },
      { suggested: 3, followed: 2, taken: 1, recalled: 1 },
      { suggested: 4, followed: 0, taken: 0, recalled: 0 },
    ]);
    expect(await getSuggestionCalibration(await makeUser("nobody"))).toEqual(
      [1, 2, 3, 4].map((s) => expect.objectContaining({ suggested: s, followed: 0 })),
    );
  });

  it("the mentor dashboard lists the key points the group misses most on each card", async () => {
    const mentor = await makeUser("mentor");
    const deck = await makeDeck(mentor.id, { cards: 1, visibility: "link" });
    const [card] = await db.card.findMany({ where: { deckId: deck.id } });
    await db.card.update({ where: { id: card!.id }, data: { lead: "Lead.", keyPoints: POINTS.join("\n") } });
    const mentees = [await makeUser("m1"), await makeUser("m2")];
    for (const m of mentees) {
      await db.deckMember.create({ data: { deckId: deck.id, userId: m.id, role: "mentee", invitedById: mentor.id } });
      await startStudying(m, deck.id);
    }
    await recordRating(mentees[0]!, rating(card!.id, 2, 0, { checklist: { count: 3, missed: [2] } }));
    await recordRating(mentees[1]!, rating(card!.id, 1, 0, { checklist: { count: 3, missed: [1, 2] } }));
    const dashboard = await getMentorDashboard(mentor, deck.id);
    expect(dashboard!.cards[0]!.missedPoints).toEqual([
      { point: "Mentions processes for CPU work", missed: 2, shown: 2 },
      { point: "Names I/O-bound work", missed: 1, shown: 2 },
    ]);
  });
});
