"use client";

// The revealed card's checklist: the key points to tick (the learner's own when they wrote an answer),
// "None of them", what was typed beside them, and the grade suggested from the ticks.
import { RATING_LABELS, type RatingValue } from "@/lib/scheduling/fsrs";
import { SUGGESTION_RULE } from "@/lib/scheduling/grade-suggestion";

export interface ChecklistProps {
  card: { keyPoints: string[] };
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
}

type Props = ChecklistProps;

/** What the learner typed before revealing, shown beside the answer (never graded). */
export function TypedAnswer({ typed }: { typed: string }) {
  return (
    <div>
      <p className="mb-2 text-sm font-medium">What you typed</p>
      <p className="rounded-lg border border-line px-3 py-2 whitespace-pre-wrap" data-testid="typed-answer">
        {typed.trim() || <span className="text-muted">(nothing)</span>}
      </p>
    </div>
  );
}

/** The key points as a checklist: the learner ticks what they said, or presses None. */
function KeyPoints({
  points,
  ticked,
  onToggle,
  saidNone,
  onSaidNone,
}: Pick<Props, "ticked" | "onToggle" | "saidNone" | "onSaidNone"> & { points: string[] }) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">
        Key points: tick what you said <span className="key-hint font-normal text-muted">(Shift+1 to {points.length})</span>
      </legend>
      <ol className="space-y-1.5">
        {points.map((point, i) => (
          <li key={i}>
            <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-2 has-checked:border-success/60 has-checked:bg-success/10">
              <input
                type="checkbox"
                checked={ticked.has(i)}
                onChange={() => onToggle(i)}
                className="mt-1 size-4 shrink-0 accent-[var(--color-success)]"
              />
              <span>
                <span className="mr-1 text-xs text-muted tabular-nums">{i + 1}.</span> {point}
              </span>
            </label>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={`btn btn-ghost mt-2 min-h-11 ${saidNone ? "border-danger/60 text-danger" : ""}`}
        aria-pressed={saidNone}
        aria-keyshortcuts="Shift+0"
        onClick={onSaidNone}
      >
        None of them <span className="key-hint text-xs font-normal text-muted">(Shift+0)</span>
      </button>
    </fieldset>
  );
}

/** The suggestion (or what it waits for) and, always, the rule it follows in one line. */
function Suggestion({ suggested }: { suggested: RatingValue | null }) {
  return (
    <div className="space-y-1 text-sm">
      <p role="status" data-testid="suggested-grade">
        {suggested !== null ? (
          <>
            Suggested: <strong>{RATING_LABELS[suggested]}</strong>{" "}
            <span className="key-hint text-muted">(Enter accepts it; 1-4 choose another)</span>
          </>
        ) : (
          <span className="text-muted">Tick what you said, or press None, for a suggested grade; or pick a grade below.</span>
        )}
      </p>
      <p className="text-xs text-muted" data-testid="suggestion-rule">
        {SUGGESTION_RULE}
      </p>
    </div>
  );
}

/** The checklist (with what was typed beside it) and the suggested grade. */
export function Checklist({ card, ticked, onToggle, saidNone, onSaidNone, suggested, typed }: ChecklistProps) {
  return (
    <>
      <div className={typed !== null ? "grid gap-4 sm:grid-cols-2" : ""}>
        <KeyPoints points={card.keyPoints} ticked={ticked} onToggle={onToggle} saidNone={saidNone} onSaidNone={onSaidNone} />
        {typed !== null && <TypedAnswer typed={typed} />}
      </div>
      <Suggestion suggested={suggested} />
    </>
  );
}
