"use client";

// The review screen's chrome around the card: the cards left, the notice (with Undo after a bury or
// suspend), the key hints and the Undo/Bury/Suspend buttons.
import type { QueueCounts } from "@/lib/scheduling/queue";
import type { SetAsideHow } from "./session-state";

export function CardsLeft({ counts }: { counts: QueueCounts }) {
  return (
    <p className="flex gap-4 text-sm font-medium tabular-nums" aria-label="Cards left">
      <span className="text-accent" title="New">
        <span className="sr-only">New: </span>
        {counts.new} new
      </span>
      <span className="text-danger" title="Learning">
        <span className="sr-only">Learning: </span>
        {counts.learning} learning
      </span>
      <span className="text-success" title="Review">
        <span className="sr-only">Review: </span>
        {counts.review} review
      </span>
    </p>
  );
}

/** The last outcome in words; after a bury or suspend it offers Undo right there. */
export function SessionNotice({
  notice,
  offerUndo,
  onUndo,
  busy,
}: {
  notice: string;
  offerUndo: boolean;
  onUndo: () => void;
  busy: boolean;
}) {
  return (
    <p role="status" className="card-surface flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm" data-testid="notice">
      <span>{notice}</span>
      {offerUndo && (
        <button type="button" className="btn btn-ghost min-h-8 px-3 py-1" onClick={onUndo} disabled={busy}>
          Undo
        </button>
      )}
    </p>
  );
}

/** A touch target of at least 44×44 px (WCAG 2.5.5), drawn as a link so the card's header stays light. */
const PHONE_BUTTON = "link -my-3 inline-flex min-h-11 min-w-11 items-center justify-center px-2 normal-case";

/** On a phone, bury and suspend sit at the top of the card, away from the thumb's grade row. */
export function PhoneSetAside({ onSetAside, busy }: { onSetAside: (how: SetAsideHow) => void; busy: boolean }) {
  return (
    <span className="flex gap-1 sm:hidden">
      <button type="button" className={PHONE_BUTTON} onClick={() => onSetAside("bury")} disabled={busy}>
        Bury
      </button>
      <button type="button" className={PHONE_BUTTON} onClick={() => onSetAside("suspend")} disabled={busy}>
        Suspend
      </button>
    </span>
  );
}

function KeyHints({ canEdit }: { canEdit: boolean }) {
  return (
    <p className="key-hint hidden sm:block" data-testid="key-hints">
      <kbd>Space</kbd> show · <kbd>Shift</kbd>+<kbd>1</kbd>… tick · <kbd>Shift</kbd>+<kbd>0</kbd> none · <kbd>Enter</kbd> suggested ·{" "}
      <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>Z</kbd> undo · <kbd>B</kbd> bury · <kbd>S</kbd> suspend
      {canEdit && (
        <>
          {" "}
          · <kbd>E</kbd> edit
        </>
      )}
    </p>
  );
}

interface FooterProps {
  /** Set while a card is on screen: bury, suspend and edit apply to it. */
  hasCard: boolean;
  canEdit: boolean;
  canUndo: boolean;
  busy: boolean;
  onUndo: () => void;
  onSetAside: (how: SetAsideHow) => void;
}

export function SessionFooter({ hasCard, canEdit, canUndo, busy, onUndo, onSetAside }: FooterProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted">
      <KeyHints canEdit={canEdit} />
      <div className="flex gap-2">
        <button type="button" className="btn btn-ghost" onClick={onUndo} disabled={!canUndo || busy}>
          Undo
        </button>
        {hasCard && (
          <>
            <button type="button" className="btn btn-ghost max-sm:hidden" onClick={() => onSetAside("bury")} disabled={busy}>
              Bury
            </button>
            <button type="button" className="btn btn-ghost max-sm:hidden" onClick={() => onSetAside("suspend")} disabled={busy}>
              Suspend
            </button>
          </>
        )}
      </div>
    </div>
  );
}
