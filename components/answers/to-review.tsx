// The mentor dashboard's "To review" list: the answers their mentees shared, newest first, with
// where the mentor's feedback stands on each.
import Link from "next/link";
import { MarkdownInline } from "@/components/markdown";
import type { AnswerToReview } from "@/lib/answers/feedback";
import { formatTimeAgo } from "@/lib/format";
import { paths, type DeckRef } from "@/lib/routes";

const STATE_LABELS = { new: "new", given: "feedback given", revised: "revised after feedback" } as const;

export function ToReview({ answers, deck, now }: { answers: AnswerToReview[]; deck: DeckRef; now: Date }) {
  return (
    <section aria-labelledby="to-review-heading" className="space-y-3">
      <div>
        <h2 id="to-review-heading" className="text-lg font-semibold">
          To review
        </h2>
        <p className="text-sm text-muted">Answers your mentees wrote in their own words and shared with you.</p>
      </div>
      {answers.length === 0 ? (
        <p className="text-sm text-muted">No shared answers yet.</p>
      ) : (
        <ul className="card-surface divide-y divide-line text-sm" data-testid="to-review">
          {answers.map((a) => (
            <li key={a.answerId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 p-3">
              <Link href={paths.sharedAnswer(deck, a.answerId)} className="link">
                {a.menteeName}: <MarkdownInline>{a.cardFront}</MarkdownInline>
              </Link>
              <span className="text-muted">
                <span className={a.state === "given" ? "" : "font-medium text-accent"}>{STATE_LABELS[a.state]}</span> ·{" "}
                <time dateTime={a.revisedAt.toISOString()}>{formatTimeAgo(a.revisedAt, now)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
