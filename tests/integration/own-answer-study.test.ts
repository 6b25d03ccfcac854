// Studying with own answers: the session shows the learner's answer and points first, an own-words
// card without an answer asks for one (and "Skip for now" keeps it out of today), and a rating logs
// the points the learner really ticked.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { saveOwnAnswer } from "@/lib/answers/own-answers";
import { recordRating } from "@/lib/review/rating/record";
import { loadStudySession } from "@/lib/review/session";
import { buryCard } from "@/lib/review/set-aside";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

const DECK_POINTS = ["Says what the GIL is", "Names I/O-bound work", "Mentions processes"];

async function learnerStudying() {
  const user = await makeUser("learner");
  const deck = await makeDeck(null, { visibility: "public", cards: 3 });
  await startStudying(user, deck.id);
  const [technical, behavioural, other] = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
  await db.card.update({ where: { id: technical!.id }, data: { lead: "Threads share memory.", keyPoints: DECK_POINTS.join("\n") } });
  await db.card.update({ where: { id: behavioural!.id }, data: { ownAnswer: true, back: "Interviewers listen for what *you* did." } });
  return { user, technical: technical!.id, behavioural: behavioural!.id, other: other!.id };
}

async function studyCard(user: { id: string }, cardId: string) {
  const session = await loadStudySession(user, {});
  return session.queue.ready.find((c) => c.cardId === cardId);
}

describe("studying with own answers", () => {
  it("shows the deck's answer until the learner writes theirs, then theirs first with their points", async () => {
    const { user, technical } = await learnerStudying();
    expect(await studyCard(user, technical)).toMatchObject({ study: { shows: "deck", keyPoints: DECK_POINTS }, ownBody: null });
    await saveOwnAnswer(user, technical, { body: "In my last job…", keyPoints: "GIL story\nasyncio rewrite\nprofiling first" });
    expect(await studyCard(user, technical)).toMatchObject({
      study: { shows: "own", keyPoints: ["GIL story", "asyncio rewrite", "profiling first"] },
      keyPoints: DECK_POINTS,
      ownBody: "In my last job…",
    });
  });

  it("asks for an answer to an own-words card first, and Skip for now keeps it out of today's reviews", async () => {
    const { user, behavioural } = await learnerStudying();
    expect(await studyCard(user, behavioural)).toMatchObject({
      ownAnswer: true,
      study: { shows: "write-first", keyPoints: ["Situation", "Task", "Action", "Result"] },
    });
    await buryCard(user, behavioural);
    expect(await studyCard(user, behavioural)).toBeUndefined();
  });

  it("logs the learner's own points as the points shown, and the deck's when they wrote none", async () => {
    const { user, technical, behavioural } = await learnerStudying();
    await saveOwnAnswer(user, behavioural, {
      body: "The outage story",
      keyPoints: "Pager at 2 a.m.\nI led the rollback\nWrote the postmortem",
    });
    const own = { clientId: `c-${randomUUID()}`, cardId: behavioural, rating: 2 as const, expectedVersion: 0, durationMs: 60_000 };
    expect((await recordRating(user, { ...own, checklist: { count: 3, missed: [2], suggested: 2 } })).status).toBe("saved");
    const ownLog = await db.reviewLog.findUniqueOrThrow({ where: { userId_clientId: { userId: user.id, clientId: own.clientId } } });
    expect(ownLog).toMatchObject({
      pointsShown: "Pager at 2 a.m.\nI led the rollback\nWrote the postmortem",
      pointsMissed: "Wrote the postmortem",
    });

    const deckRating = { clientId: `c-${randomUUID()}`, cardId: technical, rating: 3 as const, expectedVersion: 0, durationMs: 5_000 };
    await recordRating(user, { ...deckRating, checklist: { count: 3, missed: [] } });
    const deckLog = await db.reviewLog.findUniqueOrThrow({
      where: { userId_clientId: { userId: user.id, clientId: deckRating.clientId } },
    });
    expect(deckLog.pointsShown).toBe(DECK_POINTS.join("\n"));
  });
});
