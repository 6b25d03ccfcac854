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

type SetPoints = (change: (points: string[]) => string[]) => void;

/** A pasted list becomes one key point per line (bullets and numbers dropped); null for one line. */
function pastedPoints(text: string): string[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "").trim())
    .filter(Boolean);
  return lines.length < 2 ? null : lines;
}

/** One key point: its text, move up or down, remove. */
function KeyPointRow({ point, i, count, setPoints }: { point: string; i: number; count: number; setPoints: SetPoints }) {
  const move = (by: -1 | 1) =>
    setPoints((p) => {
      const next = [...p];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  return (
    <li className="flex items-center gap-2">
      <span className="w-5 text-right text-xs text-muted tabular-nums">{i + 1}.</span>
      <input
        name="keyPoints"
        value={point}
        onChange={(e) => setPoints((p) => p.map((old, j) => (j === i ? e.target.value : old)))}
        onPaste={(e) => {
          const lines = pastedPoints(e.clipboardData.getData("text"));
          if (!lines) return;
          e.preventDefault();
          setPoints((p) => [...p.slice(0, i), ...lines, ...p.slice(i + 1)].slice(0, KEY_POINTS_MAX));
        }}
        className="input min-w-0 flex-1"
        aria-label={`Key point ${i + 1}`}
      />
      <button
        type="button"
        className="btn btn-ghost px-2"
        onClick={() => move(-1)}
        disabled={i === 0}
        aria-label={`Move key point ${i + 1} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn-ghost px-2"
        onClick={() => move(1)}
        disabled={i === count - 1}
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
  );
}

function KeyPointsEditor({ points, setPoints, error }: { points: string[]; setPoints: SetPoints; error?: string }) {
  return (
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
          <KeyPointRow key={i} point={point} i={i} count={points.length} setPoints={setPoints} />
        ))}
      </ol>
      {points.length < KEY_POINTS_MAX && (
        <button type="button" className="btn btn-ghost text-sm" onClick={() => setPoints((p) => [...p, ""])}>
          Add a key point
        </button>
      )}
      {error && <p className="text-sm text-danger">{error}</p>}
    </fieldset>
  );
}

/** "Answer in your own words": the answer part becomes guidance, and each learner writes their own. */
function OwnAnswerToggle({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-3 text-sm">
      <input type="checkbox" name="ownAnswer" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-1" />
      <span>
        <strong>Answer in your own words</strong>{" "}
        <span className="text-muted">
          (for behavioural questions): what you write below is guidance; each learner writes their own answer, with the STAR parts as their
          key points until they write their own.
        </span>
      </span>
    </label>
  );
}

function NewQuestionToggle({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-3 text-sm">
      <input type="checkbox" name="newQuestion" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-1" />
      <span>
        <strong>This edit changes what the question asks.</strong>{" "}
        <span className="text-muted">
          Learners&apos; progress on this card restarts (you&apos;ll be asked to confirm). Leave unticked for wording fixes and better
          answers: everyone keeps their schedule.
        </span>
      </span>
    </label>
  );
}

interface PreviewProps {
  front: string;
  frontPreview: ReactNode;
  lead: string;
  points: string[];
  backPreview: ReactNode;
}

/** The card as learners see it once revealed. */
function CardPreview({ front, frontPreview, lead, points, backPreview }: PreviewProps) {
  return (
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
          {backPreview ?? <p className="text-muted">The answer appears here as you type.</p>}
        </div>
      </div>
    </section>
  );
}

/** The details ("more"), or the whole answer when there is no lead or key point. */
function DetailsField({
  value,
  onChange,
  hasLead,
  errors,
}: {
  value: string;
  onChange: (text: string) => void;
  hasLead: boolean;
  errors?: string[];
}) {
  return (
    <div>
      <TextAreaField
        id="card-back"
        label={
          <>
            {hasLead ? "More" : "Answer"}{" "}
            <span className="font-normal text-muted">(Markdown; code blocks like ```python are highlighted)</span>
          </>
        }
        name="back"
        rows={14}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="input font-mono text-sm"
        errors={errors}
      />
      <p className="text-right text-xs text-muted tabular-nums">{value.length.toLocaleString()} / 20,000</p>
    </div>
  );
}

type EditedCard = {
  id: string;
  front: string;
  lead: string;
  keyPoints: string[];
  back: string;
  ownAnswer: boolean;
  tags: Tag[];
  learners: number;
};

/** Asked before saving an edit that restarts learners' progress (null: no one has any). */
function resetWarningFor(card: EditedCard | undefined): string | undefined {
  return card && card.learners > 0
    ? `Reset progress on this card for ${plural(card.learners, "learner")}? They will see it as a new card. Their past reviews stay in their history.`
    : undefined;
}

export function CardEditor({
  deckId,
  deckKey,
  card,
  tagSuggestions,
}: {
  deckId: string;
  deckKey: string;
  card?: EditedCard;
  /** The deck's tags, most used first (a new deck is offered the Python deck's). */
  tagSuggestions: string[];
}) {
  const [front, setFront] = useState(card?.front ?? "");
  const [lead, setLead] = useState(card?.lead ?? "");
  const [points, setPoints] = useState<string[]>(card?.keyPoints ?? []);
  const [back, setBack] = useState(card?.back ?? "");
  const [newQuestion, setNewQuestion] = useState(false);
  const [ownAnswer, setOwnAnswer] = useState(card?.ownAnswer ?? false);
  // Controlled, so a failed save keeps what was typed and ticked.
  const [tags, setTags] = useState<Tag[]>(card?.tags ?? []);
  const preview = usePreview(back);
  const frontPreview = usePreview(front, true);
  const action = card ? updateCardAction : addCardAction;
  const hidden: Record<string, string> = card ? { deckId, deckKey, cardId: card.id } : { deckId, deckKey };

  return (
    <ActionForm
      action={action}
      hidden={hidden}
      className="grid gap-6 lg:grid-cols-2"
      confirm={newQuestion ? resetWarningFor(card) : undefined}
    >
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
            <KeyPointsEditor points={points} setPoints={setPoints} error={errors("keyPoints")?.[0]} />
            <DetailsField value={back} onChange={setBack} hasLead={points.length > 0 || Boolean(lead)} errors={errors("back")} />
            <TagPicker tags={tags} onChange={setTags} suggestions={tagSuggestions} error={errors("tags")?.[0]} />
            <OwnAnswerToggle checked={ownAnswer} onChange={setOwnAnswer} />
            {card && <NewQuestionToggle checked={newQuestion} onChange={setNewQuestion} />}
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? "Saving…" : card ? "Save card" : "Add card"}
            </button>
          </div>
          <CardPreview front={front} frontPreview={frontPreview} lead={lead} points={points} backPreview={preview} />
        </>
      )}
    </ActionForm>
  );
}
