"use client";

// The review screen. The whole session is in the browser (cards rendered on the server), so the next
// card shows at once; ratings are scheduled here with the same pure FSRS module the server uses and
// saved in the background through the outbox (use-outbox.ts), which survives reloads and dropped
// connections. The card, the end of the session and the keyboard live in their own files.
import type { Route } from "next";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { buryCardAction, restoreCardAction, suspendCardAction, undoRatingAction } from "@/app/study/actions";
import { MAX_ANSWER_MS } from "@/lib/review/rating/limits";
import type { AfterSession } from "@/lib/review/session";
import {
  formatInterval,
  preview,
  rate,
  Rating,
  RATINGS,
  type MemoryState,
  type RatingValue,
  type SchedulerSettings,
} from "@/lib/scheduling/fsrs";
import { suggestGrade } from "@/lib/scheduling/grade-suggestion";
import { afterRating, afterUndo, countQueue, promoteDue, type Queue } from "@/lib/scheduling/queue";
import { CARD_TAB, CardView } from "./card-view";
import { newClientId, type PendingRating } from "./outbox";
import { SaveIndicator } from "./save-indicator";
import { SessionEnd, WaitingForStep, type CustomSession } from "./session-end";
import { useOutbox, type FreshCard } from "./use-outbox";
import { useReviewKeys } from "./use-review-keys";

export interface SessionCard {
  cardId: string;
  deckId: string;
  version: number;
  memory: MemoryState;
  front: ReactNode;
  /** What to say first, rendered (null for a card without key points). */
  lead: ReactNode;
  /** What an interviewer listens for: the checklist shown with the answer. */
  keyPoints: string[];
  /** The details ("more"), rendered; null when there are none. */
  back: ReactNode;
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
  /** The learner's median answer time: faster than this with every point said suggests Easy. */
  medianAnswerMs: number | null;
  /** Type the answer before revealing it. */
  typeAnswer: boolean;
  /** The deck this session is limited to, if any. */
  deckId?: string;
  /** A custom session (review ahead, drill a tag) rather than today's queue. */
  custom?: CustomSession;
}

/** What Z takes back, newest last: ratings, and cards buried or suspended from this screen. */
type Done =
  | { kind: "rating"; clientId: string; before: SessionCard; rating: RatingValue; durationMs: number }
  | { kind: "setAside"; how: "bury" | "suspend"; before: SessionCard };

/** Applies ratings still waiting in the outbox (from before a reload) to the server's queue. */
function withPending(queue: Queue<SessionCard>, pending: PendingRating[], dayEnd: Date, scheduler: SchedulerSettings) {
  let next = queue;
  for (const p of pending) {
    const card = [...next.ready, ...next.waiting].find((c) => c.cardId === p.cardId);
    if (!card || card.version !== p.expectedVersion) continue;
    const memory = rate(card.memory, p.rating, new Date(p.reviewedAt), scheduler);
    next = afterRating(next, { ...card, memory, version: card.version + 1 }, { end: dayEnd });
  }
  return next;
}

/** The queue with a card replaced by the server's fresh copy, wherever it is. */
function withFresh(queue: Queue<SessionCard>, fresh: FreshCard): Queue<SessionCard> {
  const swap = (c: SessionCard) => (c.cardId === fresh.cardId ? { ...c, memory: fresh.memory, version: fresh.version } : c);
  return { ready: queue.ready.map(swap), waiting: queue.waiting.map(swap) };
}

/** The checklist of the card on screen: which points are ticked and how long the answer took. */
interface Answering {
  cardKey: string;
  ticked: ReadonlySet<number>;
  typed: string;
  /** From showing the card to revealing the answer (set at the reveal). */
  answerMs: number;
}

export function ReviewSession({ userId, initial, dayEnd, scheduler, medianAnswerMs, typeAnswer, deckId, custom = null }: Props) {
  const [queue, setQueue] = useState(initial);
  // Which card (id and version) has its answer shown: a new card starts hidden without an effect.
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [done, setDone] = useState<Done[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What comes after the session, asked of the server once its ratings are saved.
  // Kept with the number of ratings it followed: after an undo brings cards back, it is stale.
  const [after, setAfter] = useState<{ reviewed: number; data: AfterSession } | null>(null);
  const shownAt = useRef(0);
  const cardRef = useRef<HTMLElement>(null);

  const outbox = useOutbox(userId, {
    onRestored: (pending) => setQueue((q) => withPending(q, pending, dayEnd, scheduler)),
    onStale: (card, message) => {
      setNotice(message);
      setQueue((q) => withFresh(q, card));
    },
    onNotice: setNotice,
  });

  const current = queue.ready[0] ?? null;
  const currentKey = current ? `${current.cardId}:${current.version}` : null;
  const revealed = currentKey !== null && revealedKey === currentKey;
  // Ticks and typing belong to one card: another card (or another version of it) starts afresh.
  const [answeringState, setAnswering] = useState<Answering | null>(null);
  const answering: Answering =
    answeringState && answeringState.cardKey === currentKey
      ? answeringState
      : { cardKey: currentKey ?? "", ticked: new Set(), typed: "", answerMs: 0 };
  /** Changes the card on screen's answering state (a stale one, from another card, starts afresh). */
  const updateAnswering = useCallback(
    (change: (a: Answering) => Partial<Answering>) =>
      setAnswering((a) => {
        const base = a && a.cardKey === currentKey ? a : { cardKey: currentKey ?? "", ticked: new Set<number>(), typed: "", answerMs: 0 };
        return { ...base, ...change(base) };
      }),
    [currentKey],
  );
  const reveal = useCallback(() => {
    updateAnswering(() => ({ answerMs: Date.now() - shownAt.current }));
    setRevealedKey(currentKey);
    // From the text box (typing the answer), the keys go back to the card: Shift+n, Enter, 1-4.
    cardRef.current?.focus({ preventScroll: true });
  }, [currentKey, updateAnswering]);
  const toggle = useCallback(
    (index: number) => {
      if (!current || index >= current.keyPoints.length) return;
      updateAnswering((a) => {
        const ticked = new Set(a.ticked);
        if (!ticked.delete(index)) ticked.add(index);
        return { ticked };
      });
    },
    [current, updateAnswering],
  );
  const type = useCallback((typed: string) => updateAnswering(() => ({ typed })), [updateAnswering]);
  const suggested =
    current && revealed
      ? suggestGrade({ total: current.keyPoints.length, ticked: answering.ticked.size, answerMs: answering.answerMs, medianAnswerMs })
      : null;
  const counts = countQueue(queue);

  // Focus moves to the card when the session opens (arriving from the header's Study link, focus
  // would stay on that link).
  useEffect(() => {
    cardRef.current?.focus({ preventScroll: true });
  }, []);

  // A card's answer time runs from when it is shown.
  useEffect(() => {
    shownAt.current = Date.now();
  }, [currentKey]);

  // Learning cards come back when their step is due.
  useEffect(() => {
    const next = queue.waiting[0];
    if (!next) return;
    const wait = Math.max(0, next.memory.due.getTime() - Date.now());
    const timer = setTimeout(
      () => {
        const at = new Date();
        setNow(at);
        setQueue((q) => promoteDue(q, at));
      },
      Math.min(wait + 50, 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [queue.waiting]);

  const intervals = useMemo(() => {
    if (!current || !revealed) return null;
    const at = new Date();
    const dues = preview(current.memory, at, scheduler);
    return Object.fromEntries(RATINGS.map((r) => [r, formatInterval(dues[r].getTime() - at.getTime())])) as Record<RatingValue, string>;
  }, [current, revealed, scheduler]);

  const { add: addToOutbox } = outbox;
  const ticked = answering.ticked;
  const grade = useCallback(
    (rating: RatingValue) => {
      if (!current || !revealed || busy) return;
      const at = new Date();
      const durationMs = Math.min(Date.now() - shownAt.current, MAX_ANSWER_MS);
      const clientId = newClientId();
      const memory = rate(current.memory, rating, at, scheduler);
      const count = current.keyPoints.length;
      const checklist = count ? { count, missed: current.keyPoints.flatMap((_, i) => (ticked.has(i) ? [] : [i])) } : undefined;
      addToOutbox({
        clientId,
        cardId: current.cardId,
        rating,
        expectedVersion: current.version,
        durationMs,
        reviewedAt: at.toISOString(),
        ...(checklist && { checklist }),
      });
      setDone((d) => [...d, { kind: "rating", clientId, before: current, rating, durationMs }]);
      setQueue((q) => promoteDue(afterRating(q, { ...current, memory, version: current.version + 1 }, { end: dayEnd }), at));
      setNow(at);
      setNotice(null);
      // A clicked grade button goes away with the answer: focus stays on the card, where Space works.
      cardRef.current?.focus({ preventScroll: true });
    },
    [current, revealed, busy, scheduler, dayEnd, addToOutbox, ticked],
  );

  const { settled, takeBack } = outbox;
  const undo = useCallback(async () => {
    const last = done.at(-1);
    if (!last || busy) return;
    setBusy(true);
    try {
      if (last.kind === "setAside") {
        const result = await restoreCardAction(null, { cardId: last.before.cardId });
        if (!result?.ok) {
          setNotice(result?.error ?? "Couldn't bring that card back.");
          return;
        }
        const back = { ...last.before, memory: result.data.memory, version: result.data.version };
        setQueue((q) => ({ ready: [back, ...q.ready], waiting: q.waiting }));
        setDone((d) => d.slice(0, -1));
        setNotice(last.how === "bury" ? "Unburied: the card is back." : "Unsuspended: the card is back.");
        return;
      }
      await settled();
      if (takeBack(last.clientId)) {
        // Not sent yet: taking it out of the outbox is the whole undo.
        setQueue((q) => afterUndo(q, last.before));
      } else {
        const result = await undoRatingAction(null, { clientId: last.clientId });
        if (!result?.ok) {
          setNotice(result?.error ?? "Couldn't undo that rating.");
          return;
        }
        setQueue((q) => afterUndo(q, { ...last.before, memory: result.data.memory, version: result.data.version }));
      }
      setDone((d) => d.slice(0, -1));
      setNotice("Rating undone.");
    } catch {
      setNotice("Couldn't reach the server to undo. Try again when you're back online.");
    } finally {
      setBusy(false);
    }
  }, [done, busy, settled, takeBack]);

  const setAside = useCallback(
    async (how: "bury" | "suspend") => {
      if (!current || busy) return;
      setBusy(true);
      try {
        const result =
          how === "bury"
            ? await buryCardAction(null, { cardId: current.cardId })
            : await suspendCardAction(null, { cardId: current.cardId, suspended: true });
        if (!result?.ok) {
          setNotice(result?.error ?? "That didn't work.");
          return;
        }
        setQueue((q) => ({ ready: q.ready.slice(1), waiting: q.waiting }));
        setDone((d) => [...d, { kind: "setAside", how, before: current }]);
        setNotice(how === "bury" ? "Buried until tomorrow." : "Suspended: it stays out of your sessions.");
      } catch {
        setNotice("Couldn't reach the server. Try again when you're back online.");
      } finally {
        setBusy(false);
      }
    },
    [current, busy],
  );

  useReviewKeys({
    hasCard: current !== null,
    revealed,
    canEdit: Boolean(current?.editHref),
    reveal,
    suggested,
    toggle,
    grade,
    undo: () => void undo(),
    bury: () => void setAside("bury"),
    suspend: () => void setAside("suspend"),
    edit: () => current?.editHref && window.open(current.editHref, CARD_TAB, "noopener"),
  });

  const ratings = done.flatMap((d) => (d.kind === "rating" ? [d] : []));
  const reviewed = ratings.length;
  const summary = {
    reviewed,
    timeMs: ratings.reduce((sum, d) => sum + d.durationMs, 0),
    accuracy: reviewed ? Math.round((100 * ratings.filter((d) => d.rating !== Rating.Again).length) / reviewed) : null,
  };
  const finished = !current && !queue.waiting[0];
  const lastSetAside = done.at(-1)?.kind === "setAside";

  // At the end, once every rating is saved, the server says what is left: its queue, not ours.
  useEffect(() => {
    if (!finished) return;
    let cancelled = false;
    void (async () => {
      try {
        await settled();
        const response = await fetch(`/api/study/after${deckId ? `?deck=${encodeURIComponent(deckId)}` : ""}`, { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as AfterSession & { nextDue: string | null; nextDay: string };
        if (!cancelled)
          setAfter({ reviewed, data: { ...body, nextDue: body.nextDue ? new Date(body.nextDue) : null, nextDay: new Date(body.nextDay) } });
      } catch {
        // Offline: the end screen keeps its summary; what comes next shows once the page is back.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [finished, reviewed, deckId, settled]);

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
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
        <SaveIndicator
          status={outbox.status}
          waiting={outbox.waiting}
          onRetry={outbox.retryNow}
          held={outbox.held}
          onRetryHeld={outbox.retryHeld}
          onDiscardHeld={outbox.discardHeld}
        />
      </div>

      {notice && (
        <p role="status" className="card-surface flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm" data-testid="notice">
          <span>{notice}</span>
          {lastSetAside && (
            <button type="button" className="btn btn-ghost min-h-8 px-3 py-1" onClick={() => void undo()} disabled={busy}>
              Undo
            </button>
          )}
        </p>
      )}

      {current ? (
        <CardView
          ref={cardRef}
          card={current}
          revealed={revealed}
          ticked={ticked}
          onToggle={toggle}
          suggested={suggested}
          typed={typeAnswer ? answering.typed : null}
          onType={type}
          intervals={intervals}
          busy={busy}
          onReveal={reveal}
          onGrade={grade}
          setAside={
            // On a phone, bury and suspend sit at the top of the card, away from the thumb's grade row.
            <span className="flex gap-3 sm:hidden">
              <button type="button" className="link normal-case" onClick={() => void setAside("bury")} disabled={busy}>
                Bury
              </button>
              <button type="button" className="link normal-case" onClick={() => void setAside("suspend")} disabled={busy}>
                Suspend
              </button>
            </span>
          }
        />
      ) : queue.waiting[0] ? (
        <WaitingForStep
          due={queue.waiting[0].memory.due}
          count={queue.waiting.length}
          now={now}
          onStudyNow={() => setQueue((q) => ({ ready: [q.waiting[0]!], waiting: q.waiting.slice(1) }))}
        />
      ) : (
        <SessionEnd summary={summary} after={after?.reviewed === reviewed ? after.data : null} custom={custom} deckId={deckId} now={now} />
      )}

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted">
        <p className="hidden sm:block">
          <kbd>Space</kbd> show · <kbd>Shift</kbd>+<kbd>1</kbd>… tick · <kbd>Enter</kbd> suggested · <kbd>1</kbd>–<kbd>4</kbd> grade ·{" "}
          <kbd>Z</kbd> undo · <kbd>B</kbd> bury · <kbd>S</kbd> suspend
          {current?.editHref && (
            <>
              {" "}
              · <kbd>E</kbd> edit
            </>
          )}
        </p>
        <div className="flex gap-2">
          <button type="button" className="btn btn-ghost" onClick={() => void undo()} disabled={!done.length || busy}>
            Undo
          </button>
          {current && (
            <>
              <button type="button" className="btn btn-ghost max-sm:hidden" onClick={() => void setAside("bury")} disabled={busy}>
                Bury
              </button>
              <button type="button" className="btn btn-ghost max-sm:hidden" onClick={() => void setAside("suspend")} disabled={busy}>
                Suspend
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
