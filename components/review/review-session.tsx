"use client";

// The review screen. The whole session is in the browser (cards rendered on the server), so the next
// card shows at once; ratings are scheduled here with the same pure FSRS module the server uses and
// saved in the background through the outbox (use-outbox.ts), which survives reloads and dropped
// connections. The state and its transitions are a pure reducer (session-state.ts); the effects that
// feed it, the card, the chrome, the end of the session and the keyboard live in their own files.
import type { Route } from "next";
import { useEffect, useReducer, useRef, type ReactNode, type RefObject } from "react";
import type { MemoryState, RatingValue, SchedulerSettings } from "@/lib/scheduling/fsrs";
import { countQueue, type Queue } from "@/lib/scheduling/queue";
import { CARD_TAB, CardView, useIntervals } from "./card-view";
import { SaveIndicator } from "./save-indicator";
import { CardsLeft, PhoneSetAside, SessionFooter, SessionNotice } from "./session-controls";
import { SessionEnd, WaitingForStep, type CustomSession } from "./session-end";
import {
  afterOf,
  answeringOf,
  currentCard,
  initialSessionState,
  isFinished,
  isRevealed,
  lastWasSetAside,
  sessionReducer,
  suggestionFor,
  summaryOf,
  type SessionState,
} from "./session-state";
import { useOutbox } from "./use-outbox";
import { useReviewKeys } from "./use-review-keys";
import { useAfterSession, useGrading, useLearningSteps, useServerCommands, type SessionDispatch } from "./use-session-commands";

export interface SessionCard {
  cardId: string;
  deckId: string;
  version: number;
  memory: MemoryState;
  front: ReactNode;
  /** What to say first, rendered (null for a card without key points). */
  lead: ReactNode;
  /** What the learner ticks: the learner's own points when they wrote an answer, else the deck's. */
  keyPoints: string[];
  /** The deck's key points (shown under "the deck's answer" when the learner's own answer comes first). */
  deckPoints: string[];
  /** The details ("more"), rendered; null when there are none. On an own-words card: guidance. */
  back: ReactNode;
  /** The learner's own answer, rendered: shown first once revealed (null: they wrote none). */
  own: ReactNode;
  /** An own-words card the learner has no answer to yet: write one first, or skip it for today. */
  writeFirst: boolean;
  /** Where the learner writes (or edits) their own answer, coming back to this session. */
  answerHref: Route;
  cardHref: Route;
  /** Set when the learner may edit the card's deck. */
  editHref: Route | null;
  /** The card's tags, shown small once the answer is revealed. */
  tags: string[];
}

interface Props {
  userId: string;
  initial: Queue<SessionCard>;
  dayEnd: Date;
  scheduler: SchedulerSettings;
  /** The learner's median answer time: well under it, with every point said, suggests Easy. */
  medianAnswerMs: number | null;
  /** Type the answer before revealing it. */
  typeAnswer: boolean;
  /** The deck this session is limited to, if any. */
  deckId?: string;
  /** A custom session (review ahead, drill a tag) rather than today's queue. */
  custom?: CustomSession;
}

type State = SessionState<SessionCard>;

interface StageProps {
  state: State;
  dispatch: SessionDispatch;
  grading: ReturnType<typeof useGrading>;
  onSetAside: (how: "bury" | "suspend") => void;
  cardRef: RefObject<HTMLElement | null>;
  suggested: RatingValue | null;
  scheduler: SchedulerSettings;
  typeAnswer: boolean;
  custom: CustomSession;
  deckId?: string;
}

/** The middle of the screen: the card on screen, a learning card waiting for its step, or the end. */
function SessionStage({ state, dispatch, grading, onSetAside, cardRef, suggested, scheduler, typeAnswer, custom, deckId }: StageProps) {
  const current = currentCard(state);
  const revealed = isRevealed(state);
  const answering = answeringOf(state);
  const intervals = useIntervals(current, revealed, scheduler);
  const waiting = state.queue.waiting[0];
  if (current)
    return (
      <CardView
        ref={cardRef}
        card={current}
        revealed={revealed}
        ticked={answering.ticked}
        onToggle={grading.toggle}
        onSaidNone={grading.saidNone}
        saidNone={answering.saidNone}
        suggested={suggested}
        typed={typeAnswer ? answering.typed : null}
        onType={grading.type}
        intervals={intervals}
        busy={state.busy}
        onReveal={grading.reveal}
        onGrade={grading.grade}
        onSkip={() => onSetAside("bury")}
        setAside={<PhoneSetAside onSetAside={onSetAside} busy={state.busy} />}
      />
    );
  if (waiting)
    return (
      <WaitingForStep
        due={waiting.memory.due}
        count={state.queue.waiting.length}
        now={state.now}
        onStudyNow={() => dispatch({ type: "studyNow" })}
      />
    );
  return <SessionEnd summary={summaryOf(state.done)} after={afterOf(state)} custom={custom} deckId={deckId} now={state.now} />;
}

export function ReviewSession({ userId, initial, dayEnd, scheduler, medianAnswerMs, typeAnswer, deckId, custom = null }: Props) {
  const [state, dispatch] = useReducer(sessionReducer<SessionCard>, initial, (queue) => initialSessionState(queue, new Date()));
  const cardRef = useRef<HTMLElement>(null);
  const outbox = useOutbox(userId, {
    onRestored: (pending) => dispatch({ type: "restored", pending, dayEnd, scheduler }),
    onStale: (card, message) => dispatch({ type: "stale", card, message }),
    onNotice: (message) => dispatch({ type: "notice", message }),
  });
  const current = currentCard(state);
  const revealed = isRevealed(state);
  const suggested = suggestionFor(current, revealed, answeringOf(state), medianAnswerMs);
  const grading = useGrading(state, dispatch, { scheduler, dayEnd, addToOutbox: outbox.add, cardRef, suggested });
  const { undo, setAside } = useServerCommands(state, dispatch, outbox);
  useLearningSteps(state.queue.waiting, dispatch);
  useAfterSession({ finished: isFinished(state), reviewed: summaryOf(state.done).reviewed, deckId }, outbox.settled, dispatch);
  // Focus moves to the card when the session opens (arriving from the header's Study link, focus
  // would stay on that link).
  useEffect(() => {
    cardRef.current?.focus({ preventScroll: true });
  }, []);

  useReviewKeys({
    hasCard: current !== null,
    revealed,
    canEdit: Boolean(current?.editHref),
    ...grading,
    // An own-words card without an answer asks for one first: no key reveals it.
    reveal: () => {
      if (!current?.writeFirst) grading.reveal();
    },
    suggested,
    undo: () => void undo(),
    bury: () => void setAside("bury"),
    suspend: () => void setAside("suspend"),
    edit: () => current?.editHref && window.open(current.editHref, CARD_TAB, "noopener"),
  });
  const onSetAside = (how: "bury" | "suspend") => void setAside(how);

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CardsLeft counts={countQueue(state.queue)} />
        <SaveIndicator
          status={outbox.status}
          waiting={outbox.waiting}
          onRetry={outbox.retryNow}
          held={outbox.held}
          onRetryHeld={outbox.retryHeld}
          onDiscardHeld={outbox.discardHeld}
        />
      </div>
      {state.notice && (
        <SessionNotice notice={state.notice} offerUndo={lastWasSetAside(state)} onUndo={() => void undo()} busy={state.busy} />
      )}
      <SessionStage {...{ state, dispatch, grading, onSetAside, cardRef, suggested, scheduler, typeAnswer, custom, deckId }} />
      <SessionFooter
        hasCard={current !== null}
        canEdit={Boolean(current?.editHref)}
        canUndo={state.done.length > 0}
        busy={state.busy}
        onUndo={() => void undo()}
        onSetAside={onSetAside}
      />
    </div>
  );
}
