// Whether the learner's ratings have reached the server, and a way to retry when they haven't.
import { plural } from "@/lib/format";
import type { SaveStatus } from "./use-outbox";

export function SaveIndicator({ status, waiting, onRetry }: { status: SaveStatus; waiting: number; onRetry: () => void }) {
  const text =
    status.kind === "signed-out"
      ? `Signed out: ${plural(waiting, "rating")} waiting. Sign in again in another tab to save them.`
      : status.kind === "offline"
        ? `Offline: ${plural(waiting, "rating")} waiting`
        : status.kind === "saving" || waiting
          ? "Saving…"
          : "All ratings saved";
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
