// Beside a learner's own answer (the card page, the writing page): sharing it with the deck's mentor,
// and the mentor's feedback on it. Showing the feedback here is the learner opening it: it stops
// counting as new on Today.
import { Markdown } from "@/components/markdown";
import { feedbackOnCard, markFeedbackSeen, type FeedbackForLearner } from "@/lib/answers/feedback";
import { VERDICT_LABELS, type Verdict } from "@/lib/answers/feedback-state";
import { getAnswerSharing, hasMentorOnDeck } from "@/lib/answers/sharing";
import type { Viewer } from "@/lib/decks/access";
import { deckKey, type DeckRef } from "@/lib/routes";
import { ShareAnswerToggle } from "./share-answer";

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return null;
  const tone = verdict === "strong" ? "border-success/40 text-success" : "border-warn/40 text-warn";
  return <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${tone}`}>{VERDICT_LABELS[verdict]}</span>;
}

function FeedbackItem({ feedback }: { feedback: FeedbackForLearner }) {
  return (
    <li className="space-y-2 p-4" data-testid="answer-feedback">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{feedback.mentorName ?? "Your mentor"}</span>
        <VerdictBadge verdict={feedback.verdict} />
        {!feedback.seen && <span className="rounded-full bg-accent px-2 py-0.5 text-xs text-accent-ink">New</span>}
      </p>
      {feedback.comment && <Markdown>{feedback.comment}</Markdown>}
      {feedback.suggestedPoints.length > 0 && (
        <div className="text-sm">
          <p className="text-muted">Key points they suggest:</p>
          <ul className="list-disc pl-5">
            {feedback.suggestedPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </div>
      )}
      {feedback.revisedSince && <p className="text-xs text-muted">You have revised your answer since this feedback.</p>}
    </li>
  );
}

/** Sharing controls and feedback for the viewer's own answer to one card; nothing when they have neither. */
export async function AnswerFeedback({ viewer, cardId, deck }: { viewer: Viewer; cardId: string; deck: DeckRef }) {
  const [sharing, hasMentor, feedback] = await Promise.all([
    getAnswerSharing(viewer, cardId),
    hasMentorOnDeck(viewer, deck.id),
    feedbackOnCard(viewer, cardId),
  ]);
  if (feedback.some((f) => !f.seen)) await markFeedbackSeen(viewer, cardId);
  const canShare = sharing !== null && (hasMentor || sharing.shared);
  if (!canShare && feedback.length === 0) return null;
  return (
    <section aria-labelledby="answer-feedback-heading" className="space-y-3">
      <h2 id="answer-feedback-heading" className="text-lg font-semibold">
        Your mentor&apos;s feedback
      </h2>
      {canShare && <ShareAnswerToggle cardId={cardId} deckKey={deckKey(deck)} shared={sharing.shared} />}
      {feedback.length === 0 ? (
        <p className="text-sm text-muted">{sharing?.shared ? "No feedback yet." : "Share your answer to get feedback on it."}</p>
      ) : (
        <ul className="card-surface divide-y divide-line">
          {feedback.map((f) => (
            <FeedbackItem key={`${f.answerId}-${f.givenAt.toISOString()}`} feedback={f} />
          ))}
        </ul>
      )}
    </section>
  );
}
