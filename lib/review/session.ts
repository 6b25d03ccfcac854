// Today's study session: the learner's queue across the decks they study (or one of them), built by
// the pure queue module from their card states, with each card's content. Over 300 lines because
// every reader of today's queue (the session, Today's counts, the end screen, custom sessions) shares
// the one private loadQueue here: split, they could drift apart again.
import "server-only";
import { browsableDecks, editableDecks, type Viewer, liveCard } from "../decks/access";
import { newMemory, State } from "../scheduling/fsrs";
import { countQueue, type Queue, type QueueCard, type QueueCounts } from "../scheduling/queue";
import { dayQueue, newCardsToday, type NewCardsToday } from "../scheduling/day-queue";
import { studyDay, type StudyDay } from "../scheduling/study-day";
import { db } from "../server/db";
import { memoryOf, memorySelect } from "./memory";
import { neverSeenCards } from "../decks/new-cards";
import { availableStates, cardContents } from "./session-sql";
import { getStudySettings, type StudySettings } from "./settings";
import { splitKeyPoints } from "../decks/schema";
import { answeredCard } from "../decks/card-rows";
import { medianAnswerMs } from "./answer-times";
import { planChoiceFor } from "./plan-choice";
import { ownAnswersFor } from "../answers/own-answers";
import { studyAnswer, type StudyAnswer } from "../answers/core";

export interface StudyCard extends QueueCard {
  deckId: string;
  slug: string;
  front: string;
  lead: string;
  keyPoints: string[];
  back: string;
  tags: string[];
  /** "Answer in your own words": the back is guidance. */
  ownAnswer: boolean;
  /** What the revealed side shows (the learner's answer, the deck's, or asks for one) and the points ticked. */
  study: StudyAnswer;
  /** The learner's own answer (Markdown), when they wrote one. */
  ownBody: string | null;
}

export interface StudySession {
  queue: { ready: StudyCard[]; waiting: StudyCard[] };
  day: StudyDay;
  settings: StudySettings;
  /** The learner's median answer time over recent ratings (null before any): "faster than usual" means Easy. */
  medianAnswerMs: number | null;
  /** The session's decks whose cards the learner may edit (their cards link to the editor). */
  editableDeckIds: string[];
  /** Today's new cards: the limit, or the plan's amount, and whether to ask the learner which. */
  newCards: NewCardsToday;
}

/**
 * The plan's cards that belong in this session (its decks, not suspended or buried): new cards in the
 * plan's order, and the reviews it brings forward.
 */
async function plannedCards(userId: string, deckIds: string[], plan: PlanToday | undefined, now: Date) {
  if (!plan || (plan.newCardIds.length === 0 && plan.pulledIds.length === 0)) return { fresh: [], brought: [] };
  const [newCards, newStates, pulled] = await Promise.all([
    db.card.findMany({ where: { id: { in: plan.newCardIds }, deckId: { in: deckIds }, ...liveCard }, select: { id: true } }),
    db.cardState.findMany({
      where: { userId, cardId: { in: plan.newCardIds } },
      select: { cardId: true, version: true, ...memorySelect, suspended: true, buriedUntil: true },
    }),
    db.cardState.findMany({
      where: {
        userId,
        cardId: { in: plan.pulledIds },
        deckId: { in: deckIds },
        suspended: false,
        OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
        card: liveCard,
      },
      select: { cardId: true, version: true, ...memorySelect },
    }),
  ]);
  const live = new Set(newCards.map((c) => c.id));
  const states = new Map(newStates.map((s) => [s.cardId, s]));
  const fresh = plan.newCardIds.flatMap((cardId): QueueCard[] => {
    const state = states.get(cardId);
    if (!live.has(cardId)) return [];
    if (!state) return [{ cardId, version: 0, memory: newMemory(now) }];
    // Buried or suspended since the plan was made, or already started: not a new card for today.
    if (state.suspended || (state.buriedUntil && state.buriedUntil > now) || state.state !== State.New) return [];
    return [{ cardId, version: state.version, memory: memoryOf(state) }];
  });
  const byId = new Map(pulled.map((s) => [s.cardId, s]));
  const brought = plan.pulledIds.flatMap((cardId): QueueCard[] => {
    const s = byId.get(cardId);
    return s ? [{ cardId, version: s.version, memory: memoryOf(s) }] : [];
  });
  return { fresh, brought };
}

/** Which of `deckIds` the viewer may edit the cards of. */
async function editableAmong(viewer: Viewer, deckIds: string[]): Promise<string[]> {
  const decks = await db.deck.findMany({ where: { id: { in: deckIds }, ...editableDecks(viewer) }, select: { id: true } });
  return decks.map((d) => d.id);
}

/** Reviews and new cards already done in this study day, counted from the history. */
async function doneToday(userId: string, day: StudyDay) {
  const rows = await db.reviewLog.groupBy({
    by: ["state"],
    where: { userId, reviewedAt: { gte: day.start, lt: day.end } },
    _count: { _all: true },
  });
  const count = (state: number) => rows.find((r) => r.state === state)?._count._all ?? 0;
  return { newDone: count(State.New), reviewsDone: count(State.Review) };
}

/** What an interview plan asks of today: in-scope new cards to meet first, reviews brought forward. */
export interface PlanToday {
  /** The plan's new cards still to meet today, in its order. */
  newCardIds: string[];
  pulledIds: string[];
  /** New cards the plan wants today in all, those met today included (default: newCardIds' length). */
  newWanted?: number;
  /** The interview the plan is for, named when the plan asks for more than the learner's limit. */
  next?: { interview: { label: string } } | null;
}

/** Today's queue (cards without their text) for the decks the learner studies, or for one of them. */
async function loadQueue(viewer: Viewer, options: { deckId?: string; plan?: PlanToday }, now: Date) {
  const settings = await getStudySettings(viewer.id);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const choice = await planChoiceFor(viewer.id, day);
  // Driven from the learner's own study rows (a primary-key range), not from all decks.
  const studies = await db.deckStudy.findMany({
    where: { userId: viewer.id, ...(options.deckId && { deckId: options.deckId }), deck: browsableDecks(viewer) },
    orderBy: { deckId: "asc" },
    select: { deckId: true, newCursor: true },
  });
  const deckIds = studies.map((d) => d.deckId);
  if (deckIds.length === 0) {
    const newCards = newCardsToday(settings.newPerDay, null, choice);
    return { queue: { ready: [], waiting: [] }, newCards, day, settings, deckIds, editable: new Set<string>() };
  }

  const [done, states, editableIds] = await Promise.all([
    doneToday(viewer.id, day),
    availableStates(viewer.id, deckIds, now, day.end, settings),
    editableAmong(viewer, deckIds),
  ]);
  // The most new cards today can still take (the plan's amount once the learner took it).
  const ask = options.plan ? { interview: options.plan.next?.interview.label ?? "your interview", wants: planWants(options.plan) } : null;
  const newRoom = Math.max(0, newCardsToday(settings.newPerDay, ask, choice).allowed - done.newDone);
  // A learner meets a card without an answer only in a deck they can write it in.
  const editable = new Set(editableIds);
  const [neverSeen, planned] = await Promise.all([
    neverSeenCards(viewer.id, studies, newRoom, new Set(deckIds.filter((id) => !editable.has(id)))),
    plannedCards(viewer.id, deckIds, options.plan, now),
  ]);
  const fresh: QueueCard[] = [
    ...states.buriedNew.map((s) => ({ cardId: s.cardId, version: s.version, memory: memoryOf(s), position: s.position })),
    ...neverSeen.map((c) => ({ cardId: c.id, version: 0, memory: newMemory(now), position: c.position })),
  ]
    .sort((a, b) => a.position - b.position)
    .map(({ position: _position, ...card }) => card);

  const { queue, newCards } = dayQueue({
    now,
    day,
    started: [...states.learning, ...states.reviews].map((s) => ({ cardId: s.cardId, version: s.version, memory: memoryOf(s) })),
    fresh,
    plan: ask && { ...ask, ...planned },
    choice,
    newDoneToday: done.newDone,
    reviewsDoneToday: done.reviewsDone,
    limits: settings,
  });
  return { queue, newCards, day, settings, deckIds, editable };
}

/** New cards the plan wants today in all. */
function planWants(plan: PlanToday): number {
  return plan.newWanted ?? plan.newCardIds.length;
}

/** Cards with their text and the learner's own answers, in the order given (cards gone meanwhile are left out). */
async function contentFor(viewer: Viewer, ids: string[]): Promise<(cards: QueueCard[]) => StudyCard[]> {
  const [contents, own] = await Promise.all([cardContents(ids), ownAnswersFor(viewer, ids)]);
  const byId = new Map(contents.map((c) => [c.id, c]));
  return (cards) =>
    cards.flatMap((c) => {
      const content = byId.get(c.cardId);
      if (!content) return [];
      const { id: _id, keyPoints, ownAnswer, ...text } = content;
      const card = { keyPoints: splitKeyPoints(keyPoints), ownAnswer: Boolean(ownAnswer) };
      const answer = own.get(c.cardId) ?? null;
      return [{ ...c, ...text, ...card, study: studyAnswer(card, answer), ownBody: answer?.body ?? null }];
    });
}

/** How today's queue splits (the review screen's own count: learning steps later today included), with the total. */
export type DayCounts = QueueCounts & { total: number };

/** Today's counts and the day's new-card allowance, as Today shows them. */
export type DayOverview = { counts: DayCounts; newCards: NewCardsToday };

function dayCounts(queue: Queue<QueueCard>): DayCounts {
  const counts = countQueue(queue);
  return { ...counts, total: counts.new + counts.learning + counts.review };
}

/** Today's counts alone (no card text read), for the Today page's headline and per-deck rows. */
export async function sessionCounts(
  viewer: Viewer,
  options: { deckId?: string; plan?: PlanToday },
  now = new Date(),
): Promise<DayOverview> {
  const { queue, newCards } = await loadQueue(viewer, options, now);
  return { counts: dayCounts(queue), newCards };
}

/** Today's session for the decks the learner studies, or for one of them; an interview plan's cards first. */
export async function loadStudySession(
  viewer: Viewer,
  options: { deckId?: string; plan?: PlanToday },
  now = new Date(),
): Promise<StudySession> {
  const { queue, newCards, day, settings, deckIds, editable } = await loadQueue(viewer, options, now);
  if (deckIds.length === 0)
    return { queue: { ready: [], waiting: [] }, day, settings, medianAnswerMs: null, editableDeckIds: [], newCards };

  // What comes after the session is asked once it ends (afterSession), not on every page load.
  const ids = [...queue.ready, ...queue.waiting].map((c) => c.cardId);
  const [withContent, median] = await Promise.all([contentFor(viewer, ids), medianAnswerMs(viewer.id)]);
  return {
    queue: { ready: withContent(queue.ready), waiting: withContent(queue.waiting) },
    day,
    settings,
    medianAnswerMs: median,
    editableDeckIds: [...editable],
    newCards,
  };
}

/** Cards a custom session takes at most: a session's worth, not a backlog. */
export const CUSTOM_SESSION_CARDS = 20;

/**
 * A session beyond today's queue, for a learner who has done it: review ahead (the started cards due
 * soonest after today) or drill a tag (the tag's started cards, least recently reviewed first, then
 * its unseen ones). Ratings are ordinary ratings: FSRS schedules an early review from the time that
 * really passed, so reviewing ahead grows a card's interval less than waiting would.
 */
export async function loadCustomSession(
  viewer: Viewer,
  options: { ahead: true; tag?: undefined; deckId?: string } | { ahead?: false; tag: string; deckId?: string },
  now = new Date(),
): Promise<StudySession> {
  const settings = await getStudySettings(viewer.id);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const studies = await db.deckStudy.findMany({
    where: { userId: viewer.id, ...(options.deckId && { deckId: options.deckId }), deck: browsableDecks(viewer) },
    select: { deckId: true },
  });
  const deckIds = studies.map((d) => d.deckId);
  const available = {
    userId: viewer.id,
    deckId: { in: deckIds },
    suspended: false,
    OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
    card: { ...liveCard, ...(options.tag ? { tags: { some: { tag: options.tag } } } : {}) },
  };
  const started = await db.cardState.findMany({
    where: { ...available, state: { not: State.New }, ...(options.ahead ? { due: { gte: day.end } } : {}) },
    orderBy: options.ahead ? { due: "asc" } : { lastReview: "asc" },
    take: CUSTOM_SESSION_CARDS,
    select: { cardId: true, version: true, ...memorySelect },
  });
  const cards: QueueCard[] = started.map((s) => ({ cardId: s.cardId, version: s.version, memory: memoryOf(s) }));
  if (options.tag && cards.length < CUSTOM_SESSION_CARDS) {
    const unseen = await db.card.findMany({
      where: { deckId: { in: deckIds }, ...liveCard, tags: { some: { tag: options.tag } }, cardStates: { none: { userId: viewer.id } } },
      orderBy: [{ deckId: "asc" }, { position: "asc" }],
      take: CUSTOM_SESSION_CARDS - cards.length,
      select: { id: true },
    });
    cards.push(...unseen.map((c) => ({ cardId: c.id, version: 0, memory: newMemory(now) })));
  }
  const [withContent, median, editable] = await Promise.all([
    contentFor(
      viewer,
      cards.map((c) => c.cardId),
    ),
    medianAnswerMs(viewer.id),
    editableAmong(viewer, deckIds),
  ]);
  return {
    queue: { ready: withContent(cards), waiting: [] },
    day,
    settings,
    medianAnswerMs: median,
    editableDeckIds: editable,
    // A custom session is beyond today's queue: it asks nothing about today's new cards.
    newCards: newCardsToday(settings.newPerDay, null, null),
  };
}

/** After a session: what is still there today, and whether the learner has met every card. */
export interface AfterSession {
  /** Today's queue as it stands now (the server's view, not the page's). */
  left: DayCounts;
  /** Live cards in the studied decks, and how many of them the learner has never seen. */
  cards: number;
  unseen: number;
  /** The earliest started card due after today, if any. */
  nextDue: Date | null;
  /** Never-seen cards the learner can't meet yet: nobody has answered them (and the learner can't). */
  unanswered: number;
  /** The learner is a mentee of these decks (the one who answers the cards is their mentor). */
  mentored: boolean;
  /** When the next study day starts (new cards for it unlock then). */
  nextDay: Date;
  newPerDay: number;
  /** Whether the learner studies more than one deck (the daily limit is shared between them). */
  sharedLimit: boolean;
  /** Today's new cards: the limit, or the plan's amount, and whether to ask the learner which. */
  newCards: NewCardsToday;
}

/** Never-seen cards of these decks that nobody has answered yet, in decks the learner can't write in. */
function unansweredCards(viewer: Viewer, deckIds: string[]) {
  return {
    deckId: { in: deckIds },
    ...liveCard,
    back: "",
    keyPoints: "",
    NOT: { deck: editableDecks(viewer) },
    cardStates: { none: { userId: viewer.id } },
  };
}

/** Per deck, the cards the learner waits on an answer for, and whether its author is their mentor. */
export async function waitingForAnswers(viewer: Viewer, deckIds: string[]): Promise<Map<string, { cards: number; mentored: boolean }>> {
  const [counts, mentee] = await Promise.all([
    db.card.groupBy({ by: ["deckId"], where: unansweredCards(viewer, deckIds), _count: { _all: true } }),
    db.deckMember.findMany({ where: { userId: viewer.id, role: "mentee", deckId: { in: deckIds } }, select: { deckId: true } }),
  ]);
  const mentored = new Set(mentee.map((m) => m.deckId));
  return new Map(counts.map((c) => [c.deckId, { cards: c._count._all, mentored: mentored.has(c.deckId) }]));
}

export async function afterSession(
  viewer: Viewer,
  options: { deckId?: string; plan?: PlanToday },
  now = new Date(),
): Promise<AfterSession> {
  const { queue, newCards, day, settings, deckIds } = await loadQueue(viewer, options, now);
  // Cards without an answer count only in decks the learner can write them in (elsewhere they never come).
  const inDecks = {
    deckId: { in: deckIds },
    ...liveCard,
    OR: [{ deck: editableDecks(viewer) }, ...answeredCard.OR],
  };
  const [cards, unseen, waiting, next, studied, mentee] = await Promise.all([
    db.card.count({ where: inDecks }),
    db.card.count({ where: { ...inDecks, cardStates: { none: { userId: viewer.id } } } }),
    db.card.count({ where: unansweredCards(viewer, deckIds) }),
    db.cardState.findFirst({
      where: { userId: viewer.id, deckId: { in: deckIds }, suspended: false, state: { not: State.New }, due: { gte: day.end } },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
    options.deckId ? db.deckStudy.count({ where: { userId: viewer.id } }) : Promise.resolve(deckIds.length),
    db.deckMember.count({ where: { userId: viewer.id, role: "mentee", deckId: { in: deckIds } } }),
  ]);
  return {
    left: dayCounts(queue),
    cards,
    unseen,
    unanswered: waiting,
    mentored: mentee > 0,
    nextDue: next?.due ?? null,
    nextDay: day.end,
    newPerDay: settings.newPerDay,
    sharedLimit: studied > 1,
    newCards,
  };
}
