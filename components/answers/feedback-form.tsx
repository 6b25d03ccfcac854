"use client";

// A mentor's feedback on a mentee's shared answer: a comment, key points to suggest, a verdict.
import { sendFeedbackAction } from "@/app/decks/[deckKey]/answers/actions";
import { COMMENT_MAX, VERDICT_LABELS, VERDICTS, type Verdict } from "@/lib/answers/feedback-state";
import { ActionForm } from "../action-form";
import { TextAreaField } from "../form";

export interface FeedbackDraft {
  comment: string;
  suggestedPoints: string[];
  verdict: Verdict | null;
}

export function FeedbackForm({
  deckId,
  deckKey,
  answerId,
  given,
}: {
  deckId: string;
  deckKey: string;
  answerId: string;
  given: FeedbackDraft | null;
}) {
  return (
    <ActionForm action={sendFeedbackAction} hidden={{ deckId, deckKey, answerId }} className="space-y-4" success={() => "Feedback sent."}>
      {({ pending, errors, value }) => {
        const verdict = value("verdict", given?.verdict ?? "");
        return (
          <>
            <TextAreaField
              label="Comment"
              name="comment"
              rows={6}
              maxLength={COMMENT_MAX}
              defaultValue={value("comment", given?.comment ?? "")}
              hint="Markdown. What works, what an interviewer would miss."
              errors={errors("comment")}
            />
            <TextAreaField
              label="Suggested key points (one per line)"
              name="suggestedPoints"
              rows={3}
              defaultValue={value("suggestedPoints", given?.suggestedPoints.join("\n") ?? "")}
              errors={errors("suggestedPoints")}
            />
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium">Verdict</legend>
              <div className="flex flex-wrap gap-4 text-sm">
                {[...VERDICTS, ""].map((v) => (
                  <label key={v || "none"} className="flex items-center gap-1.5">
                    <input type="radio" name="verdict" value={v} defaultChecked={verdict === v} />
                    {v ? VERDICT_LABELS[v as Verdict] : "None"}
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? "Sending…" : "Send feedback"}
            </button>
          </>
        );
      }}
    </ActionForm>
  );
}
