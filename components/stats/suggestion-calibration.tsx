// The stats page's check on the suggested grade: for each grade Drill suggested from a checklist,
// how often the learner took it and how often they remembered the card next time, and the verdict.
import { RATING_LABELS } from "@/lib/scheduling/fsrs";
import type { SuggestionCalibration as Row } from "@/lib/stats/key-points";
import { describeVerdict, suggestionVerdict } from "@/lib/stats/suggestion-verdict";
import { RecallRow } from "./figures";

export function SuggestionCalibration({ rows }: { rows: Row[] }) {
  return (
    <div className="space-y-3 border-t border-line pt-4" data-testid="suggestion-calibration">
      <h3 className="font-medium">Do the suggested grades work?</h3>
      <p className="text-sm text-muted">
        For each grade Drill suggested from your ticks: how often you remembered the card at its next review, and how often you took the
        suggestion. Ratings made without ticking don&apos;t count.
      </p>
      <ul className="space-y-3">
        {rows.map((r) => (
          <RecallRow key={r.suggested} label={RATING_LABELS[r.suggested]} recalled={r.recalled} followed={r.followed}>
            <span className="block text-xs text-muted">taken {r.taken}</span>
          </RecallRow>
        ))}
      </ul>
      <p className="text-sm" data-testid="suggestion-verdict">
        {describeVerdict(suggestionVerdict(rows))}
      </p>
    </div>
  );
}
