// The interview plan: how much of an interview's cards a learner would recall at the interview
// moment, now and if they follow the plan, and the plan itself: which new cards to meet and which
// reviews to bring forward on each day so that recall on the day reaches the target. Pure, built on
// FSRS's own memory model (ts-fsrs's forgetting curve and stability updates), with `now` passed in.
//
// The projection is an expectation: each planned review is recalled with the card's retrievability
// then; a recalled card follows FSRS's Good update, a forgotten one its Again update and a relearning
// step the same day. Later reviews follow the recalled path, which is what the plan schedules by.
import { FSRSAlgorithm, forgetting_curve, generatorParameters, type FSRSState } from "ts-fsrs";
import { State, type MemoryState } from "./fsrs";
import { studyDay, type StudyDay } from "./study-day";

const DAY_MS = 86_400_000;
const GOOD = 3;
const AGAIN = 1;

/** FSRS with the default parameters, the ones Drill schedules with. */
const algorithm = new FSRSAlgorithm(generatorParameters({ enable_short_term: true }));
const PARAMETERS = algorithm.parameters.w;

/**
 * The probability of recalling a card `elapsedDays` after its last review, with ts-fsrs's forgetting
 * curve (a unit test pins it against ts-fsrs's own function).
 */
export function retrievability(stability: number, elapsedDays: number): number {
  if (stability <= 0) return 0;
  return forgetting_curve(PARAMETERS, Math.max(0, elapsedDays), stability);
}

/** A card's recall at `at`: 0 when never studied. */
export function recallAt(memory: Pick<MemoryState, "stability" | "lastReview" | "state"> | null, at: Date): number {
  if (!memory || memory.state === State.New || !memory.lastReview) return 0;
  return retrievability(memory.stability, (at.getTime() - memory.lastReview.getTime()) / DAY_MS);
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
  /** New cards and reviews already done today, counted against the limits. */
  doneToday?: { newCards: number; reviews: number };
  timeZone: string;
  dayStartHour: number;
  /** The learner's median answer time, for the minutes estimate (default 20 s). */
  answerMs?: number | null;
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
}

function simOf(memory: MemoryState | null): Sim {
  if (!memory || memory.state === State.New || !memory.lastReview)
    return { seen: false, s: 0, d: 0, last: 0, due: Number.POSITIVE_INFINITY, lapse: null };
  return {
    seen: true,
    s: memory.stability,
    d: memory.difficulty,
    last: memory.lastReview.getTime(),
    due: memory.due.getTime(),
    lapse: null,
  };
}

/** The next review time FSRS gives a card of stability `s` reviewed at `at` (desired retention 0.9, whole days). */
function dueAfter(s: number, at: number): number {
  return at + Math.max(1, algorithm.next_interval(s, 0)) * DAY_MS;
}

function reviewAt(card: Sim, at: number): void {
  const elapsed = (at - card.last) / DAY_MS;
  const r = retrievability(card.s, elapsed);
  const state: FSRSState = { stability: card.s, difficulty: card.d };
  const good = algorithm.next_state(state, elapsed, GOOD, r);
  const forgot = algorithm.next_state(state, elapsed, AGAIN, r);
  const relearned = algorithm.next_state(forgot, 0, GOOD);
  card.lapse = { s: relearned.stability, last: at, r };
  card.s = good.stability;
  card.d = good.difficulty;
  card.last = at;
  card.due = dueAfter(good.stability, at);
}

function learnAt(card: Sim, at: number): void {
  // First sight rated Good, then the learning step the same day, as the review screen does.
  const first = algorithm.next_state(null, 0, GOOD);
  const second = algorithm.next_state(first, 0, GOOD);
  card.seen = true;
  card.s = second.stability;
  card.d = second.difficulty;
  card.last = at;
  card.due = dueAfter(second.stability, at);
  card.lapse = null;
}

function expectedRecall(card: Sim, at: number): number {
  if (!card.seen) return 0;
  const recalled = retrievability(card.s, (at - card.last) / DAY_MS);
  if (!card.lapse) return recalled;
  const forgotten = retrievability(card.lapse.s, (at - card.lapse.last) / DAY_MS);
  return card.lapse.r * recalled + (1 - card.lapse.r) * forgotten;
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

function run(input: PlanInput, days: StudyDay[], newPerDay: number, recordToday: boolean): Run {
  const T = input.interviewAt.getTime();
  const now = input.now.getTime();
  const sims = input.cards.map((c) => simOf(c.memory));
  const unseenOrder = sims.flatMap((s, i) => (s.seen ? [] : [i]));
  let nextUnseen = 0;
  const answerMin = (input.answerMs ?? DEFAULT_ANSWER_MS) / 60_000;
  // The last one or two days are the final pass: every card under target gets one more look.
  const finalDays = days.length >= 4 ? 2 : 1;
  const introDays = Math.max(1, days.length - finalDays);
  const today = { newCardIds: [] as string[], pulledIds: [] as string[] };
  const planned: PlanDay[] = [];

  days.forEach((day, index) => {
    // Studying happens when the day starts (today: now), and before the interview on its own day.
    const at = Math.max(index === 0 ? now : day.start.getTime(), day.start.getTime());
    const end = Math.min(day.end.getTime(), T);
    const done = index === 0 ? (input.doneToday ?? { newCards: 0, reviews: 0 }) : { newCards: 0, reviews: 0 };
    let reviewRoom = Math.max(0, input.limits.reviewsPerDay - done.reviews);
    let reviews = 0;

    // 1. Reviews FSRS has due today.
    const due = sims.flatMap((s, i) => (s.seen && s.due < day.end.getTime() ? [i] : [])).sort((a, b) => sims[a]!.due - sims[b]!.due);
    for (const i of due) {
      if (reviewRoom === 0) break;
      reviewAt(sims[i]!, at);
      reviewRoom--;
      reviews++;
    }

    // 2. Reviews brought forward: cards FSRS would next show after the interview, whose recall on the
    // day would be under target. In the final pass all of them; before it, only as many as the final
    // days can't hold (lowest recall first), so the work spreads instead of piling up at the end.
    const remainingFinal = Math.min(finalDays, days.length - index);
    const inFinal = index >= days.length - finalDays;
    const pending = sims
      .flatMap((s, i) => (s.seen && s.due >= T && s.last < at && expectedRecall(s, T) < input.target ? [i] : []))
      .sort((a, b) => expectedRecall(sims[a]!, T) - expectedRecall(sims[b]!, T));
    const laterCapacity = inFinal ? 0 : remainingFinal * input.limits.reviewsPerDay;
    const pullCount = inFinal ? pending.length : Math.max(0, pending.length - laterCapacity);
    for (const i of pending.slice(0, Math.min(pullCount, reviewRoom))) {
      reviewAt(sims[i]!, at);
      reviewRoom--;
      reviews++;
      if (index === 0 && recordToday) today.pulledIds.push(input.cards[i]!.cardId);
    }

    // 3. New cards: spread over the days before the final pass, within the daily limit.
    let newCards = 0;
    const left = unseenOrder.length - nextUnseen;
    const daysForNew = Math.max(1, introDays - index);
    const wanted = index < introDays || index === days.length - 1 ? Math.ceil(left / daysForNew) : left;
    const room = Math.max(0, newPerDay - done.newCards);
    for (let k = 0; k < Math.min(wanted, room) && nextUnseen < unseenOrder.length; k++) {
      const i = unseenOrder[nextUnseen++]!;
      learnAt(sims[i]!, at);
      newCards++;
      if (index === 0 && recordToday) today.newCardIds.push(input.cards[i]!.cardId);
    }

    const readiness = sims.length ? sims.reduce((sum, s) => sum + expectedRecall(s, end), 0) / sims.length : 1;
    planned.push({
      date: day.date,
      newCards,
      reviews,
      minutes: Math.round((newCards * ANSWERS_PER_NEW_CARD + reviews) * answerMin),
      readiness,
    });
  });

  const onPlan = sims.length ? sims.reduce((sum, s) => sum + expectedRecall(s, T), 0) / sims.length : 1;
  return { onPlan, days: planned, today };
}

/** The plan for one interview: readiness now and on plan, the daily work, and today's cards. */
export function buildPlan(input: PlanInput): Plan {
  const T = input.interviewAt;
  const recallNow = new Map(input.cards.map((c) => [c.cardId, recallAt(c.memory, T)]));
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
      unseen,
      recallNow,
    };
  }
  const plan = run(input, days, input.limits.newPerDay, true);
  const reachable = plan.onPlan >= input.target;
  // What it would take: the smallest daily number of new cards that reaches the target.
  let newPerDayNeeded: number | null = input.limits.newPerDay;
  if (!reachable) {
    newPerDayNeeded = null;
    for (const rate of [15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000]) {
      if (rate <= input.limits.newPerDay) continue;
      if (run({ ...input, limits: { ...input.limits, newPerDay: rate } }, days, rate, false).onPlan >= input.target) {
        newPerDayNeeded = rate;
        break;
      }
    }
  }
  return { now, onPlan: plan.onPlan, reachable, days: plan.days, today: plan.today, newPerDayNeeded, unseen, recallNow };
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

/**
 * Tags whose cards, dropped from the interview's scope, would let the plan reach the target at the
 * learner's limits: the weakest first, as few as it takes (empty when dropping tags doesn't help).
 */
export function tagsToDrop(input: PlanInput, tags: TagReadiness[]): string[] {
  const dropped: string[] = [];
  for (const { tag } of tags) {
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
