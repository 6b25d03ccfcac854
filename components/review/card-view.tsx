"use client";

// One card under review: its question, the answer once revealed, and the reveal or grade controls,
// each grade button showing the interval it would give.
import Link from "next/link";
import type { Ref } from "react";
import { RATING_LABELS, RATINGS, type RatingValue } from "@/lib/scheduling/fsrs";
import { kindOf } from "@/lib/scheduling/queue";
import type { SessionCard } from "./review-session";

const BUTTON_STYLES: Record<RatingValue, string> = {
  1: "border-danger/40 text-danger",
  2: "border-warn/40 text-warn",
  3: "border-success/40 text-success",
  4: "border-accent/40 text-accent",
};

interface Props {
  card: SessionCard;
  revealed: boolean;
  /** Each grade's interval label, once revealed. */
  intervals: Record<RatingValue, string> | null;
  busy: boolean;
  onReveal: () => void;
  onGrade: (rating: RatingValue) => void;
  /** The card takes focus when the session opens, so the keys work at once. */
  ref?: Ref<HTMLElement>;
}

export function CardView({ card, revealed, intervals, busy, onReveal, onGrade, ref }: Props) {
  return (
    <section aria-label="Card" className="card-surface outline-none" tabIndex={-1} ref={ref} data-testid="card">
      <div className="p-5 sm:p-8">
        <div className="mb-3 flex items-center justify-between text-xs font-medium tracking-wide text-muted uppercase">
          <span>{kindOf(card.memory)}</span>
          <span className="flex gap-3">
            {card.editHref && (
              <Link href={card.editHref} className="link normal-case" target="_blank">
                Edit
              </Link>
            )}
            <Link href={card.cardHref} className="link normal-case" target="_blank">
              Open card
            </Link>
          </span>
        </div>
        <div className="text-xl font-semibold text-balance sm:text-2xl" data-testid="card-front">
          {card.front}
        </div>
        {revealed && (
          <div className="mt-6 border-t border-line pt-6" data-testid="card-back">
            {card.back}
          </div>
        )}
      </div>
      <div className="sticky bottom-0 rounded-b-xl border-t border-line bg-surface/95 p-3 backdrop-blur sm:p-4">
        {revealed ? (
          <div className="grid grid-cols-4 gap-2" role="group" aria-label="How well did you know it?">
            {RATINGS.map((r) => (
              <button
                key={r}
                type="button"
                onClick={() => onGrade(r)}
                disabled={busy}
                className={`btn flex-col gap-0 px-1 py-2 ${BUTTON_STYLES[r]}`}
                aria-label={`${RATING_LABELS[r]}, next in ${intervals?.[r]} (key ${r})`}
              >
                <span className="text-xs tabular-nums opacity-80">{intervals?.[r]}</span>
                <span>{RATING_LABELS[r]}</span>
              </button>
            ))}
          </div>
        ) : (
          <button type="button" onClick={onReveal} className="btn btn-primary w-full">
            Show answer <kbd className="text-xs opacity-75">Space</kbd>
          </button>
        )}
      </div>
    </section>
  );
}
