"use client";

// Forms for writing decks: details, paste questions, card order and retiring, copy, delete, join, leave.
import { parsePaste, PASTE_SHAPE_LABEL } from "@/lib/transfer/paste";
import {
  copyDeckAction,
  createDeckAction,
  deleteDeckAction,
  importDeckAction,
  joinDeckAction,
  leaveDeckAction,
  moveCardAction,
  pasteQuestionsAction,
  previewPasteAction,
  retireCardAction,
  updateDeckAction,
} from "@/app/decks/actions";
import { ActionForm } from "./action-form";
import { Field, TextAreaField } from "./form";
import { plural } from "@/lib/format";
import { DECK_FILE_MAX_BYTES } from "@/lib/decks/schema";
import { useState, useTransition } from "react";

function DescriptionField({ defaultValue, errors }: { defaultValue?: string; errors?: string[] }) {
  return <TextAreaField label="Description" name="description" rows={3} defaultValue={defaultValue} errors={errors} />;
}

export function NewDeckForm() {
  return (
    <ActionForm action={createDeckAction} className="space-y-4">
      {({ pending, errors, value }) => (
        <>
          <Field label="Title" name="title" required maxLength={120} defaultValue={value("title")} errors={errors("title")} />
          <DescriptionField defaultValue={value("description")} errors={errors("description")} />
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? "Creating…" : "Create deck"}
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function DeckDetailsForm({
  deckId,
  deckKey,
  title,
  description,
}: {
  deckId: string;
  deckKey: string;
  title: string;
  description: string;
}) {
  return (
    <ActionForm action={updateDeckAction} hidden={{ deckId, deckKey }} className="space-y-4" success={() => "Saved."}>
      {({ pending, errors, value }) => (
        <>
          <Field label="Title" name="title" required defaultValue={value("title", title)} errors={errors("title")} />
          <DescriptionField defaultValue={value("description", description)} errors={errors("description")} />
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Saving…" : "Save details"}
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function PasteQuestionsForm({ deckId, deckKey }: { deckId: string; deckKey: string }) {
  const [text, setText] = useState("");
  const preview = text.trim() ? parsePaste(text) : null;
  return (
    <ActionForm
      action={pasteQuestionsAction}
      hidden={{ deckId, deckKey }}
      className="space-y-3"
      onSuccess={() => setText("")}
      success={(data) =>
        `Added ${plural(data.added, "card")}.${data.added > data.answered ? ` Fill in ${data.answered ? "the missing" : "their"} answers below.` : ""}`
      }
    >
      {({ pending }) => (
        <>
          <label htmlFor="paste-text" className="block text-sm font-medium">
            Paste questions
          </label>
          <p id="paste-hint" className="text-sm text-muted">
            One question per line, or a document with a bulleted list of questions (answers to fill in). With their answers:
            &ldquo;Q:&rdquo; and &ldquo;A:&rdquo; lines, two columns copied from a spreadsheet, or &ldquo;question? - answer&rdquo; on each
            line.
          </p>
          <textarea
            id="paste-text"
            name="text"
            rows={6}
            className="input font-mono text-sm"
            aria-describedby="paste-hint paste-preview"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div id="paste-preview" aria-live="polite" className="text-sm" data-testid="paste-preview">
            {preview &&
              (preview.ok ? (
                <>
                  <p>
                    {plural(preview.deck.cards.length, "card")} from {PASTE_SHAPE_LABEL[preview.shape]}:
                  </p>
                  <ol className="mt-1 space-y-1 text-muted">
                    {preview.deck.cards.slice(0, 5).map((card) => (
                      <li key={card.slug} className="truncate">
                        <span className="text-ink">{card.front}</span>
                        {card.back ? ` → ${card.back.split("\n")[0]}` : " (no answer yet)"}
                      </li>
                    ))}
                    {preview.deck.cards.length > 5 && <li>and {plural(preview.deck.cards.length - 5, "more")}</li>}
                  </ol>
                </>
              ) : (
                <ul className="text-danger">
                  {preview.errors.slice(0, 3).map((e) => (
                    <li key={`${e.line}-${e.message}`}>
                      Line {e.line}: {e.message}
                    </li>
                  ))}
                </ul>
              ))}
          </div>
          <RenderedPastePreview text={text} />
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Adding…" : "Add these questions"}
          </button>
        </>
      )}
    </ActionForm>
  );
}

type PastePreview = Awaited<ReturnType<typeof previewPasteAction>>;

/** The first cards rendered as they will show (code blocks, lists, line breaks), on request, before adding. */
function RenderedPastePreview({ text }: { text: string }) {
  const [shown, setShown] = useState<{ text: string; state: PastePreview } | null>(null);
  const [pending, startTransition] = useTransition();
  const state = shown?.text === text ? shown.state : null;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn btn-ghost"
        disabled={pending || !text.trim()}
        onClick={() => startTransition(async () => setShown({ text, state: await previewPasteAction(null, { text }) }))}
      >
        {pending ? "Rendering…" : "Show the cards rendered"}
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div className="space-y-3" data-testid="paste-rendered">
          <p className="text-sm text-muted">
            {plural(state.data.cards, "card")} from {state.data.shape}
            {state.data.cards > state.data.rendered.length && `; the first ${state.data.rendered.length} as they will show`}:
          </p>
          {state.data.rendered.map((card, i) => (
            <div key={i} className="card-surface space-y-2 p-3">
              {/* Rendered and made safe on the server (lib/markdown/render.ts), as every card is. */}
              <div
                className="card-question prose max-w-none prose-neutral dark:prose-invert"
                dangerouslySetInnerHTML={{ __html: card.front }}
              />
              {card.back ? (
                <div
                  className="prose max-w-none border-t border-line pt-2 text-sm prose-neutral dark:prose-invert"
                  dangerouslySetInnerHTML={{ __html: card.back }}
                />
              ) : (
                <p className="text-sm text-muted">No answer yet.</p>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function CardRowControls({
  deckId,
  deckKey,
  cardId,
  first,
  last,
}: {
  deckId: string;
  deckKey: string;
  cardId: string;
  first: boolean;
  last: boolean;
}) {
  return (
    <div className="flex items-center gap-1">
      {(["up", "down"] as const).map((direction) => (
        <ActionForm
          key={direction}
          action={moveCardAction}
          hidden={{ deckId, deckKey, cardId, direction }}
          // The row moved, and a moved element loses focus: put it back on this card's arrow (or the
          // other one, when this one is now disabled at the end of the list).
          onSuccess={() =>
            requestAnimationFrame(() => {
              const same = document.getElementById(`move-${direction}-${cardId}`) as HTMLButtonElement | null;
              const other = document.getElementById(`move-${direction === "up" ? "down" : "up"}-${cardId}`);
              (same && !same.disabled ? same : other)?.focus();
            })
          }
        >
          {({ pending }) => (
            <button
              type="submit"
              id={`move-${direction}-${cardId}`}
              className="btn btn-ghost px-2"
              disabled={(direction === "up" ? first : last) || pending}
              aria-label={direction === "up" ? "Move up" : "Move down"}
            >
              {direction === "up" ? "↑" : "↓"}
            </button>
          )}
        </ActionForm>
      ))}
      <ActionForm
        action={retireCardAction}
        hidden={{ deckId, deckKey, cardId }}
        confirm="Delete this card? It leaves the deck and everyone's study; learners keep their past reviews of it."
      >
        {({ pending }) => (
          <button type="submit" className="btn btn-ghost px-2 text-danger" disabled={pending}>
            Delete
          </button>
        )}
      </ActionForm>
    </div>
  );
}

export function DeleteDeckForm({ deckId, deckKey }: { deckId: string; deckKey: string }) {
  return (
    <ActionForm action={deleteDeckAction} hidden={{ deckId, deckKey }} className="space-y-3">
      {({ pending, errors }) => (
        <>
          <Field
            label='Type "delete" to delete this deck'
            name="confirm"
            autoComplete="off"
            errors={errors("confirm")}
            hint="It disappears for you, co-editors and mentees. Learners keep their review history."
          />
          <button type="submit" className="btn border-danger/40 text-danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete deck"}
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function CopyDeckButton({ deckId }: { deckId: string }) {
  return (
    <ActionForm action={copyDeckAction} hidden={{ deckId }}>
      {({ pending }) => (
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Copying…" : "Copy to my decks"}
        </button>
      )}
    </ActionForm>
  );
}

export function LeaveDeckButton({ deckId }: { deckId: string }) {
  return (
    <ActionForm
      action={leaveDeckAction}
      hidden={{ deckId }}
      confirm="Leave this deck? Your mentor will no longer see your progress on it. You keep your review history."
    >
      {({ pending }) => (
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Leaving…" : "Leave deck"}
        </button>
      )}
    </ActionForm>
  );
}

export function JoinDeckButton({ token, label = "Join and start studying" }: { token: string; label?: string }) {
  return (
    <ActionForm action={joinDeckAction} hidden={{ token }}>
      {({ pending }) => (
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Joining…" : label}
        </button>
      )}
    </ActionForm>
  );
}

/** The message when a deck file of this many bytes (UTF-8) is over the limit. */
function deckFileProblem(bytes: number): string | null {
  if (bytes <= DECK_FILE_MAX_BYTES) return null;
  return `This deck file is ${(bytes / 1_000_000).toFixed(1)} MB; a deck file is at most 2 MB.`;
}

export function ImportDeckForm() {
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  return (
    <ActionForm
      action={importDeckAction}
      className="space-y-3"
      check={(form) => {
        const text = (form.elements.namedItem("file") as HTMLTextAreaElement | null)?.value ?? "";
        return deckFileProblem(new TextEncoder().encode(text).length);
      }}
    >
      {({ pending, value }) => (
        <>
          <label htmlFor="deck-file" className="block text-sm font-medium">
            Deck file (Markdown)
          </label>
          <p id="deck-file-hint" className="text-sm text-muted">
            Paste a deck exported from Drill, or choose the file: a &ldquo;# Title&rdquo; line, then one &ldquo;## Question&rdquo; per card
            with its answer below.
          </p>
          <input
            type="file"
            accept=".md,.markdown,text/markdown,text/plain"
            aria-label="Choose a deck file"
            className="text-sm"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              const area = document.getElementById("deck-file") as HTMLTextAreaElement | null;
              if (!file || !area) return;
              const problem = deckFileProblem(file.size);
              setFileProblem(problem);
              area.value = problem ? "" : await file.text();
            }}
          />
          {fileProblem && (
            <p role="alert" className="text-sm text-danger">
              {fileProblem}
            </p>
          )}
          <textarea
            id="deck-file"
            name="file"
            rows={8}
            className="input font-mono text-sm"
            aria-describedby="deck-file-hint"
            defaultValue={value("file")}
          />
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Importing…" : "Import deck"}
          </button>
        </>
      )}
    </ActionForm>
  );
}
