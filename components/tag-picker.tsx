"use client";

// Tags as a combobox: type to filter the deck's own tags, Enter or comma adds (a new name creates a
// tag), each chosen tag is a chip with its own remove button. The chosen tags go with the form as
// repeated "tags" fields; the server checks each (lib/decks/schema.ts tagSchema).
import { useId, useState, type KeyboardEvent } from "react";

const MAX_TAGS = 6;

export function TagPicker({
  tags,
  onChange,
  suggestions,
  error,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  error?: string;
}) {
  const [text, setText] = useState("");
  const id = useId();
  const add = (raw: string) => {
    const tag = raw.trim().toLowerCase().replace(/\s+/g, "-").replace(/,+$/, "");
    if (tag && !tags.includes(tag) && tags.length < MAX_TAGS) onChange([...tags, tag]);
    setText("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(text);
    } else if (event.key === "Backspace" && !text && tags.length) onChange(tags.slice(0, -1));
  };
  const offered = suggestions.filter((s) => !tags.includes(s));
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Tags</legend>
      <p id={`${id}-hint`} className="mb-2 text-sm text-muted">
        Up to {MAX_TAGS}. Pick one of this deck&apos;s tags or type a new one, then Enter.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {tags.map((tag) => (
          <span key={tag} className="chip min-h-8 gap-1 border-accent text-accent">
            <input type="hidden" name="tags" value={tag} />
            {tag}
            <button type="button" className="px-1" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={`${id}-input`}
          className="input w-48 min-w-0 flex-1 sm:flex-none"
          list={`${id}-list`}
          value={text}
          onChange={(e) => {
            // Choosing from the list fills the whole name: add it at once.
            const value = e.target.value;
            if (offered.includes(value)) add(value);
            else setText(value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && add(text)}
          aria-label="Add a tag"
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          disabled={tags.length >= MAX_TAGS}
          placeholder={tags.length >= MAX_TAGS ? "Six tags chosen" : "Add a tag"}
        />
        <datalist id={`${id}-list`}>
          {offered.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      {error && <p className="mt-1 text-sm text-danger">{error}</p>}
    </fieldset>
  );
}
