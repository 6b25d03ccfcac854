"use client";

// A learner's controls for sharing their own answers with the deck's mentor: one answer (a toggle) or
// all their answers on a deck.
import { setAnswerSharedAction, shareAllAnswersAction } from "@/app/decks/[deckKey]/answers/actions";
import { ActionForm } from "../action-form";

/** Shares the learner's answer to one card, or stops sharing it (hidden from the mentor at once). */
export function ShareAnswerToggle({ cardId, deckKey, shared }: { cardId: string; deckKey: string; shared: boolean }) {
  return (
    <ActionForm
      action={setAnswerSharedAction}
      hidden={{ cardId, deckKey, shared: String(!shared) }}
      className="flex flex-wrap items-center gap-3"
    >
      {({ pending }) => (
        <>
          <button type="submit" className="btn" disabled={pending} aria-pressed={shared}>
            {shared ? "Stop sharing" : "Share with my mentor"}
          </button>
          <span className="text-sm text-muted" data-testid="share-status">
            {shared ? "Your mentor can read this answer." : "Only you can read this answer."}
          </span>
        </>
      )}
    </ActionForm>
  );
}

/** Shares every answer the learner wrote on a deck (the deck page, for a mentee). */
export function ShareAllAnswersButton({ deckId, deckKey }: { deckId: string; deckKey: string }) {
  return (
    <ActionForm action={shareAllAnswersAction} hidden={{ deckId, deckKey }} success={(message) => message}>
      {({ pending }) => (
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Sharing…" : "Share all my answers on this deck"}
        </button>
      )}
    </ActionForm>
  );
}
