"use client";

// One card under review: its question, the answer once revealed (the learner's own answer first when
// they wrote one; the lead, the key points as a checklist (checklist.tsx), then the details), and the
// reveal or grade controls, each grade button showing the interval it would give and the suggested one
// marked. An own-words card without an answer asks for one instead of revealing.
import Link from "next/link";
import { useMemo, useState, type MouseEvent, type ReactNode, type Ref } from "react";
import {
  formatInterval,
  preview,
  RATING_LABELS,
  RATINGS,
  type MemoryState,
  type RatingValue,
  type SchedulerSettings,
} from "@/lib/scheduling/fsrs";
import { kindOf } from "@/lib/scheduling/queue";
import { Checklist, TypedAnswer } from "./checklist";
import type { SessionCard } from "./review-session";

/**
 * "Open card" and "Edit" open in one named tab beside the session, reused each time: looking at ten
 * cards doesn't leave ten tabs behind.
 */
export const CARD_TAB = "drill-card";

const BUTTON_STYLES: Record<RatingValue, string> = {
  1: "border-danger/40 text-danger",
  2: "border-warn/40 text-warn",
  3: "border-success/40 text-success",
  4: "border-accent/40 text-accent",
};

/** Each grade's interval label for the card on screen, once its answer is shown. */
export function useIntervals(current: { memory: MemoryState } | null, revealed: boolean, scheduler: SchedulerSettings) {
  return useMemo(() => {
    if (!current || !revealed) return null;
    const at = new Date();
    const dues = preview(current.memory, at, scheduler);
    return Object.fromEntries(RATINGS.map((r) => [r, formatInterval(dues[r].getTime() - at.getTime())])) as Record<RatingValue, string>;
  }, [current, revealed, scheduler]);
}

interface Props {
  card: SessionCard;
  revealed: boolean;
  /** Which key points the learner ticked as said. */
  ticked: ReadonlySet<number>;
  onToggle: (index: number) => void;
  /** "None": the learner said no key point (a used checklist, which suggests Again). */
  saidNone: boolean;
  onSaidNone: () => void;
  /** The grade the checklist suggests (Enter accepts it); null until the checklist is used. */
  suggested: RatingValue | null;
  /** What the learner typed before revealing, when they answer by typing (null: they don't). */
  typed: string | null;
  onType: (text: string) => void;
  /** Each grade's interval label, once revealed. */
  intervals: Record<RatingValue, string> | null;
  busy: boolean;
  onReveal: () => void;
  onGrade: (rating: RatingValue) => void;
  /** "Skip for now" on an own-words card without an answer: it leaves today's reviews (a bury). */
  onSkip: () => void;
  /** Bury and suspend, where the screen puts them in the card (on a phone). */
  setAside?: ReactNode;
  /** The card takes focus when the session opens, so the keys work at once. */
  ref?: Ref<HTMLElement>;
}

/** A tap on the question reveals the answer (Space does it from the keyboard), unless it hit a control. */
function tapToReveal(revealed: boolean, onReveal: () => void) {
  return (event: MouseEvent) => {
    if (revealed || (event.target as Element).closest("a, button, input, textarea, label, summary")) return;
    onReveal();
  };
}

/** The card's kind and its links: bury/suspend on a phone, Edit when allowed, Open card. */
function CardHeader({ card, setAside }: { card: SessionCard; setAside?: ReactNode }) {
  return (
    <div className="mb-3 flex items-center justify-between text-xs font-medium tracking-wide text-muted uppercase">
      <span>{kindOf(card.memory)}</span>
      <span className="flex gap-3">
        {setAside}
        {card.editHref && (
          <Link href={card.editHref} className="link normal-case" target={CARD_TAB}>
            Edit
          </Link>
        )}
        <Link href={card.cardHref} className="link normal-case" target={CARD_TAB}>
          Open card
        </Link>
      </span>
    </div>
  );
}

/** The box to type the answer in before revealing it; Ctrl+Enter reveals. */
function AnswerBox({ typed, onType, onReveal }: { typed: string; onType: (text: string) => void; onReveal: () => void }) {
  return (
    <div className="mt-6 space-y-1.5">
      <label htmlFor="typed-answer" className="block text-sm font-medium">
        Your answer <span className="font-normal text-muted">(Ctrl+Enter shows the answer)</span>
      </label>
      <textarea
        id="typed-answer"
        className="input min-h-28"
        value={typed}
        onChange={(e) => onType(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onReveal();
          }
        }}
      />
    </div>
  );
}

function CardTags({ tags }: { tags: string[] }) {
  return (
    <p className="flex flex-wrap gap-1.5 text-xs text-muted" data-testid="card-tags">
      <span className="sr-only">Tags:</span>
      {tags.map((tag) => (
        <span key={tag} className="rounded-full border border-line px-2 py-0.5">
          {tag}
        </span>
      ))}
    </p>
  );
}

type AnswerProps = Pick<Props, "card" | "ticked" | "onToggle" | "saidNone" | "onSaidNone" | "suggested" | "typed">;

/** The deck's answer: the lead, its key points, then the details (an own-words card's guidance). */
function DeckAnswer({ card, points }: { card: SessionCard; points: ReactNode }) {
  const hasPoints = card.deckPoints.length > 0;
  return (
    <>
      {hasPoints && (
        <div className="border-l-4 border-accent pl-4 text-lg" data-testid="card-lead">
          {card.lead}
        </div>
      )}
      {points}
      {card.back && (
        <div>
          {hasPoints && <h2 className="mb-2 text-sm font-medium tracking-wide text-muted uppercase">More</h2>}
          {card.back}
        </div>
      )}
    </>
  );
}

/** The deck's key points as a plain list (not ticked: the learner ticks their own). */
function DeckPoints({ points }: { points: string[] }) {
  if (points.length === 0) return null;
  return (
    <ol className="list-decimal space-y-1 pl-5" data-testid="deck-key-points">
      {points.map((point) => (
        <li key={point}>{point}</li>
      ))}
    </ol>
  );
}

/** The learner's own answer first, their points to tick, and the deck's answer one click away. */
function OwnAnswerFirst(props: AnswerProps) {
  const { card } = props;
  const [deckShown, setDeckShown] = useState(false);
  return (
    <>
      <div data-testid="own-answer">
        <h2 className="mb-2 flex items-baseline justify-between gap-2 text-sm font-medium tracking-wide text-muted uppercase">
          Your answer
          <Link href={card.answerHref} className="link normal-case">
            Edit your answer
          </Link>
        </h2>
        {card.own}
      </div>
      <Checklist {...props} />
      {deckShown ? (
        <div className="space-y-4 border-t border-line pt-4" data-testid="deck-answer">
          <h2 className="text-sm font-medium tracking-wide text-muted uppercase">The deck&apos;s answer</h2>
          <DeckAnswer card={card} points={<DeckPoints points={card.deckPoints} />} />
        </div>
      ) : (
        <button type="button" className="btn btn-ghost" onClick={() => setDeckShown(true)}>
          Show the deck&apos;s answer
        </button>
      )}
    </>
  );
}

/** The answer, once revealed: tags, then the learner's own answer first if they wrote one, else the deck's with its checklist. */
function CardAnswer(props: AnswerProps) {
  const { card, typed } = props;
  const hasPoints = card.keyPoints.length > 0;
  return (
    <div className="mt-6 space-y-5 border-t border-line pt-6" data-testid="card-back">
      {card.tags.length > 0 && <CardTags tags={card.tags} />}
      {card.own !== null ? (
        <OwnAnswerFirst key={`${card.cardId}:${card.version}`} {...props} />
      ) : (
        <>
          {typed !== null && !hasPoints && <TypedAnswer typed={typed} />}
          <DeckAnswer card={card} points={hasPoints && <Checklist {...props} />} />
        </>
      )}
    </div>
  );
}

/** An own-words card the learner has no answer to yet: the deck's guidance, and why it asks first. */
function WriteFirst({ card }: { card: SessionCard }) {
  return (
    <div className="mt-6 space-y-4 border-t border-line pt-6" data-testid="write-first">
      <p className="font-medium">This question is answered in your own words. Write your answer before it joins your reviews.</p>
      <h2 className="text-sm font-medium tracking-wide text-muted uppercase">Guidance from the deck</h2>
      <DeckAnswer card={card} points={<DeckPoints points={card.deckPoints} />} />
    </div>
  );
}

/** The four grade buttons, each with the interval it would give; the suggested one ringed. */
function GradeButtons({ suggested, intervals, busy, onGrade }: Pick<Props, "suggested" | "intervals" | "busy" | "onGrade">) {
  return (
    <div className="grid grid-cols-4 gap-2" role="group" aria-label="How well did you know it?">
      {RATINGS.map((r) => (
        <button
          key={r}
          type="button"
          onClick={() => onGrade(r)}
          disabled={busy}
          className={`btn flex-col gap-0 px-1 py-2 ${BUTTON_STYLES[r]} ${suggested === r ? "ring-2 ring-current" : ""}`}
          aria-keyshortcuts={String(r)}
          // The name starts with what the button shows ("Good 10m"), then the key.
          aria-label={`${RATING_LABELS[r]} ${intervals?.[r] ?? ""} (key ${r}${suggested === r ? ", suggested" : ""})`}
        >
          <span>{RATING_LABELS[r]}</span> <span className="text-xs tabular-nums">{intervals?.[r]}</span>
        </button>
      ))}
    </div>
  );
}

export function CardView({
  card,
  revealed,
  ticked,
  onToggle,
  saidNone,
  onSaidNone,
  suggested,
  typed,
  onType,
  intervals,
  busy,
  onReveal,
  onGrade,
  onSkip,
  setAside,
  ref,
}: Props) {
  const asks = card.writeFirst && !revealed;
  return (
    <section aria-label="Card" className="card-surface outline-none" tabIndex={-1} ref={ref} data-testid="card" data-card-id={card.cardId}>
      {/* The keyboard reveals with Space; this is the phone's tap. */}
      <div
        className={`p-5 sm:p-8 ${revealed || asks ? "" : "cursor-pointer"}`}
        onClick={asks ? undefined : tapToReveal(revealed, onReveal)}
      >
        <CardHeader card={card} setAside={setAside} />
        <div className="text-xl font-semibold text-balance sm:text-2xl" data-testid="card-front">
          {card.front}
        </div>
        {asks && <WriteFirst card={card} />}
        {typed !== null && !revealed && !asks && <AnswerBox typed={typed} onType={onType} onReveal={onReveal} />}
        {revealed && (
          <CardAnswer
            card={card}
            ticked={ticked}
            onToggle={onToggle}
            saidNone={saidNone}
            onSaidNone={onSaidNone}
            suggested={suggested}
            typed={typed}
          />
        )}
      </div>
      {/* The thumb zone: on a phone, reveal and grade stay fixed at the bottom of the screen, whatever the answer's length. */}
      <div className="sticky bottom-0 rounded-b-xl border-t border-line bg-surface/95 p-3 backdrop-blur max-sm:fixed max-sm:inset-x-0 max-sm:z-30 max-sm:rounded-none max-sm:pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:p-4">
        {revealed ? (
          <GradeButtons suggested={suggested} intervals={intervals} busy={busy} onGrade={onGrade} />
        ) : asks ? (
          <div className="grid grid-cols-2 gap-2">
            <Link href={card.answerHref} className="btn btn-primary">
              Write your answer
            </Link>
            <button type="button" className="btn" onClick={onSkip} disabled={busy}>
              Skip for now
            </button>
          </div>
        ) : (
          <button type="button" onClick={onReveal} className="btn btn-primary w-full">
            Show answer <kbd className="key-hint text-xs">Space</kbd>
          </button>
        )}
      </div>
    </section>
  );
}
