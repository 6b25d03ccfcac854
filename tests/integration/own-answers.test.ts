import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { deleteAccount } from "@/lib/accounts/account";
import {
  deleteOwnAnswer,
  getAnswerPage,
  getOwnAnswer,
  listOwnAnswers,
  ownAnswerRevisions,
  ownAnswersFor,
  saveOwnAnswer,
} from "@/lib/answers/own-answers";
import { exportUserData } from "@/lib/transfer/transfer";
import { insertCardState, insertReviewLog, makeDeck, makeUser } from "./helpers";

const T0 = new Date("2030-03-01T10:00:00Z");
const T1 = new Date("2030-03-02T10:00:00Z");
const T2 = new Date("2030-03-03T10:00:00Z");
const story = { body: "At Acme our **DBA** and I disagreed about a migration.", keyPoints: "Situation\nTask\nAction\nResult" };

async function firstCard(deckId: string) {
  return db.card.findFirstOrThrow({ where: { deckId }, orderBy: { position: "asc" }, select: { id: true, deckId: true, slug: true } });
}

/** A mentor's link-shared deck with a mentee (the learner), another mentee and a co-editor. */
async function sharedDeck() {
  const mentor = await makeUser("mentor");
  const learner = await makeUser("learner");
  const otherMentee = await makeUser("other-mentee");
  const editor = await makeUser("editor");
  const stranger = await makeUser("stranger");
  const deck = await makeDeck(mentor.id, { visibility: "link" });
  await db.deckMember.createMany({
    data: [
      { deckId: deck.id, userId: learner.id, role: "mentee", invitedById: mentor.id },
      { deckId: deck.id, userId: otherMentee.id, role: "mentee", invitedById: mentor.id },
      { deckId: deck.id, userId: editor.id, role: "editor", invitedById: mentor.id },
    ],
  });
  const card = await firstCard(deck.id);
  return { mentor, learner, otherMentee, editor, stranger, deck, card };
}

describe("own answers", () => {
  it("the learner writes, reads and revises their answer; every earlier wording is kept and the schedule is untouched", async () => {
    const { learner, deck, card } = await sharedDeck();
    await insertCardState(learner.id, card, 2, T1, { reps: 4 });
    await insertReviewLog(learner.id, card, 3, T0);
    const stateBefore = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: card.id } } });

    expect(await saveOwnAnswer(learner, card.id, story, T0)).toEqual({ changed: true });
    expect(await getOwnAnswer(learner, card.id)).toMatchObject({ ...story, revisedAt: T0, createdAt: T0, sharedAt: null });
    const page = await getAnswerPage(deck.slug ?? deck.id, card.slug, learner);
    expect(page?.answer).toMatchObject(story);

    // The same text again is no change: no revision, revisedAt stays.
    expect(await saveOwnAnswer(learner, card.id, story, T1)).toEqual({ changed: false });
    expect(await ownAnswerRevisions(learner, card.id)).toEqual([]);

    const better = {
      body: "At Acme I proposed a test migration first.",
      keyPoints: "Disagreed on risk\nProposed a dry run\nShipped safely",
    };
    expect(await saveOwnAnswer(learner, card.id, better, T2)).toEqual({ changed: true });
    expect(await getOwnAnswer(learner, card.id)).toMatchObject({ ...better, revisedAt: T2, createdAt: T0 });
    expect(await ownAnswerRevisions(learner, card.id)).toEqual([{ ...story, writtenAt: T0 }]);

    const stateAfter = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: card.id } } });
    expect(stateAfter).toEqual(stateBefore);
    expect(await db.reviewLog.count({ where: { userId: learner.id, cardId: card.id } })).toBe(1);
    expect((await ownAnswersFor(learner, [card.id])).get(card.id)).toEqual(better);
  });

  it("nobody else reads or changes it: not a stranger, a co-editor, the mentor or another mentee", async () => {
    const { mentor, learner, otherMentee, editor, stranger, deck, card } = await sharedDeck();
    await saveOwnAnswer(learner, card.id, story, T0);
    for (const other of [stranger, editor, mentor, otherMentee]) {
      expect(await getOwnAnswer(other, card.id)).toBeNull();
      expect(await listOwnAnswers(other)).toEqual([]);
      expect((await ownAnswersFor(other, [card.id])).size).toBe(0);
      expect(await ownAnswerRevisions(other, card.id)).toEqual([]);
      await expect(deleteOwnAnswer(other, card.id)).rejects.toMatchObject({ code: "not_found" });
      expect((await exportUserData(other)).ownAnswers).toEqual([]);
    }
    // Those who may study the deck write their own answer beside the learner's, never over it.
    await saveOwnAnswer(otherMentee, card.id, { ...story, body: "Mine" }, T1);
    expect(await getOwnAnswer(learner, card.id)).toMatchObject(story);
    // A stranger may not study this deck: the card does not exist for them.
    await expect(saveOwnAnswer(stranger, card.id, story, T1)).rejects.toMatchObject({ code: "not_found" });
    expect(await getAnswerPage(deck.id, card.slug, stranger)).toBeNull();
    expect(await db.ownAnswer.count({ where: { cardId: card.id } })).toBe(2);
  });

  it("a mentee removed from the deck can no longer write on its cards, and keeps what they wrote", async () => {
    const { learner, deck, card } = await sharedDeck();
    await saveOwnAnswer(learner, card.id, story, T0);
    await db.deckMember.deleteMany({ where: { deckId: deck.id, userId: learner.id } });
    await expect(saveOwnAnswer(learner, card.id, { ...story, body: "later" }, T1)).rejects.toMatchObject({ code: "not_found" });
    expect(await listOwnAnswers(learner)).toHaveLength(1);
  });

  it("lists and searches the learner's answers by question and text, newest first", async () => {
    const learner = await makeUser("learner");
    const deck = await makeDeck(null, { visibility: "public", cards: 2 });
    const [a, b] = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" } });
    await saveOwnAnswer(learner, a!.id, story, T0);
    await saveOwnAnswer(learner, b!.id, { body: "The deadline story", keyPoints: "one\ntwo\nthree" }, T1);
    expect((await listOwnAnswers(learner)).map((x) => x.card.slug)).toEqual(["card-1", "card-0"]);
    expect((await listOwnAnswers(learner, "dba")).map((x) => x.card.slug)).toEqual(["card-0"]);
    expect((await listOwnAnswers(learner, "QUESTION 1")).map((x) => x.card.slug)).toEqual(["card-1"]);
    expect(await listOwnAnswers(learner, "nowhere")).toEqual([]);
    expect((await listOwnAnswers(learner, "dba"))[0]).toMatchObject({
      preview: "At Acme our DBA and I disagreed about a migration.",
      revisedAt: T0,
    });
  });

  it("are in the learner's full export, earlier wordings included, and go with their account", async () => {
    const { learner, card } = await sharedDeck();
    await saveOwnAnswer(learner, card.id, story, T0);
    await saveOwnAnswer(learner, card.id, { ...story, body: "Second wording" }, T1);
    // Shared, with a mentor's feedback: both are part of what the learner takes away.
    const mentor = await makeUser("export-mentor");
    const own = await db.ownAnswer.update({ where: { userId_cardId: { userId: learner.id, cardId: card.id } }, data: { sharedAt: T1 } });
    await db.answerFeedback.create({
      data: {
        answerId: own.id,
        mentorId: mentor.id,
        comment: "Name the result.",
        suggestedPoints: "Result in numbers",
        verdict: "needs-work",
        answerRevisedAt: T1,
      },
    });
    const exported = await exportUserData(learner);
    expect(exported.ownAnswers).toEqual([
      expect.objectContaining({
        cardSlug: "card-0",
        question: "Question 0?",
        answer: "Second wording",
        keyPoints: ["Situation", "Task", "Action", "Result"],
        revisions: [{ answer: story.body, keyPoints: ["Situation", "Task", "Action", "Result"], writtenAt: T0.toISOString() }],
        sharedAt: T1.toISOString(),
        feedback: [expect.objectContaining({ comment: "Name the result.", suggestedPoints: ["Result in numbers"], verdict: "needs-work" })],
      }),
    ]);

    const answerId = (await db.ownAnswer.findFirstOrThrow({ where: { userId: learner.id } })).id;
    await deleteAccount(learner, { confirmEmail: learner.email });
    expect(await db.ownAnswer.count({ where: { userId: learner.id } })).toBe(0);
    expect(await db.ownAnswerRevision.count({ where: { answerId } })).toBe(0);
  });

  it("two first saves at once leave one answer, and neither fails with a 500", async () => {
    const { learner, card } = await sharedDeck();
    const results = await Promise.allSettled([
      saveOwnAnswer(learner, card.id, story, T0),
      saveOwnAnswer(learner, card.id, { ...story, body: "From the other tab" }, T0),
    ]);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "conflict" });
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await db.ownAnswer.count({ where: { userId: learner.id, cardId: card.id } })).toBe(1);
  });

  it("deleting an answer takes its revisions with it", async () => {
    const { learner, card } = await sharedDeck();
    await saveOwnAnswer(learner, card.id, story, T0);
    await saveOwnAnswer(learner, card.id, { ...story, body: "v2" }, T1);
    await deleteOwnAnswer(learner, card.id);
    expect(await getOwnAnswer(learner, card.id)).toBeNull();
    expect(await db.ownAnswerRevision.count({ where: { answer: { userId: learner.id } } })).toBe(0);
  });
});
