"use client";

// A mock interview: questions one at a time, each with a visible countdown to answer aloud, then the
// answer and a grade. Each grade is a real rating, saved through the same outbox as the review screen
// (so it survives a dropped connection); the end lists the misses by tag.
import type { Route } from "next";
import Link from "next/link";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { MAX_ANSWER_MS } from "@/lib/review/rating/limits";
import { Rating, RATING_LABELS, RATINGS, type MemoryState, type RatingValue } from "@/lib/scheduling/fsrs";
import { newClientId } from "../review/outbox";
import { SaveIndicator } from "../review/save-indicator";
import { useOutbox } from "../review/use-outbox";

export interface MockCard {
  cardId: string;
  version: number;
  memory: MemoryState;
  /** The question rendered (Markdown), and as one line for the summary. */
  front: ReactNode;
  frontLine: ReactNode;
  lead: ReactNode;
  keyPoints: string[];
  back: ReactNode;
  tags: string[];
  href: Route;
}

interface Graded {
  card: MockCard;
  rating: RatingValue;
}

/** Space/Enter reveal; 1-4 grade once revealed (not while typing or on a control). */
function useMockKeys(canReveal: boolean, revealed: boolean, reveal: () => void, grade: (rating: RatingValue) => void) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || (event.target as HTMLElement | null)?.closest("input, textarea, button, a"))
        return;
      if ((event.key === " " || event.key === "Enter") && canReveal) {
        event.preventDefault();
        reveal();
      } else if (revealed && ["1", "2", "3", "4"].includes(event.key)) {
        event.preventDefault();
        grade(Number(event.key) as RatingValue);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canReveal, revealed, reveal, grade]);
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

/** The question with its countdown, and the answer once revealed (or once time is up). */
function MockQuestion({ card, left, revealed }: { card: MockCard; left: number; revealed: boolean }) {
  return (
    <section aria-label="Question" className="card-surface p-6 sm:p-8" data-testid="mock-card">
      <div className="mb-4 flex items-center justify-between text-sm">
        <span className="text-muted">Answer aloud, then reveal</span>
        <span
          role="timer"
          aria-label={`${left} seconds left`}
          className={`font-semibold tabular-nums ${left <= 10 ? "text-danger" : "text-accent"}`}
          data-testid="countdown"
        >
          {Math.floor(left / 60)}:{String(left % 60).padStart(2, "0")}
        </span>
      </div>
      <div className="text-xl font-semibold text-balance sm:text-2xl">{card.front}</div>
      {revealed && (
        <div className="mt-6 space-y-4 border-t border-line pt-6">
          {left <= 0 && <p className="text-sm text-danger">Time&apos;s up.</p>}
          {card.lead && <div className="border-l-4 border-accent pl-4 text-lg">{card.lead}</div>}
          {card.keyPoints.length > 0 && (
            <ol className="list-decimal space-y-1 pl-5">
              {card.keyPoints.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ol>
          )}
          {card.back}
        </div>
      )}
    </section>
  );
}

function MockGrades({ onGrade }: { onGrade: (rating: RatingValue) => void }) {
  return (
    <div className="grid grid-cols-4 gap-2" role="group" aria-label="How well did you answer?">
      {RATINGS.map((r) => (
        <button key={r} type="button" className="btn" onClick={() => onGrade(r)}>
          {RATING_LABELS[r]}
        </button>
      ))}
    </div>
  );
}

function MockStatus({ position, count, outbox }: { position: number; count: number; outbox: ReturnType<typeof useOutbox> }) {
  return (
    <div className="flex items-center justify-between gap-3 text-sm">
      <span className="text-muted tabular-nums">
        Question {position} of {count}
      </span>
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

export function MockInterview({
  userId,
  cards,
  seconds,
  backHref,
}: {
  userId: string;
  cards: MockCard[];
  seconds: number;
  backHref: Route;
}) {
  const [index, setIndex] = useState(0);
  const [left, setLeft] = useState(seconds);
  const [revealedEarly, setRevealed] = useState(false);
  const [graded, setGraded] = useState<Graded[]>([]);
  const [shownAt, setShownAt] = useState(() => Date.now());
  const [notice, setNotice] = useState<string | null>(null);
  const outbox = useOutbox(userId, { onRestored: () => {}, onStale: (_card, message) => setNotice(message), onNotice: setNotice });
  const card = cards[index] ?? null;
  // The answer shows when the learner reveals it, or when time is up.
  const revealed = revealedEarly || left <= 0;

  // The countdown: one tick a second while answering.
  useEffect(() => {
    if (!card || revealed) return;
    const timer = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(timer);
  }, [card, revealed, left]);

  const { add } = outbox;
  const grade = useCallback(
    (rating: RatingValue) => {
      if (!card || !revealed) return;
      const at = new Date();
      add({
        clientId: newClientId(),
        cardId: card.cardId,
        rating,
        expectedVersion: card.version,
        durationMs: Math.min(at.getTime() - shownAt, MAX_ANSWER_MS),
        reviewedAt: at.toISOString(),
      });
      setGraded((g) => [...g, { card, rating }]);
      setIndex((i) => i + 1);
      setLeft(seconds);
      setRevealed(false);
      setShownAt(Date.now());
    },
    [card, revealed, add, shownAt, seconds],
  );
  const reveal = useCallback(() => setRevealed(true), []);
  useMockKeys(!revealed && card !== null, revealed, reveal, grade);

  const status = <MockStatus position={Math.min(index + 1, cards.length)} count={cards.length} outbox={outbox} />;
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
      <MockQuestion card={card} left={left} revealed={revealed} />
      {revealed ? (
        <MockGrades onGrade={grade} />
      ) : (
        <button type="button" className="btn btn-primary w-full" onClick={reveal}>
          Reveal the answer <kbd className="text-xs">Space</kbd>
        </button>
      )}
    </div>
  );
}
