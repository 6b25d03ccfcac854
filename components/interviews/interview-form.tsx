"use client";

// Adding or editing an interview: what it is, when (in the learner's own time zone), which decks and
// tags it covers, and the share of those cards to recall on the day.
import { useState } from "react";
import { createInterviewAction, updateInterviewAction } from "@/app/interviews/actions";
import type { ScopeChoice } from "@/lib/interviews/interviews";
import { ActionForm } from "../action-form";
import { Field } from "../form";

export interface InterviewFormValues {
  label: string;
  date: string;
  time: string;
  timeZone: string;
  deckIds: string[];
  tags: string[];
  targetPercent: number;
}

const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

function DeckChoices({
  choices,
  deckIds,
  onToggle,
  errors,
}: {
  choices: ScopeChoice[];
  deckIds: string[];
  onToggle: (deckId: string, on: boolean) => void;
  errors: string[] | undefined;
}) {
  return (
    <fieldset aria-describedby={errors ? "deckIds-error" : undefined}>
      <legend className="mb-2 text-sm font-medium">Decks to be ready on</legend>
      {choices.length === 0 && <p className="text-sm text-muted">Start studying a deck first: an interview covers decks you study.</p>}
      <div className="flex flex-wrap gap-2">
        {choices.map((deck) => (
          <label key={deck.id} className="chip min-h-8 cursor-pointer gap-1.5 has-[:checked]:border-accent has-[:checked]:text-accent">
            <input
              type="checkbox"
              name="deckIds"
              value={deck.id}
              checked={deckIds.includes(deck.id)}
              onChange={(e) => onToggle(deck.id, e.target.checked)}
              className="accent-[var(--color-accent)]"
            />
            {deck.title}
          </label>
        ))}
      </div>
      {errors && (
        <p id="deckIds-error" className="mt-1 text-sm text-danger">
          {errors[0]}
        </p>
      )}
    </fieldset>
  );
}

function TagChoices({
  tagChoices,
  tags,
  onToggle,
  errors,
}: {
  tagChoices: string[];
  tags: string[];
  onToggle: (tag: string, on: boolean) => void;
  errors: string[] | undefined;
}) {
  return (
    <fieldset aria-describedby={errors ? "tags-error" : undefined}>
      <legend className="mb-2 text-sm font-medium">
        Only these tags <span className="font-normal text-muted">(optional: none ticked means every card of the decks)</span>
      </legend>
      <div className="flex flex-wrap gap-2">
        {tagChoices.map((tag) => (
          <label key={tag} className="chip min-h-8 cursor-pointer gap-1.5 has-[:checked]:border-accent has-[:checked]:text-accent">
            <input
              type="checkbox"
              name="tags"
              value={tag}
              checked={tags.includes(tag)}
              onChange={(e) => onToggle(tag, e.target.checked)}
              className="accent-[var(--color-accent)]"
            />
            {tag}
          </label>
        ))}
      </div>
      {errors && (
        <p id="tags-error" className="mt-1 text-sm text-danger">
          {errors[0]}
        </p>
      )}
    </fieldset>
  );
}

export function InterviewForm({
  choices,
  initial,
  interviewId,
}: {
  choices: ScopeChoice[];
  initial: InterviewFormValues;
  interviewId?: string;
}) {
  const [deckIds, setDeckIds] = useState(initial.deckIds);
  const [tags, setTags] = useState(initial.tags);
  const tagChoices = [...new Set(choices.filter((d) => deckIds.includes(d.id)).flatMap((d) => d.tags))].sort();

  return (
    <ActionForm
      action={interviewId ? updateInterviewAction : createInterviewAction}
      hidden={interviewId ? { interviewId } : {}}
      className="space-y-5"
    >
      {({ pending, errors, value }) => (
        <>
          <Field
            label="Interview"
            name="label"
            defaultValue={value("label", initial.label)}
            placeholder="Acme, backend engineer"
            errors={errors("label")}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Date" name="date" type="date" defaultValue={value("date", initial.date)} errors={errors("date")} />
            <Field label="Time" name="time" type="time" defaultValue={value("time", initial.time)} errors={errors("time")} />
            <Field label="Time zone" name="timeZone" defaultValue={value("timeZone", initial.timeZone)} errors={errors("timeZone")} />
          </div>
          <DeckChoices
            choices={choices}
            deckIds={deckIds}
            onToggle={(deckId, on) => setDeckIds((d) => toggle(d, deckId, on))}
            errors={errors("deckIds")}
          />
          {tagChoices.length > 0 && (
            <TagChoices
              tagChoices={tagChoices}
              tags={tags}
              onToggle={(tag, on) => setTags((t) => toggle(t, tag, on))}
              errors={errors("tags")}
            />
          )}
          <Field
            label="Target: share of these cards to recall on the day (%)"
            name="targetPercent"
            type="number"
            min="50"
            max="99"
            defaultValue={value("targetPercent", String(initial.targetPercent))}
            errors={errors("targetPercent")}
            hint="90% is a good aim: higher costs many more reviews."
          />
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? "Saving…" : interviewId ? "Save interview" : "Add interview"}
          </button>
        </>
      )}
    </ActionForm>
  );
}
