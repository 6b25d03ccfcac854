// Whether the learner's ratings have reached the server, and a way to retry when they haven't.
import { plural } from "@/lib/format";
import type { SaveStatus } from "./use-outbox";

interface Props {
  status: SaveStatus;
  waiting: number;
  onRetry: () => void;
  /** Ratings the server kept failing on, set aside so the others could be saved. */
  held: number;
  onRetryHeld: () => void;
  onDiscardHeld: () => void;
}

export function SaveIndicator({ status, waiting, onRetry, held, onRetryHeld, onDiscardHeld }: Props) {
  const text =
    status.kind === "signed-out"
      ? `Signed out: ${plural(waiting, "rating")} waiting. Sign in again in another tab to save them.`
      : status.kind === "offline"
        ? `Offline: ${plural(waiting, "rating")} waiting`
        : status.kind === "saving" || waiting
          ? "Saving…"
          : "All ratings saved";
  return (
    <div className="flex flex-col items-end gap-1">
      <SaveLine status={status} waiting={waiting} text={text} onRetry={onRetry} />
      {held > 0 && (
        <p role="alert" className="flex flex-wrap items-center gap-2 text-sm text-danger" data-testid="held-ratings">
          {plural(held, "rating")} couldn&apos;t be saved: the server failed on {held === 1 ? "it" : "them"}.
          <button type="button" className="link text-sm" onClick={onRetryHeld}>
            Try again
          </button>
          <button type="button" className="link text-sm" onClick={onDiscardHeld}>
            Discard
          </button>
        </p>
      )}
    </div>
  );
}

function SaveLine({ status, waiting, text, onRetry }: { status: SaveStatus; waiting: number; text: string; onRetry: () => void }) {
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-muted" data-testid="save-status">
      <span
        aria-hidden
        className={`size-2 rounded-full ${status.kind === "offline" || status.kind === "signed-out" ? "bg-warn" : waiting ? "animate-pulse bg-accent" : "bg-success"}`}
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
