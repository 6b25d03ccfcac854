"use client";

// The review screen. The whole session is in the browser (cards rendered on the server), so the next
// card shows at once; ratings are scheduled here with the same pure FSRS module the server uses and
// saved in the background through the outbox, which survives reloads and dropped connections.
import type { Route } from "next";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { buryCardAction, suspendCardAction, undoRatingAction } from "@/app/study/actions";
import { formatInterval, preview, rate, RATING_LABELS, RATINGS, type MemoryState, type RatingValue, type SchedulerSettings } from "@/lib/scheduling/fsrs";
import { afterRating, afterUndo, countQueue, kindOf, promoteDue, type Queue } from "@/lib/scheduling/queue";
import { newClientId, readOutbox, writeOutbox, type PendingRating } from "./outbox";

export interface SessionCard {
  cardId: string;
  deckId: string;
  version: number;
  memory: MemoryState;
  front: ReactNode;
  back: ReactNode;
  cardHref: Route;
  /** Set when the learner may edit the card's deck. */
  editHref: Route | null;
}

interface Props {
  userId: string;
  initial: Queue<SessionCard>;
  dayEnd: Date;
  scheduler: SchedulerSettings;
  nextDue: Date | null;
}

/** Answer times above this are capped (the learner walked away); the server caps too. */
const MAX_ANSWER_MS = 5 * 60_000;
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

interface Done {
  clientId: string;
  before: SessionCard;
  rating: RatingValue;
  durationMs: number;
}

type SaveStatus = { kind: "saved" } | { kind: "saving" } | { kind: "offline" } | { kind: "signed-out" };

const BUTTON_STYLES: Record<RatingValue, string> = {
  1: "border-danger/40 text-danger",
  2: "border-warn/40 text-warn",
  3: "border-success/40 text-success",
  4: "border-accent/40 text-accent",
};

function timeOfDay(date: Date): string {
  return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function whenDue(date: Date, now: Date): string {
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return `today at ${timeOfDay(date)}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (date.toDateString() === tomorrow.toDateString()) return `tomorrow at ${timeOfDay(date)}`;
  return date.toLocaleDateString([], { weekday: "long", month: "short", day: "numeric" });
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${seconds % 60}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

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

export function ReviewSession({ userId, initial, dayEnd, scheduler, nextDue }: Props) {
  const [queue, setQueue] = useState(initial);
  // Which card (id and version) has its answer shown: a new card starts hidden without an effect.
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [done, setDone] = useState<Done[]>([]);
  const [outbox, setOutbox] = useState<PendingRating[]>([]);
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved" });
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The earliest review after today: the server's answer, moved earlier by cards rated just now.
  const [nextLater, setNextLater] = useState(nextDue);
  const shownAt = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const retry = useRef({ attempt: 0, timer: 0 as ReturnType<typeof setTimeout> | 0 });
  const outboxRef = useRef<PendingRating[]>([]);
  const batchSize = useRef(50);

  const current = queue.ready[0] ?? null;
  const currentKey = current ? `${current.cardId}:${current.version}` : null;
  const revealed = currentKey !== null && revealedKey === currentKey;
  const reveal = useCallback(() => setRevealedKey(currentKey), [currentKey]);
  const counts = countQueue(queue);
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const updateOutbox = useCallback(
    (change: (items: PendingRating[]) => PendingRating[]) => {
      const next = change(outboxRef.current);
      outboxRef.current = next;
      writeOutbox(userId, next);
      setOutbox(next);
    },
    [userId],
  );

  // Ratings saved offline on an earlier visit: show their effect now and send them. localStorage
  // exists only in the browser, so this runs once after hydration rather than during render.
  useEffect(() => {
    const pending = readOutbox(userId);
    outboxRef.current = pending;
    if (!pending.length) return;
    /* eslint-disable react-hooks/set-state-in-effect -- syncing from an external store (localStorage) once */
    setOutbox(pending);
    setQueue((q) => withPending(q, pending, dayEnd, scheduler));
    /* eslint-enable react-hooks/set-state-in-effect */
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on mount
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
    const timer = setTimeout(() => {
      const at = new Date();
      setNow(at);
      setQueue((q) => promoteDue(q, at));
    }, Math.min(wait + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [queue.waiting]);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const batch = outboxRef.current.slice(0, batchSize.current);
    if (batch.length === 0) {
      setStatus({ kind: "saved" });
      return;
    }
    setStatus({ kind: "saving" });
    const run = (async () => {
      try {
        const response = await fetch("/api/reviews", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ratings: batch }),
        });
        if (response.status === 401) {
          setStatus({ kind: "signed-out" });
          return;
        }
        if (response.status === 400) {
          // The server will never take this batch (a malformed item, say from an old version of the
          // page). Send one at a time to find it, then drop only that one rather than retry forever.
          if (batch.length > 1) {
            batchSize.current = 1;
          } else {
            updateOutbox((items) => items.filter((i) => i.clientId !== batch[0]!.clientId));
            setNotice("One rating couldn't be saved because the server refused it as invalid.");
          }
          return;
        }
        if (!response.ok) throw new Error(`status ${response.status}`);
        const { results } = (await response.json()) as {
          results: ({ status: "saved" | "duplicate" | "stale"; message?: string; card: { cardId: string; memory: MemoryState; version: number } } | { status: "not_found"; clientId: string; message: string })[];
        };
        const settled = new Set(batch.slice(0, results.length).map((r) => r.clientId));
        updateOutbox((items) => items.filter((i) => !settled.has(i.clientId)));
        for (const result of results) {
          if (result.status === "stale") {
            setNotice(result.message ?? "This card changed elsewhere; your rating wasn't applied.");
            const fresh = { ...result.card, memory: { ...result.card.memory, due: new Date(result.card.memory.due), lastReview: result.card.memory.lastReview ? new Date(result.card.memory.lastReview) : null } };
            setQueue((q) => ({
              ready: q.ready.map((c) => (c.cardId === fresh.cardId ? { ...c, memory: fresh.memory, version: fresh.version } : c)),
              waiting: q.waiting.map((c) => (c.cardId === fresh.cardId ? { ...c, memory: fresh.memory, version: fresh.version } : c)),
            }));
          } else if (result.status === "not_found") {
            setNotice("A rating was for a card you can no longer study, so it wasn't saved.");
          }
        }
        retry.current.attempt = 0;
        if (!outboxRef.current.length) batchSize.current = 50;
        setStatus({ kind: outboxRef.current.length ? "saving" : "saved" });
      } catch {
        // Network down or server unavailable: keep the ratings and try again with backoff.
        setStatus({ kind: "offline" });
        const delay = RETRY_DELAYS_MS[Math.min(retry.current.attempt++, RETRY_DELAYS_MS.length - 1)]!;
        if (retry.current.timer) clearTimeout(retry.current.timer);
        retry.current.timer = setTimeout(() => void flushRef.current(), delay);
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    await run;
    if (outboxRef.current.length && retry.current.attempt === 0) void flushRef.current();
  }, [updateOutbox]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // Send whatever is waiting: now, whenever something is added, and when the browser is back online.
  useEffect(() => {
    if (outbox.length && !inFlight.current && status.kind !== "offline") void flush();
  }, [outbox, flush, status.kind]);
  useEffect(() => {
    const online = () => {
      retry.current.attempt = 0;
      void flush();
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [flush]);

  const intervals = useMemo(() => {
    if (!current || !revealed) return null;
    const at = new Date();
    const dues = preview(current.memory, at, scheduler);
    return Object.fromEntries(RATINGS.map((r) => [r, formatInterval(dues[r].getTime() - at.getTime())])) as Record<RatingValue, string>;
  }, [current, revealed, scheduler]);

  const grade = useCallback(
    (rating: RatingValue) => {
      if (!current || !revealed || busy) return;
      const at = new Date();
      const durationMs = Math.min(Date.now() - shownAt.current, MAX_ANSWER_MS);
      const clientId = newClientId();
      const memory = rate(current.memory, rating, at, scheduler);
      updateOutbox((items) => [
        ...items,
        { clientId, cardId: current.cardId, rating, expectedVersion: current.version, durationMs, reviewedAt: at.toISOString() },
      ]);
      setDone((d) => [...d, { clientId, before: current, rating, durationMs }]);
      setQueue((q) => promoteDue(afterRating(q, { ...current, memory, version: current.version + 1 }, { end: dayEnd }), at));
      if (memory.due >= dayEnd) setNextLater((d) => (d && d <= memory.due ? d : memory.due));
      setNow(at);
      setNotice(null);
    },
    [current, revealed, busy, scheduler, dayEnd, updateOutbox],
  );

  const undo = useCallback(async () => {
    const last = done.at(-1);
    if (!last || busy) return;
    setBusy(true);
    try {
      if (inFlight.current) await inFlight.current;
      if (outboxRef.current.some((i) => i.clientId === last.clientId)) {
        // Not sent yet: just take it back.
        updateOutbox((items) => items.filter((i) => i.clientId !== last.clientId));
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
  }, [done, busy, updateOutbox]);

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
        setNotice(how === "bury" ? "Buried until tomorrow." : "Suspended. Unsuspend it from the card's page.");
      } catch {
        setNotice("Couldn't reach the server. Try again when you're back online.");
      } finally {
        setBusy(false);
      }
    },
    [current, busy],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      // Space and Enter on a focused button should press that button, not reveal.
      const onButton = target?.closest("button, a");
      if ((event.key === " " || event.key === "Enter") && !revealed && current && !onButton) {
        event.preventDefault();
        reveal();
      } else if (["1", "2", "3", "4"].includes(event.key) && revealed) {
        event.preventDefault();
        grade(Number(event.key) as RatingValue);
      } else if (event.key === "z" || event.key === "Z") {
        event.preventDefault();
        void undo();
      } else if ((event.key === "b" || event.key === "B") && current) {
        event.preventDefault();
        void setAside("bury");
      } else if ((event.key === "s" || event.key === "S") && current) {
        event.preventDefault();
        void setAside("suspend");
      } else if ((event.key === "e" || event.key === "E") && current?.editHref) {
        event.preventDefault();
        window.open(current.editHref, "_blank", "noopener");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, revealed, reveal, grade, undo, setAside]);

  const reviewed = done.length;
  const summary = {
    reviewed,
    timeMs: done.reduce((sum, d) => sum + d.durationMs, 0),
    accuracy: reviewed ? Math.round((100 * done.filter((d) => d.rating !== 1).length) / reviewed) : null,
  };

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
        <SaveIndicator status={status} waiting={outbox.length} onRetry={() => { retry.current.attempt = 0; void flush(); }} />
      </div>

      {notice && (
        <p role="status" className="card-surface px-4 py-2 text-sm">
          {notice}
        </p>
      )}

      {current ? (
        <section aria-label="Card" className="card-surface">
          <div className="p-5 sm:p-8">
            <div className="text-muted mb-3 flex items-center justify-between text-xs font-medium tracking-wide uppercase">
              <span>{kindOf(current.memory)}</span>
              <span className="flex gap-3">
                {current.editHref && (
                  <Link href={current.editHref} className="link normal-case" target="_blank">
                    Edit
                  </Link>
                )}
                <Link href={current.cardHref} className="link normal-case" target="_blank">
                  Open card
                </Link>
              </span>
            </div>
            <div className="text-xl font-semibold text-balance sm:text-2xl" data-testid="card-front">
              {current.front}
            </div>
            {revealed && (
              <div className="border-line mt-6 border-t pt-6" data-testid="card-back">
                {current.back}
              </div>
            )}
          </div>
          <div className="border-line bg-surface/95 sticky bottom-0 rounded-b-xl border-t p-3 backdrop-blur sm:p-4">
            {revealed ? (
              <div className="grid grid-cols-4 gap-2" role="group" aria-label="How well did you know it?">
                {RATINGS.map((r) => (
                  <button
                    key={r}
                    type="button"
                    onClick={() => grade(r)}
                    disabled={busy}
                    className={`btn flex-col gap-0 px-1 py-2 ${BUTTON_STYLES[r]}`}
                    aria-label={`${RATING_LABELS[r]}, next in ${intervals?.[r]} (key ${r})`}
                  >
                    <span className="text-xs opacity-80 tabular-nums">{intervals?.[r]}</span>
                    <span>{RATING_LABELS[r]}</span>
                  </button>
                ))}
              </div>
            ) : (
              <button type="button" onClick={reveal} className="btn btn-primary w-full">
                Show answer <kbd className="text-xs opacity-75">Space</kbd>
              </button>
            )}
          </div>
        </section>
      ) : queue.waiting[0] ? (
        <section className="card-surface space-y-3 p-8 text-center" aria-live="polite">
          <h2 className="text-lg font-semibold">Next card comes back {whenDue(queue.waiting[0].memory.due, now)}</h2>
          <p className="text-muted">
            {queue.waiting.length === 1 ? "One card you're learning is" : `${queue.waiting.length} cards you're learning are`} waiting for
            their next step. It will appear here on its own, or you can study it now.
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => setQueue((q) => ({ ready: [q.waiting[0]!], waiting: q.waiting.slice(1) }))}
          >
            Study it now
          </button>
        </section>
      ) : (
        <SessionEnd summary={summary} nextDue={nextLater} dayEnd={dayEnd} now={now} />
      )}

      <div className="text-muted flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="hidden sm:block">
          <kbd>Space</kbd> show · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>Z</kbd> undo · <kbd>B</kbd> bury · <kbd>S</kbd> suspend
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
              <button type="button" className="btn btn-ghost" onClick={() => void setAside("bury")} disabled={busy}>
                Bury
              </button>
              <button type="button" className="btn btn-ghost" onClick={() => void setAside("suspend")} disabled={busy}>
                Suspend
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function SaveIndicator({ status, waiting, onRetry }: { status: SaveStatus; waiting: number; onRetry: () => void }) {
  const text =
    status.kind === "signed-out"
      ? `Signed out: ${waiting} rating${waiting === 1 ? "" : "s"} waiting. Sign in again in another tab to save them.`
      : status.kind === "offline"
        ? `Offline: ${waiting} rating${waiting === 1 ? "" : "s"} waiting`
        : status.kind === "saving" || waiting
          ? "Saving…"
          : "All ratings saved";
  return (
    <p role="status" aria-live="polite" className="text-muted flex items-center gap-2 text-sm" data-testid="save-status">
      <span
        aria-hidden
        className={`size-2 rounded-full ${status.kind === "offline" || status.kind === "signed-out" ? "bg-warn" : waiting ? "bg-accent animate-pulse" : "bg-success"}`}
      />
      {text}
      {status.kind === "offline" && (
        <button type="button" className="link text-sm" onClick={onRetry}>
          Retry now
        </button>
      )}
    </p>
  );
}

function SessionEnd({
  summary,
  nextDue,
  dayEnd,
  now,
}: {
  summary: { reviewed: number; timeMs: number; accuracy: number | null };
  nextDue: Date | null;
  dayEnd: Date;
  now: Date;
}) {
  if (summary.reviewed === 0) {
    return (
      <section className="card-surface space-y-2 p-8 text-center">
        <h2 className="text-lg font-semibold">Nothing due right now</h2>
        <p className="text-muted">
          {nextDue ? `Your next review is due ${whenDue(nextDue, now)}.` : "New cards arrive when the next study day starts."} New cards for
          tomorrow unlock {whenDue(dayEnd, now)}.
        </p>
      </section>
    );
  }
  return (
    <section className="card-surface space-y-5 p-8 text-center" aria-labelledby="session-done">
      <h2 id="session-done" className="text-xl font-semibold">
        Session complete
      </h2>
      <dl className="grid grid-cols-3 gap-3">
        <div>
          <dt className="text-muted text-sm">Cards reviewed</dt>
          <dd className="text-2xl font-semibold tabular-nums">{summary.reviewed}</dd>
        </div>
        <div>
          <dt className="text-muted text-sm">Time spent</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatDuration(summary.timeMs)}</dd>
        </div>
        <div>
          <dt className="text-muted text-sm">Accuracy</dt>
          <dd className="text-2xl font-semibold tabular-nums">{summary.accuracy}%</dd>
        </div>
      </dl>
      <p className="text-muted">
        {nextDue ? `Next reviews are due ${whenDue(nextDue, now)}.` : "No reviews are scheduled yet."} New cards unlock {whenDue(dayEnd, now)}.
      </p>
      <Link href="/history" className="link">
        See your review history
      </Link>
    </section>
  );
}
