"use client";

// What the review screen does besides render: grade the card on screen (into the outbox), undo,
// bury and suspend through the server actions, bring learning cards back when their step is due,
// and ask the server what comes after the session. Each dispatches its outcome to the reducer in
// session-state.ts, which holds every decision about the state.
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { buryCardAction, restoreCardAction, suspendCardAction, undoRatingAction } from "@/app/study/actions";
import type { AfterSession } from "@/lib/review/session";
import { MAX_ANSWER_MS } from "@/lib/review/rating/limits";
import type { RatingValue, SchedulerSettings } from "@/lib/scheduling/fsrs";
import type { Queue } from "@/lib/scheduling/queue";
import { newClientId, type PendingRating } from "./outbox";
import type { SessionCard } from "./review-session";
import {
  answeringOf,
  cardKeyOf,
  currentCard,
  isRevealed,
  pendingRating,
  type Done,
  type SessionAction,
  type SessionState,
  type SetAsideHow,
} from "./session-state";

export type SessionDispatch = (action: SessionAction<SessionCard>) => void;
type State = SessionState<SessionCard>;

/** Answer times above this are capped (the learner walked away); the server caps too. */

interface GradingContext {
  scheduler: SchedulerSettings;
  dayEnd: Date;
  addToOutbox: (item: PendingRating) => void;
  /** The grade the checklist suggests now (stored with the rating, for the calibration in stats). */
  suggested: RatingValue | null;
  /** The card's element: focus goes back to it, where Space and the grade keys work. */
  cardRef: RefObject<HTMLElement | null>;
}

/** Reveal, tick, type and grade the card on screen; a rating goes to the outbox. */
export function useGrading(
  state: State,
  dispatch: SessionDispatch,
  { scheduler, dayEnd, addToOutbox, cardRef, suggested }: GradingContext,
) {
  const current = currentCard(state);
  const currentKey = cardKeyOf(current);
  const revealed = isRevealed(state);
  const answering = answeringOf(state);
  const { busy } = state;
  const shownAt = useRef(0);
  // A card's answer time runs from when it is shown.
  useEffect(() => {
    shownAt.current = Date.now();
  }, [currentKey]);

  const reveal = useCallback(() => {
    dispatch({ type: "reveal", answerMs: Date.now() - shownAt.current });
    // From the text box (typing the answer), the keys go back to the card: Shift+n, Enter, 1-4.
    cardRef.current?.focus({ preventScroll: true });
  }, [dispatch, cardRef]);
  const toggle = useCallback((index: number) => dispatch({ type: "toggle", index }), [dispatch]);
  const saidNone = useCallback(() => {
    dispatch({ type: "saidNone" });
    // From the None button, the keys go back to the card: Enter takes the suggestion, not the button again.
    cardRef.current?.focus({ preventScroll: true });
  }, [dispatch, cardRef]);
  const type = useCallback((typed: string) => dispatch({ type: "type", typed }), [dispatch]);
  const grade = useCallback(
    (rating: RatingValue) => {
      if (!current || !revealed || busy) return;
      const at = new Date();
      const durationMs = Math.min(Date.now() - shownAt.current, MAX_ANSWER_MS);
      const clientId = newClientId();
      addToOutbox(pendingRating(current, answering, { clientId, rating, at, durationMs, suggested }));
      dispatch({ type: "rated", card: current, clientId, rating, durationMs, at, dayEnd, scheduler });
      // A clicked grade button goes away with the answer: focus stays on the card, where Space works.
      cardRef.current?.focus({ preventScroll: true });
    },
    [current, revealed, busy, scheduler, dayEnd, addToOutbox, answering, suggested, dispatch, cardRef],
  );
  return { reveal, toggle, saidNone, type, grade };
}

/** Undoes a bury or suspend: the server restores the card, and it comes back as the server has it. */
async function undoSetAside(last: Extract<Done<SessionCard>, { kind: "setAside" }>, dispatch: SessionDispatch) {
  const { cardId } = last.before;
  const result = await restoreCardAction(null, { cardId });
  if (!result?.ok) return dispatch({ type: "notice", message: result?.error ?? "Couldn't bring that card back." });
  dispatch({ type: "restoredCard", how: last.how, card: { cardId, memory: result.data.memory, version: result.data.version } });
}

interface OutboxUndo {
  settled: () => Promise<void>;
  takeBack: (clientId: string) => boolean;
}

/** Undoes a rating: out of the outbox if it hasn't been sent, else on the server. */
async function undoRating(last: Extract<Done<SessionCard>, { kind: "rating" }>, dispatch: SessionDispatch, outbox: OutboxUndo) {
  await outbox.settled();
  // Not sent yet: taking it out of the outbox is the whole undo.
  if (outbox.takeBack(last.clientId)) return dispatch({ type: "ratingUndone" });
  const result = await undoRatingAction(null, { clientId: last.clientId });
  if (!result?.ok) return dispatch({ type: "notice", message: result?.error ?? "Couldn't undo that rating." });
  const { cardId } = last.before;
  dispatch({ type: "ratingUndone", card: { cardId, memory: result.data.memory, version: result.data.version } });
}

/** Undo, bury and suspend: one server action at a time (busy while it runs). */
export function useServerCommands(state: State, dispatch: SessionDispatch, { settled, takeBack }: OutboxUndo) {
  const current = currentCard(state);
  const { busy, done } = state;
  const undo = useCallback(async () => {
    const last = done.at(-1);
    if (!last || busy) return;
    dispatch({ type: "busy", busy: true });
    try {
      if (last.kind === "setAside") await undoSetAside(last, dispatch);
      else await undoRating(last, dispatch, { settled, takeBack });
    } catch {
      dispatch({ type: "notice", message: "Couldn't reach the server to undo. Try again when you're back online." });
    } finally {
      dispatch({ type: "busy", busy: false });
    }
  }, [done, busy, dispatch, settled, takeBack]);

  const setAside = useCallback(
    async (how: SetAsideHow) => {
      if (!current || busy) return;
      dispatch({ type: "busy", busy: true });
      try {
        const { cardId } = current;
        const result = how === "bury" ? await buryCardAction(null, { cardId }) : await suspendCardAction(null, { cardId, suspended: true });
        if (!result?.ok) return dispatch({ type: "notice", message: result?.error ?? "That didn't work." });
        dispatch({ type: "setAside", how, card: current });
      } catch {
        dispatch({ type: "notice", message: "Couldn't reach the server. Try again when you're back online." });
      } finally {
        dispatch({ type: "busy", busy: false });
      }
    },
    [current, busy, dispatch],
  );
  return { undo, setAside };
}

/** Learning cards come back when their step is due. */
export function useLearningSteps(waiting: Queue<SessionCard>["waiting"], dispatch: SessionDispatch) {
  useEffect(() => {
    const next = waiting[0];
    if (!next) return;
    const wait = Math.max(0, next.memory.due.getTime() - Date.now());
    const timer = setTimeout(() => dispatch({ type: "stepsDue", at: new Date() }), Math.min(wait + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [waiting, dispatch]);
}

/** At the end, once every rating is saved, the server says what is left: its queue, not ours. */
export function useAfterSession(
  { finished, reviewed, deckId }: { finished: boolean; reviewed: number; deckId?: string },
  settled: () => Promise<void>,
  dispatch: SessionDispatch,
) {
  useEffect(() => {
    if (!finished) return;
    let cancelled = false;
    void (async () => {
      try {
        await settled();
        const response = await fetch(`/api/study/after${deckId ? `?deck=${encodeURIComponent(deckId)}` : ""}`, { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as AfterSession & { nextDue: string | null; nextDay: string };
        const data = { ...body, nextDue: body.nextDue ? new Date(body.nextDue) : null, nextDay: new Date(body.nextDay) };
        if (!cancelled) dispatch({ type: "after", reviewed, data });
      } catch {
        // Offline: the end screen keeps its summary; what comes next shows once the page is back.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [finished, reviewed, deckId, settled, dispatch]);
}
