"use client";

// The card editor: question, answer and tags, with a live preview rendered by the server with the
// same Markdown renderer and code highlighting as the review screen.
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { addCardAction, previewMarkdownAction, updateCardAction } from "@/app/decks/actions";
import { TAGS, type Tag } from "@/lib/decks/schema";
import { ActionForm } from "./action-form";
import { TextAreaField } from "./form";
import { plural } from "@/lib/format";

function usePreview(text: string): ReactNode {
  const [preview, setPreview] = useState<ReactNode>(null);
  const [, startTransition] = useTransition();
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await previewMarkdownAction(null, { text });
        if (request === latest.current && result?.ok) setPreview(result.data);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  return preview;
}

export function CardEditor({
  deckId,
  deckKey,
  card,
}: {
  deckId: string;
  deckKey: string;
  card?: { id: string; front: string; back: string; tags: Tag[]; learners: number };
}) {
  const [front, setFront] = useState(card?.front ?? "");
  const [back, setBack] = useState(card?.back ?? "");
  const [newQuestion, setNewQuestion] = useState(false);
  // Controlled, so a failed save keeps what was typed and ticked.
  const [tags, setTags] = useState<Tag[]>(card?.tags ?? []);
  const preview = usePreview(back);
  const action = card ? updateCardAction : addCardAction;
  const hidden: Record<string, string> = card ? { deckId, deckKey, cardId: card.id } : { deckId, deckKey };
  const resetWarning =
    card && card.learners > 0
      ? `Reset progress on this card for ${plural(card.learners, "learner")}? They will see it as a new card. Their past reviews stay in their history.`
      : undefined;

  return (
    <ActionForm action={action} hidden={hidden} className="grid gap-6 lg:grid-cols-2" confirm={newQuestion ? resetWarning : undefined}>
      {({ pending, errors }) => (
        <>
          <div className="space-y-4">
            <TextAreaField
              id="card-front"
              label="Question"
              name="front"
              rows={2}
              value={front}
              onChange={(e) => setFront(e.target.value)}
              errors={errors("front")}
            />
            <div>
              <TextAreaField
                id="card-back"
                label={
                  <>
                    Answer <span className="font-normal text-muted">(Markdown; code blocks like ```python are highlighted)</span>
                  </>
                }
                name="back"
                rows={14}
                value={back}
                onChange={(e) => setBack(e.target.value)}
                className="input font-mono text-sm"
                errors={errors("back")}
              />
              <p className="text-right text-xs text-muted tabular-nums">{back.length.toLocaleString()} / 20,000</p>
            </div>
            <fieldset>
              <legend className="mb-2 text-sm font-medium">Tags</legend>
              <div className="flex flex-wrap gap-2">
                {TAGS.map((tag) => (
                  <label key={tag} className="chip min-h-8 cursor-pointer gap-1.5 has-[:checked]:border-accent has-[:checked]:text-accent">
                    <input
                      type="checkbox"
                      name="tags"
                      value={tag}
                      checked={tags.includes(tag)}
                      onChange={(e) => setTags((t) => (e.target.checked ? [...t, tag] : t.filter((x) => x !== tag)))}
                      className="accent-[var(--color-accent)]"
                    />
                    {tag}
                  </label>
                ))}
              </div>
              {errors("tags") && <p className="mt-1 text-sm text-danger">{errors("tags")![0]}</p>}
            </fieldset>
            {card && (
              <label className="flex items-start gap-3 text-sm">
                <input
                  type="checkbox"
                  name="newQuestion"
                  checked={newQuestion}
                  onChange={(e) => setNewQuestion(e.target.checked)}
                  className="mt-1"
                />
                <span>
                  <strong>This edit changes what the question asks.</strong>{" "}
                  <span className="text-muted">
                    Learners&apos; progress on this card restarts (you&apos;ll be asked to confirm). Leave unticked for wording fixes and
                    better answers: everyone keeps their schedule.
                  </span>
                </span>
              </label>
            )}
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? "Saving…" : card ? "Save card" : "Add card"}
            </button>
          </div>
          <section aria-label="Preview" className="space-y-2">
            <h2 className="text-sm font-medium text-muted">Preview, as learners see it</h2>
            <div className="card-surface p-5 sm:p-8">
              <div className="text-xl font-semibold text-balance">{front || <span className="text-muted">Your question</span>}</div>
              <div className="mt-6 border-t border-line pt-6" data-testid="card-preview">
                {preview ?? <p className="text-muted">The answer appears here as you type.</p>}
              </div>
            </div>
          </section>
        </>
      )}
    </ActionForm>
  );
}
