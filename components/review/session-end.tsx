// What the review screen shows when no card is ready: a learning card waiting for its next step, or
// the end of the session with its summary.
import Link from "next/link";
import { formatDuration, formatWhen } from "@/lib/format";

export function WaitingForStep({ due, count, now, onStudyNow }: { due: Date; count: number; now: Date; onStudyNow: () => void }) {
  return (
    <section className="card-surface space-y-3 p-8 text-center" aria-live="polite">
      <h2 className="text-lg font-semibold">Next card comes back {formatWhen(due, now)}</h2>
      <p className="text-muted">
        {count === 1 ? "One card you're learning is" : `${count} cards you're learning are`} waiting for their next step. It will appear
        here on its own, or you can study it now.
      </p>
      <button type="button" className="btn" onClick={onStudyNow}>
        Study it now
      </button>
    </section>
  );
}

export interface SessionSummary {
  reviewed: number;
  timeMs: number;
  accuracy: number | null;
}

export function SessionEnd({ summary, nextDue, dayEnd, now }: { summary: SessionSummary; nextDue: Date | null; dayEnd: Date; now: Date }) {
  if (summary.reviewed === 0) {
    return (
      <section className="card-surface space-y-2 p-8 text-center">
        <h2 className="text-lg font-semibold">Nothing due right now</h2>
        <p className="text-muted">
          {nextDue ? `Your next review is due ${formatWhen(nextDue, now)}.` : "New cards arrive when the next study day starts."} New cards
          for tomorrow unlock {formatWhen(dayEnd, now)}.
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
          <dt className="text-sm text-muted">Cards reviewed</dt>
          <dd className="text-2xl font-semibold tabular-nums">{summary.reviewed}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Time spent</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatDuration(summary.timeMs)}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Accuracy</dt>
          <dd className="text-2xl font-semibold tabular-nums">{summary.accuracy}%</dd>
        </div>
      </dl>
      <p className="text-muted">
        {nextDue ? `Next reviews are due ${formatWhen(nextDue, now)}.` : "No reviews are scheduled yet."} New cards unlock{" "}
        {formatWhen(dayEnd, now)}.
      </p>
      <Link href="/history" className="link">
        See your review history
      </Link>
    </section>
  );
}
