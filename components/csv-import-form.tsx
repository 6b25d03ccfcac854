"use client";

// Importing questions from a spreadsheet (CSV or TSV, uploaded or pasted): a preview of the first rows
// with a column mapping (question, answer, tags, ...), then the import. Errors name their lines.
import { useState } from "react";
import { importCsvAction, importCsvIntoDeckAction, previewCsvAction } from "@/app/decks/actions";
import { CSV_FIELD_LABELS, CSV_FIELDS, type CsvField, type CsvMapping } from "@/lib/transfer/csv-fields";
import type { CsvPreview } from "@/lib/transfer/transfer";
import { plural } from "@/lib/format";
import { ActionForm, type FormAction } from "./action-form";

/** The refusal's line-numbered problems, one per line. */
function LineErrors({ errors }: { errors: string[] | undefined }) {
  if (!errors) return null;
  return (
    <ul className="space-y-0.5 text-sm text-danger" data-testid="csv-errors">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type ColumnName = (index: number) => string;

/** For each field (question, answer, tags…), the column it comes from. */
function ColumnMapping({
  preview,
  mapping,
  setMapping,
  columnName,
}: {
  preview: CsvPreview;
  mapping: CsvMapping;
  setMapping: (change: (mapping: CsvMapping) => CsvMapping) => void;
  columnName: ColumnName;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {CSV_FIELDS.map((field: CsvField) => (
        <label key={field} className="space-y-1 text-sm">
          <span className="block font-medium">
            {CSV_FIELD_LABELS[field]}
            {field === "question" && " (required)"}
          </span>
          <select
            className="input"
            value={mapping[field] ?? ""}
            onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value === "" ? undefined : Number(e.target.value) }))}
          >
            <option value="">(none)</option>
            {Array.from({ length: preview.columns }, (_, i) => (
              <option key={i} value={i}>
                {columnName(i)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

/** The first rows as they were read. */
function SampleRows({ preview, columnName }: { preview: CsvPreview; columnName: ColumnName }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="csv-preview">
        <thead>
          <tr className="text-muted">
            {Array.from({ length: preview.columns }, (_, i) => (
              <th key={i} className="p-2 font-medium">
                {columnName(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row, r) => (
            <tr key={r} className="border-t border-line align-top">
              {row.map((cell, c) => (
                <td key={c} className="max-w-60 truncate p-2 whitespace-pre-line" title={cell}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The paste box (or file), read into a preview when submitted. */
function CsvInput({
  text,
  onText,
  onType,
  added,
  onPreview,
}: {
  text: string;
  /** A file chosen: its text goes in the box. */
  onText: (text: string) => void;
  /** Typing in the box. */
  onType: (text: string) => void;
  added: string | null;
  onPreview: (preview: CsvPreview | null) => void;
}) {
  return (
    <ActionForm
      action={async (prev: Parameters<typeof previewCsvAction>[0], data: FormData) => {
        const result = await previewCsvAction(prev, data);
        onPreview(result?.ok ? result.data : null);
        return result;
      }}
      className="space-y-3"
    >
      {({ pending, errors }) => (
        <>
          {added && (
            <p role="status" className="text-sm text-success">
              {added}
            </p>
          )}
          <label htmlFor="csv-text" className="block text-sm font-medium">
            CSV or TSV
          </label>
          <p id="csv-hint" className="text-sm text-muted">
            One question per row, with a header row naming the columns (question, answer, tags…) or without one. Paste it, or choose the
            file.
          </p>
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-label="Choose a CSV or TSV file"
            className="text-sm"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) onText(await file.text());
            }}
          />
          <textarea
            id="csv-text"
            name="text"
            rows={6}
            className="input font-mono text-sm"
            aria-describedby="csv-hint"
            value={text}
            onChange={(e) => onType(e.target.value)}
          />
          <LineErrors errors={errors("text")} />
          <button type="submit" className="btn" disabled={pending || !text.trim()}>
            {pending ? "Reading…" : "Preview"}
          </button>
        </>
      )}
    </ActionForm>
  );
}

/** CSV into a new deck, or (`into`) added to a deck the user edits. */
export function ImportCsvForm({ into }: { into?: { deckId: string; deckKey: string } }) {
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [added, setAdded] = useState<string | null>(null);
  const columnName = (i: number) => preview?.header?.[i] || `Column ${i + 1}`;

  return (
    <div className="space-y-4">
      <CsvInput
        text={text}
        added={added}
        onText={setText}
        onType={(typed) => {
          setText(typed);
          setAdded(null);
          setPreview(null);
        }}
        onPreview={(read) => {
          setPreview(read);
          if (read) setMapping(read.mapping);
        }}
      />
      {preview && (
        <ActionForm
          // Into a new deck the action redirects to it (it never returns data); into this deck it says how many.
          action={(into ? importCsvIntoDeckAction : importCsvAction) as FormAction<{ added: number }>}
          hidden={{ text, mapping: JSON.stringify(mapping), ...(into ?? {}) }}
          className="space-y-4"
          // The preview closes once the rows are in, so the message lives beside the paste box.
          onSuccess={(data) => {
            setAdded(`Added ${plural(data.added, "card")} to this deck.`);
            setText("");
            setPreview(null);
          }}
        >
          {({ pending, errors }) => (
            <>
              <p className="text-sm" data-testid="csv-preview-summary">
                {plural(preview.rows, "row")}, {plural(preview.columns, "column")}
                {preview.header ? ", with a header row" : ", no header row"}. Choose what each column holds:
              </p>
              <ColumnMapping preview={preview} mapping={mapping} setMapping={setMapping} columnName={columnName} />
              <SampleRows preview={preview} columnName={columnName} />
              {!into && (
                <label className="block space-y-1 text-sm">
                  <span className="block font-medium">Deck title</span>
                  <input name="title" className="input" defaultValue="Imported questions" />
                </label>
              )}
              <LineErrors errors={errors("text")} />
              <button type="submit" className="btn btn-primary" disabled={pending}>
                {pending
                  ? "Importing…"
                  : into
                    ? `Add ${plural(preview.rows, "card")} to this deck`
                    : `Import ${plural(preview.rows, "card")}`}
              </button>
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}
