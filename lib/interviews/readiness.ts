// How ready a learner is for an interview: their in-scope cards and memory of them, run through the
// pure plan (lib/scheduling/interview-plan.ts). Also what the study page needs from the plan today,
// readiness on the day for interviews that have passed, and what a mentor may see of a shared one.
import "server-only";
import { liveCard, type Viewer } from "../decks/access";
import { memoryOf, memorySelect } from "../review/memory";
import { medianAnswerMs } from "../review/answer-times";
import { getStudySettings, type StudySettings } from "../review/settings";
import {
  buildPlan,
  recallAt,
  tagsToDrop,
  weakestTags,
  type Plan,
  type PlanCard,
  type PlanInput,
  type TagReadiness,
} from "../scheduling/interview-plan";
import { memoryModel, State } from "../scheduling/fsrs";
import { studyDay } from "../scheduling/study-day";
import { db } from "../server/db";
import { interviewOf, interviewSelect, type Interview } from "./interviews";

/** How many of the weakest cards the interview page lists. */
const WEAKEST_CARDS = 8;

export interface ScopeCard extends PlanCard {
  slug: string;
  front: string;
  deckId: string;
}

/**
 * The interview's cards: live cards of its decks (only those the learner still studies), narrowed
 * to its tags, not suspended, in the order new cards are met (deck, then position).
 */
export async function scopeCards(userId: string, interview: Interview): Promise<ScopeCard[]> {
  const cards = await db.card.findMany({
    where: {
      deckId: { in: interview.decks.map((d) => d.id) },
      ...liveCard,
      deck: { studies: { some: { userId } } },
      ...(interview.tags.length > 0 && { tags: { some: { tag: { in: interview.tags } } } }),
    },
    orderBy: [{ deckId: "asc" }, { position: "asc" }],
    select: {
      id: true,
      slug: true,
      front: true,
      deckId: true,
      tags: { select: { tag: true } },
      cardStates: { where: { userId }, select: { ...memorySelect, suspended: true } },
    },
  });
  return cards.flatMap((c) => {
    const state = c.cardStates[0];
    if (state?.suspended) return [];
    return [
      {
        cardId: c.id,
        slug: c.slug,
        front: c.front,
        deckId: c.deckId,
        tags: c.tags.map((t) => t.tag),
        memory: state ? memoryOf(state) : null,
      },
    ];
  });
}

/** The cards the learner met for the first time today, and how many reviews of each they did today. */
export interface MetToday {
  newIds: Set<string>;
  reviews: Map<string, number>;
}

/** What the learner did in today's study day, from the history (a day's rows at most). */
async function metToday(userId: string, settings: StudySettings, now: Date): Promise<MetToday> {
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const rows = await db.reviewLog.findMany({
    where: { userId, reviewedAt: { gte: day.start, lt: day.end } },
    select: { cardId: true, state: true },
  });
  const met: MetToday = { newIds: new Set(), reviews: new Map() };
  for (const row of rows) {
    if (row.state === State.New) met.newIds.add(row.cardId);
    else if (row.state === State.Review) met.reviews.set(row.cardId, (met.reviews.get(row.cardId) ?? 0) + 1);
  }
  return met;
}

/** Today's in-scope work already done, for the plan: it counts against the limits and today's share. */
function doneInScope(cards: PlanCard[], met: MetToday | null): PlanInput["doneToday"] {
  if (!met) return undefined;
  let newCards = 0;
  let reviews = 0;
  for (const card of cards) {
    if (met.newIds.has(card.cardId)) newCards++;
    reviews += met.reviews.get(card.cardId) ?? 0;
  }
  return { newCards, reviews };
}

function planInput(
  interview: Interview,
  cards: PlanCard[],
  settings: StudySettings,
  now: Date,
  answerMs: number | null,
  met: MetToday | null = null,
): PlanInput {
  return {
    now,
    doneToday: doneInScope(cards, met),
    interviewAt: interview.at,
    target: interview.target,
    cards,
    limits: {
      newPerDay: interview.newPerDay ?? settings.newPerDay,
      reviewsPerDay: interview.reviewsPerDay ?? settings.reviewsPerDay,
    },
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    answerMs,
    scheduler: settings.scheduler,
  };
}

export interface Readiness {
  interview: Interview;
  plan: Plan;
  cardCount: number;
  weakestTags: TagReadiness[];
  weakestCards: (ScopeCard & { recall: number })[];
  /** When the target is out of reach: tags whose dropping would make it reachable (may be empty). */
  dropTags: string[];
  /** The learner's own limits, which the interview's limits fall back to. */
  settings: StudySettings;
}

/** Readiness now and on plan, the plan's days, and the weakest tags and cards. */
export async function getReadiness(viewer: Viewer, interview: Interview, now = new Date()): Promise<Readiness> {
  const [cards, settings, answerMs] = await Promise.all([
    scopeCards(viewer.id, interview),
    getStudySettings(viewer.id),
    medianAnswerMs(viewer.id),
  ]);
  const input = planInput(interview, cards, settings, now, answerMs, await metToday(viewer.id, settings, now));
  const plan = buildPlan(input);
  const tags = weakestTags(cards, plan.recallNow);
  const weakestCards = cards
    .map((c) => ({ ...c, recall: plan.recallNow.get(c.cardId) ?? 0 }))
    .sort((a, b) => a.recall - b.recall)
    .slice(0, WEAKEST_CARDS);
  const dropTags = plan.reachable || plan.days.length === 0 ? [] : tagsToDrop(input, tags);
  return { interview, plan, cardCount: cards.length, weakestTags: tags, weakestCards, dropTags, settings };
}

/**
 * Predicted recall at an interview that has passed, from the learner's memory at that moment: a
 * card's state before its first rating after the interview, or its current state if none came after.
 * Kept on the interview once computed.
 */
export async function readinessOnTheDay(viewer: Viewer, interview: Interview): Promise<number> {
  if (interview.readinessOnDay !== null) return interview.readinessOnDay;
  const [cards, settings] = await Promise.all([scopeCards(viewer.id, interview), getStudySettings(viewer.id)]);
  const after = await db.reviewLog.findMany({
    where: { userId: viewer.id, cardId: { in: cards.map((c) => c.cardId) }, reviewedAt: { gte: interview.at } },
    orderBy: [{ reviewedAt: "asc" }, { reps: "asc" }],
    distinct: ["cardId"],
    select: { cardId: true, ...memorySelect },
  });
  const before = new Map(after.map((row) => [row.cardId, memoryOf(row)]));
  const model = memoryModel(settings.scheduler);
  const recall = cards.length
    ? cards.reduce((sum, c) => sum + recallAt(before.get(c.cardId) ?? c.memory, interview.at, model), 0) / cards.length
    : 0;
  await db.interview.updateMany({ where: { id: interview.id, userId: viewer.id }, data: { readinessOnDay: recall } });
  return recall;
}

export interface TodaysPlan {
  /** In-scope new cards to meet first today, in order (those met today already left out). */
  newCardIds: string[];
  /** New cards the plans want today in all: their cards met today, and newCardIds. */
  newWanted: number;
  /** Reviews brought forward today (not yet due by FSRS). */
  pulledIds: string[];
  /** The soonest open interview, for the line on the study page. */
  next: { interview: Interview; now: number; onPlan: number; reachable: boolean } | null;
}

const NO_PLAN: TodaysPlan = { newCardIds: [], newWanted: 0, pulledIds: [], next: null };

/** What the open, upcoming interviews ask of today (the soonest first), for the study session. */
export async function todaysPlan(viewer: Viewer, now = new Date()): Promise<TodaysPlan> {
  const where = { userId: viewer.id, status: "open", at: { gt: now } };
  // Most learners have no interview open: one small read says so (the full select reads its
  // relations with queries of their own, even when there is nothing to read them for).
  if (!(await db.interview.findFirst({ where, select: { id: true } }))) return NO_PLAN;
  const rows = await db.interview.findMany({ where, orderBy: { at: "asc" }, take: 3, select: interviewSelect });
  const settings = await getStudySettings(viewer.id);
  const [answerMs, met] = await Promise.all([medianAnswerMs(viewer.id), metToday(viewer.id, settings, now)]);
  const today: TodaysPlan = { newCardIds: [], newWanted: 0, pulledIds: [], next: null };
  const metInScope = new Set<string>();
  for (const interview of rows.map(interviewOf)) {
    const cards = await scopeCards(viewer.id, interview);
    const plan = buildPlan(planInput(interview, cards, settings, now, answerMs, met));
    for (const card of cards) if (met.newIds.has(card.cardId)) metInScope.add(card.cardId);
    today.newCardIds.push(...plan.today.newCardIds.filter((id) => !today.newCardIds.includes(id)));
    today.pulledIds.push(...plan.today.pulledIds.filter((id) => !today.pulledIds.includes(id)));
    today.next ??= { interview, now: plan.now, onPlan: plan.onPlan, reachable: plan.reachable };
  }
  today.newWanted = metInScope.size + today.newCardIds.length;
  return today;
}

/** What a mentor sees of a shared interview: when, and how ready (not what for: the label stays private). */
export interface SharedInterview {
  userId: string;
  at: Date;
  timeZone: string;
  target: number;
  now: number;
  onPlan: number;
}

/**
 * Open, upcoming interviews that `menteeIds` shared and that include `deckId`, with their readiness.
 * The caller (the mentor dashboard) has already checked that the viewer owns the deck and that these
 * are their mentees; nothing here is shown otherwise.
 */
export async function sharedInterviews(menteeIds: string[], deckId: string, now = new Date()): Promise<SharedInterview[]> {
  if (menteeIds.length === 0) return [];
  const rows = await db.interview.findMany({
    where: { userId: { in: menteeIds }, sharedWithMentor: true, status: "open", at: { gt: now }, decks: { some: { deckId } } },
    orderBy: { at: "asc" },
    select: { ...interviewSelect, userId: true },
  });
  const shared: SharedInterview[] = [];
  for (const row of rows) {
    const interview = interviewOf(row);
    const [cards, settings] = await Promise.all([scopeCards(row.userId, interview), getStudySettings(row.userId)]);
    const plan = buildPlan(planInput(interview, cards, settings, now, null));
    shared.push({
      userId: row.userId,
      at: interview.at,
      timeZone: interview.timeZone,
      target: interview.target,
      now: plan.now,
      onPlan: plan.onPlan,
    });
  }
  return shared;
}
