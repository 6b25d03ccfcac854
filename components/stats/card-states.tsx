// The learner's cards by state (new, learning, review, relearning, suspended), as one stacked bar.
import type { LearnerStats } from "@/lib/stats/learner-stats";

const STATE_PARTS = [
  { key: "newStarted", label: "New (started)", tone: "bg-accent/35" },
  { key: "learning", label: "Learning", tone: "bg-warn" },
  { key: "review", label: "Review", tone: "bg-success" },
  { key: "relearning", label: "Relearning", tone: "bg-danger" },
  { key: "suspended", label: "Suspended", tone: "bg-muted/40" },
] as const;

export function CardStates({ states }: { states: LearnerStats["states"] }) {
  if (states.total === 0) return <p className="text-sm text-muted">No cards started in the decks you study.</p>;
  return (
    <div className="space-y-4">
      <div aria-hidden="true" className="flex h-4 overflow-hidden rounded-full bg-line">
        {STATE_PARTS.map((part) =>
          states[part.key] > 0 ? (
            <div
              key={part.key}
              className={part.tone}
              style={{ width: `${(states[part.key] / states.total) * 100}%` }}
              title={`${part.label}: ${states[part.key]}`}
            />
          ) : null,
        )}
      </div>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5" data-testid="states">
        {STATE_PARTS.map((part) => (
          <li key={part.key} className="flex items-center gap-2">
            <span aria-hidden="true" className={`size-3 shrink-0 rounded-sm ${part.tone}`} />
            <span className="text-muted">{part.label}</span>
            <span className="ml-auto font-medium tabular-nums sm:ml-0">{states[part.key].toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
