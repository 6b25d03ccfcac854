"use client";

// A mock interview: questions one at a time, each with a visible countdown to answer aloud, then the
// answer and a grade. The card is the study screen's (card-view.tsx): key points to tick, the
// suggested grade, each grade's interval, and the grade bar in the thumb zone on a phone. Each grade
// is a real rating, saved through the same outbox as the review screen (so it survives a dropped
// connection); the end lists the misses by tag.
import type { Route } from "next";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { MAX_ANSWER_MS } from "@/lib/review/rating/limits";
import { Rating, type MemoryState, type RatingValue, type SchedulerSettings } from "@/lib/scheduling/fsrs";
import { CardView, useIntervals } from "../review/card-view";
import { newClientId } from "../review/outbox";
import type { SessionCard } from "../review/review-session";
import { SaveIndicator } from "../review/save-indicator";
import { pendingRating, suggestionFor, type Answering } from "../review/session-state";
import { useOutbox } from "../review/use-outbox";
import { useReviewKeys } from "../review/use-review-keys";

export interface MockCard {
  cardId: string;
  deckId: string;
  version: number;
  memory: MemoryState;
  /** The question rendered (Markdown), and as one line for the summary. */
  front: ReactNode;
  frontLine: ReactNode;
  lead: ReactNode;
  /** What the learner ticks: their own points when they wrote an answer, else the deck's (STAR on a behavioural prompt). */
  keyPoints: string[];
  /** The deck's key points. */
  deckPoints: string[];
  back: ReactNode;
  /** The learner's own answer, rendered (null: none): shown first, the deck's one click away. */
  own: ReactNode;
  tags: string[];
  href: Route;
  answerHref: Route;
  /** This question's clock: two minutes for a behavioural prompt, the learner's setting for others. */
  seconds: number;
}

interface Graded {
  card: MockCard;
  rating: RatingValue;
}

/** The study screen's card for a mock question: no Edit link (a mock is about answering). */
function asSessionCard(card: MockCard): SessionCard {
  const { frontLine: _line, href, seconds: _seconds, ...rest } = card;
  // A mock never stops to ask for an answer: a prompt without one shows its guidance and the STAR points.
  return { ...rest, cardHref: href, editHref: null, writeFirst: false };
}

/** The misses (rated Again) grouped by tag, a card in each of its tags. */
function missesByTag(graded: Graded[]): Map<string, MockCard[]> {
  const byTag = new Map<string, MockCard[]>();
  for (const { card: missed } of graded.filter((g) => g.rating === Rating.Again))
    for (const tag of missed.tags.length ? missed.tags : ["untagged"]) byTag.set(tag, [...(byTag.get(tag) ?? []), missed]);
  return byTag;
}

function MockSummary({ graded, backHref }: { graded: Graded[]; backHref: Route }) {
  const misses = graded.filter((g) => g.rating === Rating.Again);
  const byTag = missesByTag(graded);
  return (
    <section className="card-surface space-y-4 p-6" data-testid="mock-summary">
      <h2 className="text-xl font-semibold">
        Done: {graded.length - misses.length} of {graded.length} answered
      </h2>
      {misses.length === 0 ? (
        <p>No misses. Every answer was a real review, saved with your history.</p>
      ) : (
        <div className="space-y-3">
          <p>Missed, by tag (each answer was saved as a review):</p>
          <ul className="space-y-2">
            {[...byTag.entries()].map(([tag, missed]) => (
              <li key={tag}>
                <span className="font-medium">{tag}</span>:{" "}
                {missed.map((m, i) => (
                  <span key={m.cardId}>
                    {i > 0 && ", "}
                    <Link href={m.href} className="link">
                      {m.frontLine}
                    </Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Link href={backHref} className="btn btn-primary">
        Back to the interview
      </Link>
    </section>
  );
}

/** Which question, the countdown to answer aloud, and whether the ratings are saved. */
function MockStatus({
  position,
  count,
  left,
  outbox,
}: {
  position: number;
  count: number;
  left: number | null;
  outbox: ReturnType<typeof useOutbox>;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-muted tabular-nums">
        Question {position} of {count}
        {left !== null && " · answer aloud, then reveal"}
      </span>
      {left !== null && (
        <span
          role="timer"
          aria-label={`${left} seconds left`}
          className={`font-semibold tabular-nums ${left <= 10 ? "text-danger" : "text-accent"}`}
          data-testid="countdown"
        >
          {Math.floor(left / 60)}:{String(left % 60).padStart(2, "0")}
        </span>
      )}
      <SaveIndicator
        status={outbox.status}
        waiting={outbox.waiting}
        onRetry={outbox.retryNow}
        held={outbox.held}
        onRetryHeld={outbox.retryHeld}
        onDiscardHeld={outbox.discardHeld}
      />
    </div>
  );
}

const UNTOUCHED = { ticked: new Set<number>() as ReadonlySet<number>, saidNone: false };

/** The question on screen: its countdown, the reveal (by the learner, or when time is up), the ticks. */
function useMockQuestion(card: MockCard | null, cardRef: RefObject<HTMLElement | null>) {
  const seconds = card?.seconds ?? 0;
  const [left, setLeft] = useState(seconds);
  const [revealedEarly, setRevealed] = useState(false);
  const [answerMs, setAnswerMs] = useState(0);
  const [checklist, setChecklist] = useState(UNTOUCHED);
  const shownAt = useRef(0);
  // The answer shows when the learner reveals it, or when time is up.
  const revealed = revealedEarly || left <= 0;
  useEffect(() => {
    shownAt.current = Date.now();
  }, [card]);
  // The countdown: one tick a second while answering.
  useEffect(() => {
    if (!card || revealed) return;
    const timer = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(timer);
  }, [card, revealed, left]);

  const reveal = useCallback(() => {
    setAnswerMs(Date.now() - shownAt.current);
    setRevealed(true);
  }, []);
  const toggle = useCallback(
    (index: number) =>
      setChecklist((c) => {
        if (!card || index >= card.keyPoints.length) return c;
        const ticked = new Set(c.ticked);
        if (!ticked.delete(index)) ticked.add(index);
        return { ticked, saidNone: false };
      }),
    [card],
  );
  const saidNone = useCallback(() => {
    setChecklist(card?.keyPoints.length ? { ticked: new Set(), saidNone: true } : UNTOUCHED);
    // From the None button, the keys go back to the card: Enter takes the suggestion, not the button again.
    cardRef.current?.focus({ preventScroll: true });
  }, [card, cardRef]);
  /** On to the next question, whose clock starts at its own `nextSeconds`. */
  const next = useCallback((nextSeconds: number) => {
    setLeft(nextSeconds);
    setRevealed(false);
    setChecklist(UNTOUCHED);
  }, []);
  // Time up: the whole allowance was spent answering.
  const answering: Answering = { cardKey: "", typed: "", ...checklist, answerMs: revealedEarly ? answerMs : seconds * 1000 };
  return { left, revealed, answering, reveal, toggle, saidNone, next, shownAt };
}

const nothing = () => {};

/** The study screen's keys: Space reveals, Shift+1-6 tick, Shift+0 none, Enter takes the suggestion, 1-4 grade. */
function useMockKeys(
  hasCard: boolean,
  question: ReturnType<typeof useMockQuestion>,
  suggested: RatingValue | null,
  grade: (rating: RatingValue) => void,
) {
  useReviewKeys({
    hasCard,
    revealed: question.revealed,
    canEdit: false,
    reveal: question.reveal,
    suggested,
    toggle: question.toggle,
    saidNone: question.saidNone,
    grade,
    // A mock has no undo, bury or suspend: those keys do nothing here.
    undo: nothing,
    bury: nothing,
    suspend: nothing,
    edit: nothing,
  });
}

export function MockInterview({
  userId,
  cards,
  backHref,
  scheduler,
  medianAnswerMs,
}: {
  userId: string;
  cards: MockCard[];
  backHref: Route;
  scheduler: SchedulerSettings;
  /** The learner's median answer time, for the suggested grade (as on the study screen). */
  medianAnswerMs: number | null;
}) {
  const [index, setIndex] = useState(0);
  const [graded, setGraded] = useState<Graded[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const outbox = useOutbox(userId, { onRestored: () => {}, onStale: (_card, message) => setNotice(message), onNotice: setNotice });
  const card = cards[index] ?? null;
  const cardRef = useRef<HTMLElement>(null);
  const question = useMockQuestion(card, cardRef);
  const { revealed, answering, next, shownAt } = question;
  const suggested = suggestionFor(card, revealed, answering, medianAnswerMs);
  const intervals = useIntervals(card, revealed, scheduler);

  const { add } = outbox;
  const grade = useCallback(
    (rating: RatingValue) => {
      if (!card || !revealed) return;
      const at = new Date();
      const durationMs = Math.min(at.getTime() - shownAt.current, MAX_ANSWER_MS);
      add(pendingRating(card, answering, { clientId: newClientId(), rating, at, durationMs, suggested }));
      setGraded((g) => [...g, { card, rating }]);
      setIndex((i) => i + 1);
      next(cards[index + 1]?.seconds ?? 0);
      cardRef.current?.focus({ preventScroll: true });
    },
    [card, cards, index, revealed, add, answering, suggested, next, shownAt],
  );
  useMockKeys(card !== null, question, suggested, grade);

  const status = (
    <MockStatus position={Math.min(index + 1, cards.length)} count={cards.length} left={card ? question.left : null} outbox={outbox} />
  );
  if (!card)
    return (
      <div className="space-y-4">
        {status}
        <MockSummary graded={graded} backHref={backHref} />
      </div>
    );

  return (
    <div className="space-y-4">
      {status}
      {notice && (
        <p role="status" className="card-surface px-4 py-2 text-sm">
          {notice}
        </p>
      )}
      {revealed && question.left <= 0 && <p className="text-sm text-danger">Time&apos;s up.</p>}
      <CardView
        ref={cardRef}
        card={asSessionCard(card)}
        revealed={revealed}
        ticked={answering.ticked}
        onToggle={question.toggle}
        saidNone={answering.saidNone}
        onSaidNone={question.saidNone}
        suggested={suggested}
        typed={null}
        onType={nothing}
        intervals={intervals}
        busy={false}
        onReveal={question.reveal}
        onGrade={grade}
        onSkip={nothing}
      />
    </div>
  );
}
