"use client";

import Link from "next/link";
import { useActionState } from "react";
import { startAndStudyAction, startStudyingAction, stopStudyingAction } from "@/app/study/actions";
import { paths } from "@/lib/routes";

/** Start/stop studying a deck, and the way into today's session for it. */
export function StudyToggle({ deckId, deckKey, studying }: { deckId: string; deckKey: string; studying: boolean }) {
  const [startState, start, starting] = useActionState(startStudyingAction, null);
  const [stopState, stop, stopping] = useActionState(stopStudyingAction, null);
  const error = (startState && !startState.ok && startState.error) || (stopState && !stopState.ok && stopState.error);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {studying ? (
        <>
          <Link href={paths.study({ deck: deckKey })} className="btn btn-primary">
            Study now
          </Link>
          <form action={stop}>
            <input type="hidden" name="deckId" value={deckId} />
            <button type="submit" className="btn" disabled={stopping} title="Your progress is kept if you come back">
              {stopping ? "Stopping…" : "Stop studying"}
            </button>
          </form>
        </>
      ) : (
        <form action={start}>
          <input type="hidden" name="deckId" value={deckId} />
          <button type="submit" className="btn btn-primary" disabled={starting}>
            {starting ? "Adding…" : "Start studying"}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** Starts studying a deck and opens its first card, in one click (the Today page's first-deck offer). */
export function StartAndStudyButton({ deckId, title }: { deckId: string; title: string }) {
  const [state, start, starting] = useActionState(startAndStudyAction, null);
  return (
    <form action={start} className="inline">
      <input type="hidden" name="deckId" value={deckId} />
      <button type="submit" className="btn btn-primary" disabled={starting}>
        {starting ? "Opening…" : `Start ${title}`}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-danger">
          {state.error}
        </span>
      )}
    </form>
  );
}
