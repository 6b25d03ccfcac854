"use client";

// The writing form of an own answer: the answer in Markdown and the learner's 3-5 key points, one
// per line; and deleting it, after a confirmation.
import { deleteOwnAnswerAction, saveOwnAnswerAction } from "@/app/decks/[deckKey]/cards/[cardSlug]/answer/actions";
import { OWN_POINTS_MAX, OWN_POINTS_MIN } from "@/lib/answers/schema";
import { ActionForm } from "../action-form";
import { TextAreaField } from "../form";

export interface OwnAnswerFormProps {
  cardId: string;
  deckKey: string;
  cardSlug: string;
  body: string;
  keyPoints: string;
  /** Where saving goes back to (a study session), if anywhere. */
  returnTo?: string;
  /** Whether an answer is saved already (then it can be deleted). */
  saved: boolean;
}

export function OwnAnswerForm({ cardId, deckKey, cardSlug, body, keyPoints, returnTo, saved }: OwnAnswerFormProps) {
  const ref = { cardId, deckKey, cardSlug, ...(returnTo && { returnTo }) };
  return (
    <div className="space-y-4">
      <ActionForm
        action={saveOwnAnswerAction}
        hidden={ref}
        className="space-y-4"
        success={(data) => (data.changed ? "Your answer is saved." : "Nothing changed since your last save.")}
      >
        {({ pending, errors, value }) => (
          <>
            <TextAreaField
              label="Your answer"
              name="body"
              rows={12}
              defaultValue={value("body", body)}
              errors={errors("body")}
              hint="Markdown works here, as on cards. Only you see it."
              required
            />
            <TextAreaField
              label={`Your key points (one per line, ${OWN_POINTS_MIN}-${OWN_POINTS_MAX})`}
              name="keyPoints"
              rows={5}
              defaultValue={value("keyPoints", keyPoints)}
              errors={errors("keyPoints")}
              hint="What you want to be sure to say: you tick these when you study the card."
              required
            />
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? "Saving…" : "Save answer"}
            </button>
          </>
        )}
      </ActionForm>
      {saved && (
        <ActionForm action={deleteOwnAnswerAction} hidden={ref} confirm="Delete your answer to this card, with its earlier versions?">
          {({ pending }) => (
            <button type="submit" className="btn text-danger" disabled={pending}>
              {pending ? "Deleting…" : "Delete answer"}
            </button>
          )}
        </ActionForm>
      )}
    </div>
  );
}
