// Who sees a learner's own answer: the mentor the learner joined through, only while it is shared and
// the learner is still their mentee; never a co-editor, another mentor, another mentee or a stranger.
import { describe, expect, it } from "vitest";
import {
  feedbackOnCard,
  getSharedAnswer,
  giveFeedback,
  listAnswersToReview,
  listFeedbackForLearner,
  markFeedbackSeen,
} from "@/lib/answers/feedback";
import { saveOwnAnswer } from "@/lib/answers/own-answers";
import { getAnswerSharing, hasMentorOnDeck, setAnswerShared, shareAllAnswers } from "@/lib/answers/sharing";
import { leaveDeck, removeMentee } from "@/lib/decks/sharing";
import { setMenteeNickname } from "@/lib/decks/mentoring";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

const NOW = new Date("2030-06-15T12:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const feedback = { comment: "Say what **you** did.", suggestedPoints: ["Name the result"], verdict: "needs-work" as const };

async function writeAnswer(userId: string, card: { id: string; deckId: string }, body: string, revisedAt = NOW) {
  return db.ownAnswer.create({
    data: { userId, cardId: card.id, deckId: card.deckId, body, keyPoints: "Situation\nAction\nResult", revisedAt },
  });
}

/** A deck owned by a mentor, with a learner who joined through the mentor's invite and wrote answers to both cards. */
async function mentoredLearner() {
  const mentor = await makeUser("mentor");
  const learner = await makeUser("learner");
  const deck = await makeDeck(mentor.id, { visibility: "link", cards: 2 });
  const [first, second] = await db.card.findMany({
    where: { deckId: deck.id },
    orderBy: { position: "asc" },
    select: { id: true, deckId: true },
  });
  await db.deckMember.create({ data: { deckId: deck.id, userId: learner.id, role: "mentee", invitedById: mentor.id } });
  const answer = await writeAnswer(learner.id, first!, "My story");
  const other = await writeAnswer(learner.id, second!, "Another story");
  return { mentor, learner, deck, first: first!, second: second!, answer, other };
}

describe("sharing an own answer with the deck's mentor", () => {
  it("shows the mentor shared answers only, by their name for the mentee, and hides one at once when unshared", async () => {
    const { mentor, learner, deck, first, answer, other } = await mentoredLearner();
    expect(await hasMentorOnDeck(learner, deck.id)).toBe(true);
    expect(await listAnswersToReview(mentor, deck.id)).toEqual([]);
    expect(await getSharedAnswer(mentor, deck.id, answer.id)).toBeNull();
    await expect(giveFeedback(mentor, deck.id, answer.id, feedback)).rejects.toThrow("not found");

    await setMenteeNickname(mentor, deck.id, learner.id, "Sam from the meetup");
    await setAnswerShared(learner, first.id, true, NOW);
    const list = await listAnswersToReview(mentor, deck.id);
    expect(list.map((a) => [a.answerId, a.menteeName, a.state])).toEqual([[answer.id, "Sam from the meetup", "new"]]);
    expect((await getSharedAnswer(mentor, deck.id, answer.id))?.body).toBe("My story");
    expect(await getSharedAnswer(mentor, deck.id, other.id)).toBeNull();

    await setAnswerShared(learner, first.id, false);
    expect(await listAnswersToReview(mentor, deck.id)).toEqual([]);
    expect(await getSharedAnswer(mentor, deck.id, answer.id)).toBeNull();
    await expect(giveFeedback(mentor, deck.id, answer.id, feedback)).rejects.toThrow("not found");
  });

  it("shares all of a learner's answers on the deck, and only their own", async () => {
    const { mentor, learner, deck, first } = await mentoredLearner();
    const stranger = await makeUser("stranger");
    await expect(setAnswerShared(stranger, first.id, true)).rejects.toThrow("not found");
    expect(await shareAllAnswers(stranger, deck.id)).toBe(0);
    expect(await listAnswersToReview(mentor, deck.id)).toEqual([]);

    expect(await shareAllAnswers(learner, deck.id, NOW)).toBe(2);
    expect(await listAnswersToReview(mentor, deck.id)).toHaveLength(2);
  });

  it("hides a removed mentee's answers, and those of a mentee who left", async () => {
    const removed = await mentoredLearner();
    await shareAllAnswers(removed.learner, removed.deck.id, NOW);
    await removeMentee(removed.mentor, removed.deck.id, removed.learner.id);
    expect(await listAnswersToReview(removed.mentor, removed.deck.id)).toEqual([]);
    expect(await getSharedAnswer(removed.mentor, removed.deck.id, removed.answer.id)).toBeNull();
    await expect(giveFeedback(removed.mentor, removed.deck.id, removed.answer.id, feedback)).rejects.toThrow("not found");

    const left = await mentoredLearner();
    await shareAllAnswers(left.learner, left.deck.id, NOW);
    await leaveDeck(left.learner, left.deck.id);
    expect(await hasMentorOnDeck(left.learner, left.deck.id)).toBe(false);
    expect(await listAnswersToReview(left.mentor, left.deck.id)).toEqual([]);
    expect(await getSharedAnswer(left.mentor, left.deck.id, left.answer.id)).toBeNull();
  });

  it("keeps a removed mentee's old shares hidden when they join again, until they share afresh", async () => {
    const { mentor, learner, deck, answer, first } = await mentoredLearner();
    await shareAllAnswers(learner, deck.id, NOW);
    await removeMentee(mentor, deck.id, learner.id);
    await db.deckMember.create({
      data: { deckId: deck.id, userId: learner.id, role: "mentee", invitedById: mentor.id, joinedAt: later(10) },
    });
    expect(await listAnswersToReview(mentor, deck.id)).toEqual([]);
    expect(await getSharedAnswer(mentor, deck.id, answer.id)).toBeNull();
    expect(await getAnswerSharing(learner, first.id)).toEqual({ shared: false });

    expect(await shareAllAnswers(learner, deck.id, later(20))).toBe(2);
    expect(await getAnswerSharing(learner, first.id)).toEqual({ shared: true });
    expect(await listAnswersToReview(mentor, deck.id)).toHaveLength(2);
    expect(await getSharedAnswer(mentor, deck.id, answer.id)).not.toBeNull();
  });

  it("shows nothing to a co-editor, another mentee, a stranger, or a mentor the learner didn't join through", async () => {
    const { mentor, learner, deck, answer } = await mentoredLearner();
    const editor = await makeUser("editor");
    const otherMentee = await makeUser("other-mentee");
    const stranger = await makeUser("stranger");
    await db.deckMember.create({ data: { deckId: deck.id, userId: editor.id, role: "editor" } });
    await db.deckMember.create({ data: { deckId: deck.id, userId: otherMentee.id, role: "mentee", invitedById: mentor.id } });
    await shareAllAnswers(learner, deck.id, NOW);
    for (const someone of [editor, otherMentee, stranger]) {
      expect(await listAnswersToReview(someone, deck.id)).toEqual([]);
      expect(await getSharedAnswer(someone, deck.id, answer.id)).toBeNull();
      await expect(giveFeedback(someone, deck.id, answer.id, feedback)).rejects.toThrow("not found");
    }

    // A mentee who joined through someone else's invite (the co-editor's, say) is not this mentor's:
    // the dashboard doesn't list them, so their shared answers don't show either.
    const theirs = await makeUser("their-mentee");
    await db.deckMember.create({ data: { deckId: deck.id, userId: theirs.id, role: "mentee", invitedById: editor.id } });
    const card = await db.card.findFirstOrThrow({ where: { deckId: deck.id }, select: { id: true, deckId: true } });
    const theirAnswer = await writeAnswer(theirs.id, card, "Their story");
    await shareAllAnswers(theirs, deck.id, NOW);
    expect((await listAnswersToReview(mentor, deck.id)).map((a) => a.answerId)).not.toContain(theirAnswer.id);
    expect(await getSharedAnswer(mentor, deck.id, theirAnswer.id)).toBeNull();
    expect(await listAnswersToReview(editor, deck.id)).toEqual([]);
    expect(await getSharedAnswer(editor, deck.id, theirAnswer.id)).toBeNull();

    // The answer asked for under another of the mentor's decks is not found either.
    const otherDeck = await makeDeck(mentor.id, { visibility: "link", cards: 1 });
    expect(await getSharedAnswer(mentor, otherDeck.id, answer.id)).toBeNull();
  });
});

describe("a mentor's feedback", () => {
  it("reaches the learner unseen, is seen once opened, and shows as revised after the learner changes the answer", async () => {
    const { mentor, learner, deck, first, answer } = await mentoredLearner();
    await setAnswerShared(learner, first.id, true, NOW);
    await giveFeedback(mentor, deck.id, answer.id, feedback);
    expect((await listAnswersToReview(mentor, deck.id))[0]?.state).toBe("given");

    const [onToday] = await listFeedbackForLearner(learner);
    expect(onToday).toMatchObject({
      answerId: answer.id,
      comment: feedback.comment,
      verdict: "needs-work",
      seen: false,
      revisedSince: false,
    });
    expect(onToday?.suggestedPoints).toEqual(["Name the result"]);
    expect(await listFeedbackForLearner(mentor)).toEqual([]);
    expect(await feedbackOnCard(mentor, first.id)).toEqual([]);

    await markFeedbackSeen(mentor, first.id, later(1));
    expect((await listFeedbackForLearner(learner))[0]?.seen).toBe(false);
    await markFeedbackSeen(learner, first.id, later(1));
    expect((await feedbackOnCard(learner, first.id))[0]?.seen).toBe(true);

    // The learner rewrites the answer on the writing page (saving keeps the earlier wording).
    await saveOwnAnswer(learner, first.id, { body: "My better story", keyPoints: "Situation\nAction\nResult" }, later(5));
    expect((await listAnswersToReview(mentor, deck.id))[0]?.state).toBe("revised");
    const shared = await getSharedAnswer(mentor, deck.id, answer.id);
    expect(shared).toMatchObject({ body: "My better story", state: "revised", earlier: { body: "My story" } });
    expect((await feedbackOnCard(learner, first.id))[0]?.revisedSince).toBe(true);

    // New feedback is given on the new wording, and is unseen again.
    await giveFeedback(mentor, deck.id, answer.id, { comment: "Much better.", suggestedPoints: [], verdict: "strong" });
    expect((await listAnswersToReview(mentor, deck.id))[0]?.state).toBe("given");
    expect(await db.answerFeedback.count({ where: { answerId: answer.id } })).toBe(1);
    expect((await listFeedbackForLearner(learner))[0]).toMatchObject({
      comment: "Much better.",
      verdict: "strong",
      seen: false,
      revisedSince: false,
    });

    // Removed from the deck, the learner can't open its cards: Today doesn't link to them.
    await removeMentee(mentor, deck.id, learner.id);
    expect(await listFeedbackForLearner(learner)).toEqual([]);
  });

  it("lists unseen feedback first", async () => {
    const { mentor, learner, deck, first, second, answer, other } = await mentoredLearner();
    await shareAllAnswers(learner, deck.id, NOW);
    await giveFeedback(mentor, deck.id, answer.id, feedback);
    await markFeedbackSeen(learner, first.id, later(1));
    await giveFeedback(mentor, deck.id, other.id, feedback);
    await db.answerFeedback.updateMany({ where: { answerId: answer.id }, data: { updatedAt: later(10) } });
    expect((await listFeedbackForLearner(learner)).map((f) => [f.card.slug, f.seen])).toEqual([
      [await slugOf(second.id), false],
      [await slugOf(first.id), true],
    ]);
  });
});

async function slugOf(cardId: string) {
  return (await db.card.findUniqueOrThrow({ where: { id: cardId }, select: { slug: true } })).slug;
}
