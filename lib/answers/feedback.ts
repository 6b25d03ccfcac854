// A mentor's feedback on the own answers their mentees share: the "to review" list, one shared answer
// with its earlier wording, sending feedback; and the learner's side: the feedback on their answers,
// and marking it seen. Every mentor-side read asks lib/answers/sharing.ts for the mentees the mentor
// may see, inside the query, so an answer no longer shared (or a mentee removed) is not found.
import "server-only";
import { browsableDecks, type Viewer } from "../decks/access";
import { joinKeyPoints, splitKeyPoints } from "../decks/schema";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import { feedbackState, mentorMaySee, verdictOf, type FeedbackInput, type FeedbackState, type Verdict } from "./feedback-state";
import { menteesById, sharedWithMentor } from "./sharing";

export interface AnswerToReview {
  answerId: string;
  /** The mentee, by the name the mentor uses for them (their nickname, else ...: lib/decks/mentoring.ts). */
  menteeName: string;
  cardFront: string;
  cardSlug: string;
  sharedAt: Date;
  revisedAt: Date;
  state: FeedbackState;
}

/** The dashboard lists at most this many, the most recently changed: a page a mentor can read through. */
export const TO_REVIEW_MAX = 50;

/** The shared answers of the viewer's mentees on one of their decks, most recently changed first. */
export async function listAnswersToReview(viewer: Viewer, deckId: string): Promise<AnswerToReview[]> {
  const mentees = await menteesById(viewer, deckId);
  if (mentees.size === 0) return [];
  const answers = await db.ownAnswer.findMany({
    where: sharedWithMentor(deckId, mentees),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: TO_REVIEW_MAX,
    select: {
      id: true,
      userId: true,
      sharedAt: true,
      revisedAt: true,
      card: { select: { front: true, slug: true } },
      feedback: { where: { mentorId: viewer.id }, select: { answerRevisedAt: true } },
    },
  });
  return answers.map((a) => ({
    answerId: a.id,
    menteeName: mentees.get(a.userId)!.name,
    cardFront: a.card.front,
    cardSlug: a.card.slug,
    sharedAt: a.sharedAt!,
    revisedAt: a.revisedAt,
    state: feedbackState(a.revisedAt, a.feedback[0] ?? null),
  }));
}

export interface MentorFeedback {
  comment: string;
  suggestedPoints: string[];
  verdict: Verdict | null;
  answerRevisedAt: Date;
  updatedAt: Date;
}

export interface SharedAnswer extends Omit<AnswerToReview, "cardFront" | "cardSlug"> {
  card: { front: string; slug: string; lead: string; keyPoints: string[] };
  body: string;
  keyPoints: string[];
  /** The viewer's feedback on it (null: none yet). */
  feedback: MentorFeedback | null;
  /** The wording the feedback was given on, when the learner has revised it since (null otherwise). */
  earlier: { body: string; keyPoints: string[]; writtenAt: Date } | null;
}

/** One shared answer of a mentee of the viewer's; null when it isn't shared, or not with the viewer. */
export async function getSharedAnswer(viewer: Viewer, deckId: string, answerId: string): Promise<SharedAnswer | null> {
  const mentees = await menteesById(viewer, deckId);
  if (mentees.size === 0) return null;
  const answer = await db.ownAnswer.findFirst({
    where: { AND: [{ id: answerId }, sharedWithMentor(deckId, mentees)] },
    select: {
      id: true,
      userId: true,
      body: true,
      keyPoints: true,
      sharedAt: true,
      revisedAt: true,
      card: { select: { front: true, slug: true, lead: true, keyPoints: true } },
      feedback: {
        where: { mentorId: viewer.id },
        select: { comment: true, suggestedPoints: true, verdict: true, answerRevisedAt: true, updatedAt: true },
      },
    },
  });
  // The query asked for this already; the pure rule says it once more, in the domain's words.
  if (!answer || !mentorMaySee(answer, viewer.id, new Map([...mentees].map(([id, m]) => [id, m.joinedAt])))) return null;
  const given = answer.feedback[0] ?? null;
  const state = feedbackState(answer.revisedAt, given);
  const earlier =
    state === "revised" && given
      ? await db.ownAnswerRevision.findFirst({
          where: { answerId: answer.id, writtenAt: given.answerRevisedAt },
          select: { body: true, keyPoints: true, writtenAt: true },
        })
      : null;
  return {
    answerId: answer.id,
    menteeName: mentees.get(answer.userId)!.name,
    sharedAt: answer.sharedAt!,
    revisedAt: answer.revisedAt,
    state,
    card: { ...answer.card, keyPoints: splitKeyPoints(answer.card.keyPoints) },
    body: answer.body,
    keyPoints: splitKeyPoints(answer.keyPoints),
    feedback: given && { ...given, suggestedPoints: splitKeyPoints(given.suggestedPoints), verdict: verdictOf(given.verdict) },
    earlier: earlier && { ...earlier, keyPoints: splitKeyPoints(earlier.keyPoints) },
  };
}

/**
 * The viewer's feedback on a shared answer of their mentee's: one row per mentor and answer, updated
 * in place. It is given on the answer's current wording, and is new (unseen) to the learner again.
 */
export async function giveFeedback(viewer: Viewer, deckId: string, answerId: string, input: FeedbackInput): Promise<void> {
  const mentees = await menteesById(viewer, deckId);
  const answer =
    mentees.size === 0
      ? null
      : await db.ownAnswer.findFirst({
          where: { AND: [{ id: answerId }, sharedWithMentor(deckId, mentees)] },
          select: { revisedAt: true },
        });
  if (!answer) throw notFound("That answer");
  const fields = {
    comment: input.comment,
    suggestedPoints: joinKeyPoints(input.suggestedPoints),
    verdict: input.verdict,
    answerRevisedAt: answer.revisedAt,
    seenAt: null,
  };
  await db.answerFeedback.upsert({
    where: { answerId_mentorId: { answerId, mentorId: viewer.id } },
    create: { answerId, mentorId: viewer.id, ...fields },
    update: fields,
  });
}

// ---------- the learner's side ----------

export interface FeedbackForLearner {
  answerId: string;
  /** The mentor's display name (null when they have none). */
  mentorName: string | null;
  comment: string;
  suggestedPoints: string[];
  verdict: Verdict | null;
  /** The learner changed their answer after this feedback. */
  revisedSince: boolean;
  seen: boolean;
  givenAt: Date;
  card: { front: string; slug: string; deck: { id: string; slug: string | null } };
}

const learnerFeedbackSelect = {
  answerId: true,
  comment: true,
  suggestedPoints: true,
  verdict: true,
  answerRevisedAt: true,
  seenAt: true,
  updatedAt: true,
  mentor: { select: { name: true } },
  answer: { select: { revisedAt: true, card: { select: { front: true, slug: true, deck: { select: { id: true, slug: true } } } } } },
} as const;

type LearnerFeedbackRow = {
  answerId: string;
  comment: string;
  suggestedPoints: string;
  verdict: string | null;
  answerRevisedAt: Date;
  seenAt: Date | null;
  updatedAt: Date;
  mentor: { name: string | null };
  answer: { revisedAt: Date; card: FeedbackForLearner["card"] };
};

function toLearnerFeedback(row: LearnerFeedbackRow): FeedbackForLearner {
  return {
    answerId: row.answerId,
    mentorName: row.mentor.name?.trim() || null,
    comment: row.comment,
    suggestedPoints: splitKeyPoints(row.suggestedPoints),
    verdict: verdictOf(row.verdict),
    revisedSince: feedbackState(row.answer.revisedAt, row) === "revised",
    seen: row.seenAt !== null,
    givenAt: row.updatedAt,
    card: row.answer.card,
  };
}

/** The feedback on the viewer's own answer to one card, newest first (their answers are theirs: shared or not). */
export async function feedbackOnCard(viewer: Viewer, cardId: string): Promise<FeedbackForLearner[]> {
  const rows = await db.answerFeedback.findMany({
    where: { answer: { userId: viewer.id, cardId } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: learnerFeedbackSelect,
  });
  return rows.map(toLearnerFeedback);
}

/** Today's list: feedback on the viewer's answers, not yet seen first, then newest. */
export async function listFeedbackForLearner(viewer: Viewer, limit = 10): Promise<FeedbackForLearner[]> {
  // Only on decks they can still open: each item links to its card.
  const where = { answer: { userId: viewer.id, deck: browsableDecks(viewer) } };
  const [unseen, seen] = await Promise.all([
    db.answerFeedback.findMany({
      where: { ...where, seenAt: null },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: learnerFeedbackSelect,
    }),
    db.answerFeedback.findMany({
      where: { ...where, seenAt: { not: null } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: learnerFeedbackSelect,
    }),
  ]);
  return [...unseen, ...seen].slice(0, limit).map(toLearnerFeedback);
}

/** The learner opened the feedback on their answer to one card. */
export async function markFeedbackSeen(viewer: Viewer, cardId: string, now = new Date()): Promise<void> {
  await db.answerFeedback.updateMany({ where: { seenAt: null, answer: { userId: viewer.id, cardId } }, data: { seenAt: now } });
}
