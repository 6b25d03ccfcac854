"use client";

// Importing from Anki: choose a package, see what is in it (note types with their fields, the first
// card of each, tags, reviews), choose which field is the question and which the answer, then import,
// with the review history or without. The package goes to /api/import/anki (too big for an action).
import { plural } from "@/lib/format";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { AnkiPreview, FieldChoice } from "@/lib/transfer/anki-import";

interface ImportOptions {
  title: string;
  choices: Record<string, FieldChoice>;
  withHistory: boolean;
}

// XMLHttpRequest rather than fetch: it reports the upload's progress, which a large collection needs.
/** Sends the package to be read (preview) or imported; `onUploaded` gets the share sent, null once all of it is. */
function sendPackage(
  step: "preview" | "import",
  body: File,
  options: ImportOptions,
  onUploaded: (share: number | null) => void,
  importId: string,
): Promise<{ error?: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/import/anki${step === "preview" ? "?step=preview" : ""}`);
    request.setRequestHeader("content-type", "application/octet-stream");
    request.setRequestHeader("x-drill-import-id", importId);
    if (step === "import") request.setRequestHeader("x-drill-import", encodeURIComponent(JSON.stringify(options)));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploaded(event.loaded / event.total);
    };
    request.upload.onload = () => onUploaded(null);
    request.onload = () => {
      let json: { error?: string } = {};
      try {
        json = JSON.parse(request.responseText) as { error?: string };
      } catch {
        // Not JSON: say so below.
      }
      if (request.status >= 200 && request.status < 300) resolve(json);
      else reject(new Error(json.error ?? `The import failed (${request.status}).`));
    };
    request.onerror = () => reject(new Error("Couldn't reach the server. Check your connection and try again."));
    onUploaded(0);
    request.send(body);
  });
}

/** What is in the package: cards, reviews, tags, media. */
function PackageSummary({ preview }: { preview: AnkiPreview }) {
  return (
    <p className="text-sm">
      {preview.cards.toLocaleString("en")} cards, {preview.reviews.toLocaleString("en")} reviews
      {preview.tags.length > 0 && `, tags: ${preview.tags.map((t) => `${t.tag} (${t.notes})`).join(", ")}`}.
      {preview.images > 0 &&
        ` ${plural(preview.images, "image")} will be stored with the deck and shown on the cards (PNG, JPEG, GIF or WebP, up to 2 MB each).`}
      {preview.otherMedia > 0 && ` ${plural(preview.otherMedia, "other media file")} (sound, video) will be skipped.`}
    </p>
  );
}

type NoteType = AnkiPreview["noteTypes"][number];
type SetChoices = (change: (choices: Record<string, FieldChoice>) => Record<string, FieldChoice>) => void;

/** One note type: which field is the question and which the answer, with its first card. */
function NoteTypeChoice({ type, choices, setChoices }: { type: NoteType; choices: Record<string, FieldChoice>; setChoices: SetChoices }) {
  return (
    <fieldset className="card-surface space-y-3 p-4">
      <legend className="px-1 text-sm font-semibold">
        {type.name} ({plural(type.notes, "note")}
        {type.cloze ? ", cloze" : ""})
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {(["question", "answer"] as const).map((side) => (
          <label key={side} className="space-y-1 text-sm">
            <span className="block font-medium">{side === "question" ? "Question from" : type.cloze ? "Extra from" : "Answer from"}</span>
            <select
              className="input"
              aria-label={`${type.name}: ${side} field`}
              value={choices[type.id]?.[side] ?? 0}
              onChange={(e) => setChoices((c) => ({ ...c, [type.id]: { ...(c[type.id] ?? type.choice), [side]: Number(e.target.value) } }))}
            >
              {type.fields.map((f, i) => (
                <option key={f} value={i}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {type.sample && (
        <div className="text-sm text-muted">
          First card: <span className="text-foreground">{type.sample.question}</span>
        </div>
      )}
    </fieldset>
  );
}

/** What the server says of an import while it runs (waiting its turn, its step, seconds so far); null when it doesn't know. */
function useServerProgress(importId: string, active: boolean): { stage: string; seconds: number } | null {
  const [progress, setProgress] = useState<{ stage: string; seconds: number } | null>(null);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      fetch(`/api/import/anki?progress=${importId}`)
        .then((response) => (response.ok ? (response.json() as Promise<{ stage: string; seconds: number } | null>) : null))
        .then(setProgress, () => setProgress(null));
    }, 1000);
    return () => {
      clearInterval(timer);
      setProgress(null);
    };
  }, [importId, active]);
  return progress;
}

/** The upload's progress, then the server writing the cards. */
function ImportProgress({ uploaded, server }: { uploaded: number | null; server: { stage: string; seconds: number } | null }) {
  return (
    <div className="space-y-1" data-testid="import-progress">
      <div
        role="progressbar"
        aria-label="Importing"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={uploaded === null ? undefined : Math.round(uploaded * 100)}
        aria-valuetext={uploaded === null ? "Writing the cards and their history" : `Uploading: ${Math.round(uploaded * 100)}%`}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        <div
          className={`h-full rounded-full bg-accent transition-[width] ${uploaded === null ? "animate-pulse" : ""}`}
          style={{ width: `${uploaded === null ? 100 : Math.max(2, uploaded * 100)}%` }}
        />
      </div>
      <p className="text-xs text-muted">
        {uploaded !== null
          ? `Uploading: ${Math.round(uploaded * 100)}%`
          : server
            ? `${server.stage}… (${server.seconds} s; all or nothing)`
            : "Uploaded. Writing the cards and replaying their history through FSRS (all or nothing)…"}
      </p>
    </div>
  );
}

/** Choose the package; reading it, or why it couldn't be read. */
function PackagePicker({
  reading,
  server,
  error,
  onChoose,
}: {
  reading: boolean;
  server: { stage: string; seconds: number } | null;
  error: string | null;
  onChoose: (file: File | null) => void;
}) {
  return (
    <div className="space-y-2">
      <label htmlFor="anki-file" className="block text-sm font-medium">
        Anki package (.apkg or .colpkg)
      </label>
      <input
        id="anki-file"
        type="file"
        accept=".apkg,.colpkg"
        className="text-sm"
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
      {reading && (
        <p className="text-sm text-muted" role="status">
          {server ? `${server.stage}… (${server.seconds} s)` : "Reading the package…"}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger" data-testid="anki-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function AnkiImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<AnkiPreview | null>(null);
  const [choices, setChoices] = useState<Record<string, FieldChoice>>({});
  const [title, setTitle] = useState("From Anki");
  const [withHistory, setWithHistory] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"reading" | "importing" | null>(null);
  // The upload's share sent (0 to 1); null once it is all sent and the server is writing the cards.
  const [uploaded, setUploaded] = useState<number | null>(0);
  // Names this page's import, so the server can say how far it got (lib/transfer/off-thread.ts).
  const [importId] = useState(() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);
  const server = useServerProgress(importId, busy !== null);
  const send = (step: "preview" | "import", body: File) => sendPackage(step, body, { title, choices, withHistory }, setUploaded, importId);

  async function read(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setError(null);
    if (!chosen) return;
    setBusy("reading");
    try {
      const read = (await send("preview", chosen)) as unknown as AnkiPreview;
      setPreview(read);
      setChoices(Object.fromEntries(read.noteTypes.map((t) => [t.id, t.choice])));
    } catch (err) {
      setError(err instanceof Error ? err.message : "That package couldn't be read.");
    } finally {
      setBusy(null);
    }
  }

  async function importPackage(file: File) {
    setBusy("importing");
    setError(null);
    try {
      const result = (await send("import", file)) as { editHref: Route };
      router.push(result.editHref);
    } catch (err) {
      setError(err instanceof Error ? err.message : "The import failed.");
      setBusy(null);
    }
  }

  return (
    <div className="space-y-4">
      <PackagePicker reading={busy === "reading"} server={server} error={error} onChoose={(chosen) => void read(chosen)} />

      {preview && file && (
        <div className="space-y-4" data-testid="anki-preview">
          <PackageSummary preview={preview} />
          {preview.noteTypes.map((type) => (
            <NoteTypeChoice key={type.id} type={type} choices={choices} setChoices={setChoices} />
          ))}
          <label className="block space-y-1 text-sm">
            <span className="block font-medium">Deck title</span>
            <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={withHistory} onChange={(e) => setWithHistory(e.target.checked)} className="size-4" />
            Bring my review history (each card continues where Anki left off)
          </label>
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void importPackage(file)}>
            {busy === "importing" ? "Importing…" : `Import ${preview.cards.toLocaleString("en")} cards`}
          </button>
          {busy === "importing" && <ImportProgress uploaded={uploaded} server={server} />}
        </div>
      )}
    </div>
  );
}
