"use client";

import { startTransition, useActionState } from "react";
import { suspendCardAction } from "@/app/study/actions";
import { formatDate, plural } from "@/lib/format";
import { State, STATE_LABELS, type StateValue } from "@/lib/scheduling/grades";

export function CardStudyStatus({
  cardId,
  status,
}: {
  cardId: string;
  status: { due: Date; state: number; reps: number; lapses: number; suspended: boolean };
}) {
  const [result, unsuspend, pending] = useActionState(suspendCardAction, null);
  const suspended = status.suspended && !result?.ok;
  return (
    <div className="card-surface flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm text-muted" data-testid="card-status">
      <span>
        Your status: <strong className="text-ink">{suspended ? "Suspended" : STATE_LABELS[status.state as StateValue]}</strong>
      </span>
      {!suspended && status.state !== State.New && <span>Due {formatDate(status.due, undefined)}</span>}
      <span>
        {plural(status.reps, "review")}, {plural(status.lapses, "lapse")}
      </span>
      {suspended && (
        <button
          type="button"
          className="btn ml-auto"
          disabled={pending}
          onClick={() => startTransition(() => unsuspend({ cardId, suspended: false }))}
        >
          {pending ? "Unsuspending…" : "Unsuspend"}
        </button>
      )}
      {result && !result.ok && <span className="text-danger">{result.error}</span>}
    </div>
  );
}
