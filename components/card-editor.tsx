"use client";

// The card editor: question, the answer's lead and key points, the details ("more") and tags, with a
// live preview: the details rendered by the server with the same Markdown renderer and code
// highlighting as the review screen.
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { addCardAction, previewMarkdownAction, updateCardAction } from "@/app/decks/actions";
import { KEY_POINTS_MAX, KEY_POINTS_MIN, LEAD_MAX_WORDS, wordCount, type Tag } from "@/lib/decks/schema";
import { TagPicker } from "./tag-picker";
import { ActionForm } from "./action-form";
import { TextAreaField } from "./form";
import { plural } from "@/lib/format";

function usePreview(text: string, question = false): ReactNode {
  const [preview, setPreview] = useState<ReactNode>(null);
  const [, startTransition] = useTransition();
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await previewMarkdownAction(null, { text, question });
        if (request === latest.current && result?.ok) setPreview(result.data);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, question]);
  return preview;
}

export function CardEditor({
  deckId,
  deckKey,
  card,
  tagSuggestions,
}: {
  deckId: string;
  deckKey: string;
  card?: { id: string; front: string; lead: string; keyPoints: string[]; back: string; tags: Tag[]; learners: number };
  /** The deck's tags, most used first (a new deck is offered the Python deck's). */
  tagSuggestions: string[];
}) {
  const [front, setFront] = useState(card?.front ?? "");
  const [lead, setLead] = useState(card?.lead ?? "");
  const [points, setPoints] = useState<string[]>(card?.keyPoints ?? []);
  const setPoint = (i: number, text: string) => setPoints((p) => p.map((old, j) => (j === i ? text : old)));
  const movePoint = (i: number, by: -1 | 1) =>
    setPoints((p) => {
      const next = [...p];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const [back, setBack] = useState(card?.back ?? "");
  const [newQuestion, setNewQuestion] = useState(false);
  // Controlled, so a failed save keeps what was typed and ticked.
  const [tags, setTags] = useState<Tag[]>(card?.tags ?? []);
  const preview = usePreview(back);
  const frontPreview = usePreview(front, true);
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
              hint={<>Markdown: `code` inline, and a code block under the question for &ldquo;what does this print?&rdquo; cards.</>}
              name="front"
              rows={2}
              value={front}
              onChange={(e) => setFront(e.target.value)}
              errors={errors("front")}
            />
            <TextAreaField
              id="card-lead"
              label={
                <>
                  Lead <span className="font-normal text-muted">(what to say first, at most {LEAD_MAX_WORDS} words)</span>
                </>
              }
              name="lead"
              rows={2}
              value={lead}
              onChange={(e) => setLead(e.target.value)}
              errors={errors("lead")}
            />
            <p className="-mt-3 text-right text-xs text-muted tabular-nums">
              {wordCount(lead)} / {LEAD_MAX_WORDS} words
            </p>
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium">
                Key points{" "}
                <span className="font-normal text-muted">
                  ({KEY_POINTS_MIN} to {KEY_POINTS_MAX}, short: what an interviewer listens for; learners tick them to grade)
                </span>
              </legend>
              {points.length === 0 && <p className="text-sm text-muted">No key points: learners grade on the whole answer.</p>}
              <ol className="space-y-2">
                {points.map((point, i) => (
                  <li key={i} className="flex items-center gap-2">
                    <span className="w-5 text-right text-xs text-muted tabular-nums">{i + 1}.</span>
                    <input
                      name="keyPoints"
                      value={point}
                      onChange={(e) => setPoint(i, e.target.value)}
                      onPaste={(e) => {
                        // A pasted list becomes one point per line.
                        const lines = e.clipboardData
                          .getData("text")
                          .split(/\r?\n/)
                          .map((l) => l.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "").trim())
                          .filter(Boolean);
                        if (lines.length < 2) return;
                        e.preventDefault();
                        setPoints((p) => [...p.slice(0, i), ...lines, ...p.slice(i + 1)].slice(0, KEY_POINTS_MAX));
                      }}
                      className="input min-w-0 flex-1"
                      aria-label={`Key point ${i + 1}`}
                    />
                    <button
                      type="button"
                      className="btn btn-ghost px-2"
                      onClick={() => movePoint(i, -1)}
                      disabled={i === 0}
                      aria-label={`Move key point ${i + 1} up`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost px-2"
                      onClick={() => movePoint(i, 1)}
                      disabled={i === points.length - 1}
                      aria-label={`Move key point ${i + 1} down`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost px-2"
                      onClick={() => setPoints((p) => p.filter((_, j) => j !== i))}
                      aria-label={`Remove key point ${i + 1}`}
                    >
                      ✕
                    </button>
                  </li>
                ))}
              </ol>
              {points.length < KEY_POINTS_MAX && (
                <button type="button" className="btn btn-ghost text-sm" onClick={() => setPoints((p) => [...p, ""])}>
                  Add a key point
                </button>
              )}
              {errors("keyPoints") && <p className="text-sm text-danger">{errors("keyPoints")![0]}</p>}
            </fieldset>
            <div>
              <TextAreaField
                id="card-back"
                label={
                  <>
                    {points.length || lead ? "More" : "Answer"}{" "}
                    <span className="font-normal text-muted">(Markdown; code blocks like ```python are highlighted)</span>
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
            <TagPicker tags={tags} onChange={setTags} suggestions={tagSuggestions} error={errors("tags")?.[0]} />
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
              <div className="text-xl font-semibold text-balance" data-testid="front-preview">
                {front ? (frontPreview ?? front) : <span className="text-muted">Your question</span>}
              </div>
              <div className="mt-6 space-y-5 border-t border-line pt-6" data-testid="card-preview">
                {lead && <div className="border-l-4 border-accent pl-4 text-lg">{lead}</div>}
                {points.some((p) => p.trim()) && (
                  <ol className="space-y-1.5">
                    {points
                      .filter((p) => p.trim())
                      .map((point, i) => (
                        <li key={i} className="flex items-start gap-3 rounded-lg border border-line px-3 py-2">
                          <span aria-hidden className="mt-0.5 text-muted">
                            ☐
                          </span>
                          <span>{point}</span>
                        </li>
                      ))}
                  </ol>
                )}
                {preview ?? <p className="text-muted">The answer appears here as you type.</p>}
              </div>
            </div>
          </section>
        </>
      )}
    </ActionForm>
  );
}
