"use client";

// Sends the outbox to POST /api/reviews: in order, in batches, with backoff while the server can't
// be reached, and again when the browser comes back online or the page becomes visible. Ratings saved offline on an earlier
// visit are handed back once after hydration so the session can show their effect.
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { MemoryState } from "@/lib/scheduling/fsrs";
import { readOutbox, writeOutbox, type PendingRating } from "./outbox";

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const BATCH_SIZE = 50;
/** Server errors in a row on one rating sent alone before it is set aside for the learner. */
const MAX_SERVER_FAILURES = 3;

export type SaveStatus = { kind: "saved" } | { kind: "saving" } | { kind: "offline" } | { kind: "signed-out" };

export interface FreshCard {
  cardId: string;
  memory: MemoryState;
  version: number;
}

interface Handlers {
  /** Ratings found waiting from an earlier visit, once after hydration. */
  onRestored: (pending: PendingRating[]) => void;
  /** The server refused a rating made against a stale copy: here is the card as it is now. */
  onStale: (card: FreshCard, message: string) => void;
  onNotice: (message: string) => void;
}

type ServerResult =
  | { status: "saved" | "duplicate" | "stale"; message?: string; card: { cardId: string; memory: MemoryState; version: number } }
  | { status: "not_found"; clientId: string; message: string };

/** JSON dates arrive as strings. */
function freshCard(card: FreshCard): FreshCard {
  const memory = {
    ...card.memory,
    due: new Date(card.memory.due),
    lastReview: card.memory.lastReview ? new Date(card.memory.lastReview) : null,
  };
  return { ...card, memory };
}

/** The outbox's items: in a ref (read by the sender at once), in localStorage and in state (rendered). */
function useOutboxItems(userId: string, onRestored: (pending: PendingRating[]) => void) {
  const [waiting, setWaiting] = useState<PendingRating[]>([]);
  const items = useRef<PendingRating[]>([]);
  const restored = useRef(onRestored);
  useEffect(() => {
    restored.current = onRestored;
  });

  const update = useCallback(
    (change: (items: PendingRating[]) => PendingRating[]) => {
      const next = change(items.current);
      items.current = next;
      writeOutbox(userId, next);
      setWaiting(next);
    },
    [userId],
  );

  // localStorage exists only in the browser, so this runs once after hydration rather than in render.
  useEffect(() => {
    const pending = readOutbox(userId);
    items.current = pending;
    if (!pending.length) return;
    /* eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from an external store (localStorage) once */
    setWaiting(pending);
    restored.current(pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on mount
  }, []);
  return { waiting, items, update };
}

/** What the sender keeps between batches, and how it reports. */
interface Sender {
  items: RefObject<PendingRating[]>;
  update: (change: (items: PendingRating[]) => PendingRating[]) => void;
  setStatus: (status: SaveStatus) => void;
  retry: RefObject<{ attempt: number; timer: ReturnType<typeof setTimeout> | undefined }>;
  batchSize: RefObject<number>;
  serverFailures: RefObject<Map<string, number>>;
  on: RefObject<Handlers>;
}

/**
 * The server will never take this batch (a malformed item, say from an old version of the page).
 * Send one at a time to find it, then drop only that one rather than retry forever.
 */
function refused(batch: PendingRating[], s: Sender) {
  if (batch.length > 1) {
    s.batchSize.current = 1;
    return;
  }
  s.update((all) => all.filter((i) => i.clientId !== batch[0]!.clientId));
  s.on.current.onNotice("One rating couldn't be saved because the server refused it as invalid.");
}

/**
 * The server failed on this batch. Find the rating it fails on (one at a time), and set that one
 * aside after a few tries, so the ratings after it aren't stuck behind it forever. True when it
 * was set aside; otherwise the caller retries with backoff.
 */
function failedOnServer(batch: PendingRating[], s: Sender): boolean {
  if (batch.length > 1) {
    s.batchSize.current = 1;
    return false;
  }
  const id = batch[0]!.clientId;
  const failures = (s.serverFailures.current.get(id) ?? 0) + 1;
  s.serverFailures.current.set(id, failures);
  if (failures < MAX_SERVER_FAILURES) return false;
  s.serverFailures.current.delete(id);
  s.update((all) => all.map((i) => (i.clientId === id ? { ...i, held: true } : i)));
  // Carry on with the ratings behind it.
  s.retry.current.attempt = 0;
  s.setStatus({ kind: s.items.current.some((i) => !i.held) ? "saving" : "saved" });
  return true;
}

/** The server answered for (a prefix of) the batch: those leave the outbox, stale ones are reported. */
function saved(batch: PendingRating[], results: ServerResult[], s: Sender) {
  const settled = new Set(batch.slice(0, results.length).map((r) => r.clientId));
  s.update((all) => all.filter((i) => !settled.has(i.clientId)));
  for (const result of results) {
    if (result.status === "stale") {
      s.on.current.onStale(freshCard(result.card), result.message ?? "This card changed elsewhere; your rating wasn't applied.");
    } else if (result.status === "not_found") {
      s.on.current.onNotice("A rating was for a card you can no longer study, so it wasn't saved.");
    }
  }
  s.retry.current.attempt = 0;
  const sendable = s.items.current.filter((i) => !i.held).length;
  if (!sendable) s.batchSize.current = BATCH_SIZE;
  s.setStatus({ kind: sendable ? "saving" : "saved" });
}

/** Sends one batch and acts on the answer; throws when it should be tried again later. */
async function sendBatch(batch: PendingRating[], s: Sender) {
  const response = await fetch("/api/reviews", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ratings: batch }),
  });
  if (response.status === 401) return s.setStatus({ kind: "signed-out" });
  if (response.status === 400) return refused(batch, s);
  if (response.status >= 500 && failedOnServer(batch, s)) return;
  if (!response.ok) throw new Error(`status ${response.status}`);
  const { results } = (await response.json()) as { results: ServerResult[] };
  saved(batch, results, s);
}

/** Sends the outbox in order, one batch at a time, with backoff while the server can't be reached. */
function useSender(items: RefObject<PendingRating[]>, update: Sender["update"], handlers: Handlers) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved" });
  const inFlight = useRef<Promise<void> | null>(null);
  const retry = useRef<{ attempt: number; timer: ReturnType<typeof setTimeout> | undefined }>({ attempt: 0, timer: undefined });
  const batchSize = useRef(BATCH_SIZE);
  const serverFailures = useRef(new Map<string, number>());
  const on = useRef(handlers);
  const flushRef = useRef<() => Promise<void>>(async () => {});
  useEffect(() => {
    on.current = handlers;
  });

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const batch = items.current.filter((i) => !i.held).slice(0, batchSize.current);
    if (batch.length === 0) {
      setStatus({ kind: "saved" });
      return;
    }
    setStatus({ kind: "saving" });
    const run = (async () => {
      try {
        await sendBatch(batch, { items, update, setStatus, retry, batchSize, serverFailures, on });
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
    if (items.current.some((i) => !i.held) && retry.current.attempt === 0) void flushRef.current();
  }, [items, update]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  /** The next failure waits the shortest delay again (something changed: back online, a retry). */
  const resetBackoff = useCallback(() => {
    retry.current.attempt = 0;
  }, []);
  return { status, setStatus, flush, inFlight, resetBackoff };
}

export function useOutbox(userId: string, handlers: Handlers) {
  const { waiting, items, update } = useOutboxItems(userId, handlers.onRestored);
  const { status, setStatus, flush, inFlight, resetBackoff } = useSender(items, update, handlers);

  // Send whatever is waiting: now, whenever something is added, and when the browser is back online.
  const sendable = waiting.filter((i) => !i.held).length;
  useEffect(() => {
    if (sendable && !inFlight.current && status.kind !== "offline") void flush();
  }, [sendable, waiting, flush, status.kind, inFlight]);
  // A phone that wakes up, or a tab brought back to the front, may have had the network back for a
  // while without an "online" event reaching the page: try then too, without waiting for the backoff.
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === "hidden") return;
      resetBackoff();
      void flush();
    };
    window.addEventListener("online", again);
    document.addEventListener("visibilitychange", again);
    return () => {
      window.removeEventListener("online", again);
      document.removeEventListener("visibilitychange", again);
    };
  }, [flush, resetBackoff]);

  return {
    waiting: sendable,
    /** Ratings set aside because the server kept failing on them. */
    held: waiting.length - sendable,
    /** Sends the set-aside ratings again. */
    retryHeld: useCallback(() => {
      update((all) => all.map((i) => (i.held ? { ...i, held: false } : i)));
      resetBackoff();
    }, [update, resetBackoff]),
    /** Gives up on the set-aside ratings (the cards come back at their old schedule). */
    discardHeld: useCallback(() => {
      update((all) => all.filter((i) => !i.held));
      if (!items.current.length) setStatus({ kind: "saved" });
    }, [update, items, setStatus]),
    status,
    add: useCallback((item: PendingRating) => update((all) => [...all, item]), [update]),
    /** Takes back a rating not sent yet; false when it has already gone to the server. */
    takeBack: useCallback(
      (clientId: string) => {
        if (!items.current.some((i) => i.clientId === clientId)) return false;
        update((all) => all.filter((i) => i.clientId !== clientId));
        return true;
      },
      [update, items],
    ),
    /** Resolves once the request in flight (if any) has settled. */
    settled: useCallback(async () => {
      if (inFlight.current) await inFlight.current;
    }, [inFlight]),
    retryNow: useCallback(() => {
      resetBackoff();
      void flush();
    }, [flush, resetBackoff]),
  };
}
