// What the review screen shows when no card is ready: a learning card waiting for its next step (with
// a countdown), or the end of the session with its summary and what really comes next, asked of the
// server once the ratings are saved: more cards today, every card met, or when the next ones unlock.
import Link from "next/link";
import { useEffect, useState } from "react";
import { formatDuration, formatWhen } from "@/lib/format";
import type { AfterSession } from "@/lib/review/session";
import { nextStepLines } from "@/lib/review/next-steps";
import { paths } from "@/lib/routes";
import { PlanAsk } from "@/components/plan-ask";
import type { SessionSummary } from "./session-state";

/** The current time, ticking every second (for countdowns). */
function useNow(initial: Date): Date {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function WaitingForStep({ due, count, now: initial, onStudyNow }: { due: Date; count: number; now: Date; onStudyNow: () => void }) {
  const now = useNow(initial);
  return (
    <section className="card-surface space-y-3 p-8 text-center" aria-live="polite">
      <h2 className="text-lg font-semibold" data-testid="waiting-heading">
        Next card comes back {formatWhen(due, now)}
      </h2>
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

/** The session's kind: today's queue, or a custom one (review ahead, drill a tag). */
export type CustomSession = { kind: "ahead" } | { kind: "tag"; tag: string } | null;

/** What comes next, in words that match the server's queue. */
function NextSteps({ after, custom, now, deckId }: { after: AfterSession; custom: CustomSession; now: Date; deckId?: string }) {
  const { left } = after;
  return (
    <div className="space-y-3" data-testid="next-steps">
      <p className="text-muted">{nextStepLines(after, custom?.kind ?? null, now, deckId).join(" ")}</p>
      {!custom && after.newCards.ask && <PlanAsk ask={after.newCards.ask} reload />}
      <div className="flex flex-wrap justify-center gap-2">
        {left.total > 0 ? (
          <a href={paths.study({ deck: deckId })} className="btn btn-primary">
            {custom ? "Back to today's queue" : "Keep going"}
          </a>
        ) : (
          <a href={paths.study({ ahead: true, deck: deckId })} className="btn">
            Review ahead
          </a>
        )}
        <Link href="/stats" className="btn btn-ghost">
          Drill a weak tag
        </Link>
      </div>
    </div>
  );
}

export function SessionEnd({
  summary,
  after,
  custom,
  deckId,
  now,
}: {
  summary: SessionSummary;
  /** The server's view once the ratings are saved (null while it is asked). */
  after: AfterSession | null;
  custom: CustomSession;
  deckId?: string;
  now: Date;
}) {
  const next = after ? (
    <NextSteps after={after} custom={custom} now={now} deckId={deckId} />
  ) : (
    <p className="text-muted">Checking what comes next…</p>
  );
  if (summary.reviewed === 0) {
    return (
      <section className="card-surface space-y-3 p-8 text-center" aria-live="polite">
        <h2 className="text-lg font-semibold">
          {custom?.kind === "ahead"
            ? "Nothing to review ahead"
            : custom?.kind === "tag"
              ? `No cards to drill for “${custom.tag}”`
              : "Nothing due right now"}
        </h2>
        {next}
      </section>
    );
  }
  return (
    <section className="card-surface space-y-5 p-8 text-center" aria-labelledby="session-done" aria-live="polite">
      <h2 id="session-done" className="text-xl font-semibold">
        {custom?.kind === "ahead" ? "Reviewed ahead" : custom?.kind === "tag" ? `Drilled “${custom.tag}”` : "Session complete"}
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
      {next}
      <Link href="/history" className="link">
        See your review history
      </Link>
    </section>
  );
}
