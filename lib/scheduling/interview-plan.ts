// The interview plan: how much of an interview's cards a learner would recall at the interview
// moment, now and if they follow the plan, and the plan itself: which new cards to meet and which
// reviews to bring forward on each day so that recall on the day reaches the target. Pure, built on
// FSRS's own memory model (ts-fsrs's forgetting curve and stability updates) with the learner's own
// scheduler settings (their fitted weights once applied), with `now` passed in.
//
// The projection is an expectation: each planned review is recalled with the card's retrievability
// then; a recalled card follows FSRS's Good update, a forgotten one its Again update and a relearning
// step the same day. Later reviews follow the recalled path, which is what the plan schedules by.
import { memoryModel, Rating, State, type MemoryModel, type MemoryState, type ModelSettings } from "./fsrs";
import { studyDay, type StudyDay } from "./study-day";
import { DAY_MS } from "../time";

/**
 * The probability of recalling a card `elapsedDays` after its last review, with ts-fsrs's forgetting
 * curve and FSRS's default weights (a unit test pins it against ts-fsrs's own function).
 */
export function retrievability(stability: number, elapsedDays: number): number {
  return memoryModel().retrievability(stability, elapsedDays);
}

/** A card's recall at `at` under `model` (default: FSRS's default weights): 0 when never studied. */
export function recallAt(
  memory: Pick<MemoryState, "stability" | "lastReview" | "state"> | null,
  at: Date,
  model: MemoryModel = memoryModel(),
): number {
  if (!memory || memory.state === State.New || !memory.lastReview) return 0;
  return model.retrievability(memory.stability, (at.getTime() - memory.lastReview.getTime()) / DAY_MS);
}

export interface PlanCard {
  cardId: string;
  /** The learner's memory of the card (null or New: never studied). */
  memory: MemoryState | null;
  tags: readonly string[];
}

export interface PlanInput {
  now: Date;
  interviewAt: Date;
  /** The share of in-scope cards to recall at the interview, 0.5 to 0.99. */
  target: number;
  /** In the order new cards are met (deck order). */
  cards: PlanCard[];
  /** New in-scope cards a day and reviews a day the plan may use (the interview's own limits). */
  limits: { newPerDay: number; reviewsPerDay: number };
  /** In-scope new cards met and reviews done today (already in `cards`' memory), counted against the limits and today's share. */
  doneToday?: { newCards: number; reviews: number };
  timeZone: string;
  dayStartHour: number;
  /** The learner's median answer time, for the minutes estimate (default 20 s). */
  answerMs?: number | null;
  /** The learner's scheduler settings (their fitted weights, desired retention); default: FSRS's defaults. */
  scheduler?: ModelSettings;
}

export interface PlanDay {
  /** The study day's date in the learner's zone. */
  date: string;
  newCards: number;
  reviews: number;
  /** Estimated minutes, from the learner's own answer time (a new card counts three answers). */
  minutes: number;
  /** Expected share of in-scope cards recalled at the end of this day's studying, following the plan. */
  readiness: number;
}

export interface Plan {
  /** Predicted share recalled at the interview if the learner stopped studying now. */
  now: number;
  /** Predicted share recalled at the interview if they follow the plan. */
  onPlan: number;
  reachable: boolean;
  days: PlanDay[];
  /** Today's work: the in-scope new cards to meet first, and reviews brought forward (not yet due). */
  today: { newCardIds: string[]; pulledIds: string[] };
  /** How many new cards a day would reach the target (null: no rate within 1,000 a day would). */
  newPerDayNeeded: number | null;
  /** The share of the plan's answers (reviews, and new cards at three answers each) on the interview's own day. */
  interviewDayShare: number;
  /** Cards the learner has never studied, of those in scope. */
  unseen: number;
  /** Per card: predicted recall at the interview if they stopped now. */
  recallNow: Map<string, number>;
}

/** Answer time assumed before the learner has any history. */
const DEFAULT_ANSWER_MS = 20_000;
/** A new card takes about three answers on its first day (first sight and the learning steps). */
const ANSWERS_PER_NEW_CARD = 3;

interface Sim {
  seen: boolean;
  s: number;
  d: number;
  last: number;
  due: number;
  /** Recall at the interview on the path where the latest review was forgotten, and that review's recall odds. */
  lapse: { s: number; last: number; r: number } | null;
  /** Expected recall at the interview, kept up to date as the card is reviewed (read every day). */
  atInterview: number;
}

function simOf(memory: MemoryState | null, interviewAt: number, model: MemoryModel): Sim {
  // One object shape for every card (the plan reads these fields in hot loops).
  const seen = Boolean(memory && memory.state !== State.New && memory.lastReview);
  const sim: Sim = {
    seen,
    s: seen ? memory!.stability : 0,
    d: seen ? memory!.difficulty : 0,
    last: seen ? memory!.lastReview!.getTime() : 0,
    due: seen ? memory!.due.getTime() : Number.POSITIVE_INFINITY,
    lapse: null,
    atInterview: 0,
  };
  sim.atInterview = expectedRecall(sim, interviewAt, model);
  return sim;
}

/** The next review time the learner's scheduler gives a card of stability `s` reviewed at `at` (whole days). */
function dueAfter(s: number, at: number, model: MemoryModel): number {
  return at + model.intervalDays(s) * DAY_MS;
}

function reviewAt(card: Sim, at: number, interviewAt: number, model: MemoryModel): void {
  const elapsed = (at - card.last) / DAY_MS;
  const r = model.retrievability(card.s, elapsed);
  const state = { stability: card.s, difficulty: card.d };
  const good = model.next(state, elapsed, Rating.Good, r);
  const forgot = model.next(state, elapsed, Rating.Again, r);
  const relearned = model.next(forgot, 0, Rating.Good);
  card.lapse = { s: relearned.stability, last: at, r };
  card.s = good.stability;
  card.d = good.difficulty;
  card.last = at;
  card.due = dueAfter(good.stability, at, model);
  card.atInterview = expectedRecall(card, interviewAt, model);
}

function learnAt(card: Sim, at: number, interviewAt: number, model: MemoryModel): void {
  // First sight rated Good, then the learning step the same day, as the review screen does.
  const first = model.next(null, 0, Rating.Good);
  const second = model.next(first, 0, Rating.Good);
  card.seen = true;
  card.s = second.stability;
  card.d = second.difficulty;
  card.last = at;
  card.due = dueAfter(second.stability, at, model);
  card.lapse = null;
  card.atInterview = expectedRecall(card, interviewAt, model);
}

function expectedRecall(card: Sim, at: number, model: MemoryModel): number {
  if (!card.seen) return 0;
  const recalled = model.retrievability(card.s, (at - card.last) / DAY_MS);
  if (!card.lapse) return recalled;
  const forgotten = model.retrievability(card.lapse.s, (at - card.lapse.last) / DAY_MS);
  return card.lapse.r * recalled + (1 - card.lapse.r) * forgotten;
}

/** On the interview's own day, a short warm-up at most, over an hour before the interview. */
const INTERVIEW_DAY_MINUTES = 30;
const READY_BEFORE_MS = 3_600_000;

/** Reviews that fit on a study day: the daily limit, and on the interview's day what fits before it. */
function reviewCapacity(day: StudyDay, at: number, interviewAt: number, limit: number, answerMin: number): number {
  if (day.end.getTime() <= interviewAt) return limit;
  const minutes = Math.min(INTERVIEW_DAY_MINUTES, Math.max(0, interviewAt - READY_BEFORE_MS - at) / 60_000);
  return Math.min(limit, Math.floor(minutes / answerMin));
}

/** The study days from today's to the interview's (the interview's own day when it starts after that day's start). */
export function planDays(now: Date, interviewAt: Date, timeZone: string, dayStartHour: number): StudyDay[] {
  const days: StudyDay[] = [];
  let day = studyDay(now, timeZone, dayStartHour);
  while (day.start < interviewAt && days.length < 400) {
    days.push(day);
    day = studyDay(day.end, timeZone, dayStartHour);
  }
  return days;
}

interface Run {
  onPlan: number;
  days: PlanDay[];
  today: { newCardIds: string[]; pulledIds: string[] };
}

/**
 * Follows the plan day by day over the expected-memory model. `detail`: also record today's cards and
 * each day's readiness (the runs that only ask "would this rate reach the target?" skip both).
 */
function run(input: PlanInput, days: StudyDay[], newPerDay: number, detail: boolean): Run {
  const T = input.interviewAt.getTime();
  const now = input.now.getTime();
  const model = memoryModel(input.scheduler);
  const sims = input.cards.map((c) => simOf(c.memory, T, model));
  // Plain loops over the cards below, not flatMap: this runs for thousands of cards, several times a plan.
  const unseenOrder: number[] = [];
  for (let i = 0; i < sims.length; i++) if (!sims[i]!.seen) unseenOrder.push(i);
  let nextUnseen = 0;
  const answerMin = (input.answerMs ?? DEFAULT_ANSWER_MS) / 60_000;
  // The last one or two days are the final pass: every card under target gets one more look.
  const finalDays = days.length >= 4 ? 2 : 1;
  const introDays = Math.max(1, days.length - finalDays);
  const today = { newCardIds: [] as string[], pulledIds: [] as string[] };
  const planned: PlanDay[] = [];
  // Studying happens when the day starts (today: now), and before the interview on its own day.
  const startsAt = days.map((day, index) => Math.max(index === 0 ? now : day.start.getTime(), day.start.getTime()));
  const capacity = days.map((day, index) => reviewCapacity(day, startsAt[index]!, T, input.limits.reviewsPerDay, answerMin));

  days.forEach((day, index) => {
    const at = startsAt[index]!;
    const end = Math.min(day.end.getTime(), T);
    const done = index === 0 ? (input.doneToday ?? { newCards: 0, reviews: 0 }) : { newCards: 0, reviews: 0 };
    let reviewRoom = Math.max(0, capacity[index]! - done.reviews);
    let reviews = 0;

    // 1. Reviews FSRS has due today.
    const dayEnd = day.end.getTime();
    const due: number[] = [];
    for (let i = 0; i < sims.length; i++) if (sims[i]!.seen && sims[i]!.due < dayEnd) due.push(i);
    due.sort((a, b) => sims[a]!.due - sims[b]!.due);
    for (const i of due) {
      if (reviewRoom === 0) break;
      reviewAt(sims[i]!, at, T, model);
      reviewRoom--;
      reviews++;
    }

    // 2. Reviews brought forward: cards FSRS would next show after the interview, whose recall on the
    // day would be under target (lowest recall first). In the final pass all of them; before it, an
    // even share over the days left, and more when the final days can't hold the rest: the work
    // spreads instead of piling up on the interview's morning.
    const inFinal = index >= days.length - finalDays;
    const pending: number[] = [];
    for (let i = 0; i < sims.length; i++) {
      const s = sims[i]!;
      // Not reviewed this study day already (today: by the learner, before the plan was asked again).
      if (s.seen && s.due >= T && s.last < day.start.getTime() && s.atInterview < input.target) pending.push(i);
    }
    const laterCapacity = inFinal ? 0 : capacity.slice(days.length - finalDays).reduce((a, b) => a + b, 0);
    const share = Math.ceil(pending.length / (days.length - index));
    const pullCount = Math.min(inFinal ? pending.length : Math.max(share, pending.length - laterCapacity), reviewRoom);
    if (pullCount > 0 && pullCount < pending.length) pending.sort((a, b) => sims[a]!.atInterview - sims[b]!.atInterview);
    for (const i of pending.slice(0, pullCount)) {
      reviewAt(sims[i]!, at, T, model);
      reviewRoom--;
      reviews++;
      if (index === 0 && detail) today.pulledIds.push(input.cards[i]!.cardId);
    }

    // 3. New cards: spread over the days before the final pass, within the daily limit. Today's share
    // counts the in-scope cards already met today (they were unseen when the day began), so asking
    // again later in the day gives the rest of the same share, not a new one.
    let newCards = 0;
    const left = unseenOrder.length - nextUnseen + done.newCards;
    const daysForNew = Math.max(1, introDays - index);
    const wanted = (index < introDays || index === days.length - 1 ? Math.ceil(left / daysForNew) : left) - done.newCards;
    const room = Math.max(0, newPerDay - done.newCards);
    for (let k = 0; k < Math.min(wanted, room) && nextUnseen < unseenOrder.length; k++) {
      const i = unseenOrder[nextUnseen++]!;
      learnAt(sims[i]!, at, T, model);
      newCards++;
      if (index === 0 && detail) today.newCardIds.push(input.cards[i]!.cardId);
    }

    const readiness = !detail ? 0 : sims.length ? sims.reduce((sum, s) => sum + expectedRecall(s, end, model), 0) / sims.length : 1;
    planned.push({
      date: day.date,
      newCards,
      reviews,
      minutes: Math.round((newCards * ANSWERS_PER_NEW_CARD + reviews) * answerMin),
      readiness,
    });
  });

  const onPlan = sims.length ? sims.reduce((sum, s) => sum + s.atInterview, 0) / sims.length : 1;
  return { onPlan, days: planned, today };
}

/** Daily rates of new cards the plan tries when the learner's own can't reach the target. */
const RATES = [15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 500, 750, 1000];

/** The plan for one interview: readiness now and on plan, the daily work, and today's cards. */
export function buildPlan(input: PlanInput): Plan {
  const T = input.interviewAt;
  const model = memoryModel(input.scheduler);
  const recallNow = new Map(input.cards.map((c) => [c.cardId, recallAt(c.memory, T, model)]));
  const now = input.cards.length ? [...recallNow.values()].reduce((a, b) => a + b, 0) / input.cards.length : 1;
  const unseen = input.cards.filter((c) => !c.memory || c.memory.state === State.New || !c.memory.lastReview).length;
  const days = T > input.now ? planDays(input.now, T, input.timeZone, input.dayStartHour) : [];
  if (days.length === 0) {
    return {
      now,
      onPlan: now,
      reachable: now >= input.target,
      days: [],
      today: { newCardIds: [], pulledIds: [] },
      newPerDayNeeded: null,
      interviewDayShare: 0,
      unseen,
      recallNow,
    };
  }
  const plan = run(input, days, input.limits.newPerDay, true);
  const reachable = plan.onPlan >= input.target;
  // What it would take: the smallest daily number of new cards that reaches the target.
  let newPerDayNeeded: number | null = input.limits.newPerDay;
  if (!reachable) {
    // Readiness grows with the daily rate. A rate below "every unseen card before the final pass"
    // rarely reaches the target, so the search starts there and steps down while the rate still
    // reaches it, or up until one does: two or three runs instead of one per rate.
    const rates = RATES.filter((rate) => rate > input.limits.newPerDay);
    const reaches = (rate: number) =>
      run({ ...input, limits: { ...input.limits, newPerDay: rate } }, days, rate, false).onPlan >= input.target;
    const allSeen = Math.ceil(unseen / Math.max(1, days.length - (days.length >= 4 ? 2 : 1)));
    let at = rates.findIndex((rate) => rate >= allSeen);
    if (at < 0) at = rates.length - 1;
    if (reaches(rates[at]!)) {
      while (at > 0 && reaches(rates[at - 1]!)) at--;
      newPerDayNeeded = rates[at]!;
    } else {
      newPerDayNeeded = null;
      for (let i = at + 1; i < rates.length; i++)
        if (reaches(rates[i]!)) {
          newPerDayNeeded = rates[i]!;
          break;
        }
    }
  }
  return {
    now,
    onPlan: plan.onPlan,
    reachable,
    days: plan.days,
    today: plan.today,
    newPerDayNeeded,
    interviewDayShare: interviewDayShare(plan.days, days.at(-1)!, T),
    unseen,
    recallNow,
  };
}

/** Past this share of a plan's answers on the interview's own day, the page says the plan leans on that morning. */
export const CRAMMED_SHARE = 0.5;

/** Whether most of the plan falls on the interview's own day (too little time left to spread it). */
export function mostOnInterviewDay(plan: Pick<Plan, "interviewDayShare">): boolean {
  return plan.interviewDayShare > CRAMMED_SHARE;
}

function interviewDayShare(planned: PlanDay[], lastDay: StudyDay, interviewAt: Date): number {
  const answers = (d: PlanDay) => d.newCards * ANSWERS_PER_NEW_CARD + d.reviews;
  const total = planned.reduce((sum, d) => sum + answers(d), 0);
  const onTheDay = lastDay.end > interviewAt ? answers(planned.at(-1)!) : 0;
  return total ? onTheDay / total : 0;
}

export interface TagReadiness {
  tag: string;
  cards: number;
  /** Mean predicted recall at the interview if the learner stopped now. */
  recall: number;
}

/** Tags by predicted recall at the interview (if the learner stopped now), weakest first. */
export function weakestTags(cards: PlanCard[], recallNow: Map<string, number>): TagReadiness[] {
  const byTag = new Map<string, { sum: number; cards: number }>();
  for (const card of cards)
    for (const tag of card.tags) {
      const t = byTag.get(tag) ?? { sum: 0, cards: 0 };
      t.sum += recallNow.get(card.cardId) ?? 0;
      t.cards++;
      byTag.set(tag, t);
    }
  return [...byTag.entries()]
    .map(([tag, t]) => ({ tag, cards: t.cards, recall: t.sum / t.cards }))
    .sort((a, b) => a.recall - b.recall || a.tag.localeCompare(b.tag));
}

const MAX_TAGS_TO_DROP = 3;

/**
 * Tags whose cards, dropped from the interview's scope, would let the plan reach the target at the
 * learner's limits: the weakest first, as few as it takes (empty when dropping tags doesn't help).
 */
export function tagsToDrop(input: PlanInput, tags: TagReadiness[]): string[] {
  const dropped: string[] = [];
  // Advice to drop more than a few tags is no advice: the interview's scope is wrong, not its tags.
  for (const { tag } of tags.slice(0, MAX_TAGS_TO_DROP)) {
    dropped.push(tag);
    const cards = input.cards.filter((c) => !c.tags.some((t) => dropped.includes(t)));
    if (cards.length === 0) return [];
    if (buildPlanQuick({ ...input, cards }) >= input.target) return dropped;
  }
  return [];
}

function buildPlanQuick(input: PlanInput): number {
  const days = planDays(input.now, input.interviewAt, input.timeZone, input.dayStartHour);
  return days.length ? run(input, days, input.limits.newPerDay, false).onPlan : 0;
}
