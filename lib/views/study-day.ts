// The day's queue with the learner's interview plan in it, as the study page, the end of a session
// and the plan's question ("take the plan's 16, or keep 10?") ask for it: every one passes the same
// plan to the same queue (lib/review/session.ts, built by lib/scheduling/day-queue.ts), so Today,
// the study page and the end screen count the same cards.
import "server-only";
import type { Viewer } from "../decks/access";
import { todaysPlan, type TodaysPlan } from "../interviews/readiness";
import { savePlanChoice } from "../review/plan-choice";
import { afterSession, loadStudySession, type AfterSession, type StudySession } from "../review/session";
import { getStudySettings } from "../review/settings";
import { newCardsToday, type NewCardsToday } from "../scheduling/day-queue";
import { studyDay } from "../scheduling/study-day";
import { AppError } from "../server/errors";

/** Today's session for the studied decks (or one of them), the interview plan's cards first. */
export async function studyToday(
  viewer: Viewer,
  options: { deckId?: string },
  now = new Date(),
): Promise<{ plan: TodaysPlan; session: StudySession }> {
  const plan = await todaysPlan(viewer, now);
  return { plan, session: await loadStudySession(viewer, { ...options, plan }, now) };
}

/** What is left today once a session ends, with the plan in the queue as everywhere else. */
export async function afterStudy(viewer: Viewer, options: { deckId?: string }, now = new Date()): Promise<AfterSession> {
  return afterSession(viewer, { ...options, plan: await todaysPlan(viewer, now) }, now);
}

/**
 * The learner's answer to today's question: take the plan's amount of new cards, or keep their limit.
 * Checked here, not trusted from the page: only when the plan really wants more than the limit today,
 * and the amount taken is the plan's own.
 */
export async function choosePlanToday(viewer: Viewer, takePlan: boolean, now = new Date()): Promise<NewCardsToday> {
  const [plan, settings] = await Promise.all([todaysPlan(viewer, now), getStudySettings(viewer.id)]);
  const ask = newCardsToday(settings.newPerDay, { interview: plan.next?.interview.label ?? "", wants: plan.newWanted }, null).ask;
  if (!ask) throw new AppError("invalid", "Your plan doesn't ask for more new cards than your daily limit today.");
  const choice = { takePlan, newCards: takePlan ? ask.wants : ask.limit };
  await savePlanChoice(viewer.id, studyDay(now, settings.timeZone, settings.dayStartHour), choice);
  return newCardsToday(settings.newPerDay, { interview: ask.interview, wants: ask.wants }, choice);
}
