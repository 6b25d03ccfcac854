// The signed-in home page: what today asks (reviews and new cards due, with a time estimate), each
// studied deck's share of it, the streak, and the next interview's readiness. Counts come from the
// same queue the study page builds, so "12 due" here is the 12 cards the Study button opens.
import "server-only";
import { listFeedbackForLearner, type FeedbackForLearner } from "../answers/feedback";
import type { Viewer } from "../decks/access";
import { todaysPlan, type TodaysPlan } from "../interviews/readiness";
import { getStreak } from "../stats/learner-stats";
import { medianAnswerMs } from "../review/answer-times";
import { sessionCounts, waitingForAnswers, type DayCounts } from "../review/session";
import { listStudiedDecks, type StudiedDeck } from "../review/studying";
import type { NewCardsToday } from "../scheduling/day-queue";

/** Before a learner's own answers give a median, a card is reckoned at this (reveal, think, grade). */
const ASSUMED_CARD_MS = 20_000;

export interface Today {
  counts: DayCounts;
  /** Today's new cards: the limit, or the plan's amount, and whether to ask the learner which. */
  newCards: NewCardsToday;
  /** The time today's cards take at the learner's usual pace, in minutes (rounded up; 0 when none). */
  minutes: number;
  /** `unanswered`: never-seen cards the learner waits on an answer for (`mentored`: from their mentor). */
  decks: (StudiedDeck & { counts: DayCounts; unanswered: number; mentored: boolean })[];
  streak: { current: number; longest: number };
  next: TodaysPlan["next"];
  /** Mentors' feedback on the learner's own answers, not yet seen first. */
  feedback: FeedbackForLearner[];
}

export async function getToday(viewer: Viewer, now = new Date()): Promise<Today> {
  const [plan, decks, streak, answerMs, feedback] = await Promise.all([
    todaysPlan(viewer, now),
    listStudiedDecks(viewer),
    getStreak(viewer, now),
    medianAnswerMs(viewer.id),
    listFeedbackForLearner(viewer),
  ]);
  // The headline and every deck row ask the same queue with the same plan (the study page does too).
  const [waiting, { counts, newCards }, ...perDeck] = await Promise.all([
    waitingForAnswers(
      viewer,
      decks.map((d) => d.id),
    ),
    sessionCounts(viewer, { plan }, now),
    ...decks.map((deck) => sessionCounts(viewer, { deckId: deck.id, plan }, now)),
  ]);
  return {
    counts,
    newCards,
    minutes: Math.ceil((counts.total * (answerMs ?? ASSUMED_CARD_MS)) / 60_000),
    decks: decks.map((deck, i) => {
      const unanswered = waiting.get(deck.id);
      return { ...deck, counts: perDeck[i]!.counts, unanswered: unanswered?.cards ?? 0, mentored: unanswered?.mentored ?? false };
    }),
    streak: { current: streak.current, longest: streak.longest },
    next: plan.next,
    feedback,
  };
}
