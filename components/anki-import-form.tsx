"use client";

// Importing from Anki: choose a package, see what is in it (note types with the cards each template
// makes, tags, reviews, its deck and subdecks), choose how cards are made (from their templates, or
// which field is the question and which the answer), the deck's title, subdecks as tags or decks,
// then import, with the review history (keeping Anki's dates, or rescheduled) or without; then what
// the import did. The package goes to /api/import/anki (too big for an action).
import { plural } from "@/lib/format";
import type { Route } from "next";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { AnkiImportOptions, AnkiImportResult, AnkiPreview, FieldChoice } from "@/lib/transfer/anki-import";
import { importSummary, titleInUse } from "@/lib/transfer/anki-summary";

type ImportOptions = Required<AnkiImportOptions>;
/** The preview as the route sends it: with the titles of the learner's own decks. */
type PackagePreview = AnkiPreview & { deckTitles: string[] };

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
      {preview.suspended > 0 && ` ${plural(preview.suspended, "card")} suspended in Anki will stay suspended.`}
      {preview.leeches > 0 &&
        ` ${plural(preview.leeches, "note")} tagged leech in Anki: the tag isn't made a topic; a leech Anki suspended stays suspended.`}
    </p>
  );
}

type NoteType = AnkiPreview["noteTypes"][number];
type SetChoices = (change: (choices: Record<string, FieldChoice>) => Record<string, FieldChoice>) => void;

/** The cards each of a note type's templates makes, and those left out because their front would be empty. */
function TemplateCounts({ type }: { type: NoteType }) {
  return (
    <ul className="text-sm" aria-label={`${type.name}: cards by template`}>
      {type.cardsByTemplate.map((t) => (
        <li key={t.ord}>
          {t.name}: {plural(t.cards, "card")}
          {t.empty > 0 && (
            <span className="text-muted">
              {" "}
              ({t.empty.toLocaleString("en")} left out: the front would be empty, so Anki doesn&apos;t make it)
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One note type: cards from their Anki templates, or which field is the question and which the answer; with its first card. */
function NoteTypeChoice({ type, choices, setChoices }: { type: NoteType; choices: Record<string, FieldChoice>; setChoices: SetChoices }) {
  const fromTemplates = choices[type.id]?.fromTemplates ?? false;
  return (
    <fieldset className="card-surface space-y-3 p-4">
      <legend className="px-1 text-sm font-semibold">
        {type.name} ({plural(type.notes, "note")}
        {type.cloze ? ", cloze" : ""})
      </legend>
      {type.cardsByTemplate.length > 0 && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={fromTemplates}
            onChange={(e) => setChoices((c) => ({ ...c, [type.id]: { ...(c[type.id] ?? type.choice), fromTemplates: e.target.checked } }))}
          />
          Make each card from its Anki template
        </label>
      )}
      {fromTemplates ? (
        <TemplateCounts type={type} />
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {(["question", "answer"] as const).map((side) => (
            <label key={side} className="space-y-1 text-sm">
              <span className="block font-medium">{side === "question" ? "Question from" : type.cloze ? "Extra from" : "Answer from"}</span>
              <select
                className="input"
                aria-label={`${type.name}: ${side} field`}
                value={choices[type.id]?.[side] ?? 0}
                onChange={(e) =>
                  setChoices((c) => ({ ...c, [type.id]: { ...(c[type.id] ?? type.choice), [side]: Number(e.target.value) } }))
                }
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
      )}
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

/** Subdecks as tags on one deck or as decks of their own, with the subdecks the package holds. */
function SubdeckChoice({
  preview,
  subdecks,
  onChange,
}: {
  preview: PackagePreview;
  subdecks: ImportOptions["subdecks"];
  onChange: (v: ImportOptions["subdecks"]) => void;
}) {
  const named = preview.deck.subdecks.filter((d) => d.path);
  return (
    <fieldset className="space-y-1 text-sm">
      <legend className="font-medium">
        Subdecks ({named.map((d) => `${d.path.replaceAll("::", " / ")}: ${plural(d.cards, "card")}`).join(", ")})
      </legend>
      <label className="flex items-center gap-2">
        <input type="radio" name="subdecks" className="size-4" checked={subdecks === "tags"} onChange={() => onChange("tags")} />
        One deck, each card tagged with its subdeck
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="subdecks" className="size-4" checked={subdecks === "decks"} onChange={() => onChange("decks")} />A deck
        for each subdeck
      </label>
    </fieldset>
  );
}

/** Whether to bring the history, and with it whether cards keep Anki's dates or FSRS reschedules them. */
function HistoryChoice({ options, set }: { options: ImportOptions; set: (change: Partial<ImportOptions>) => void }) {
  return (
    <fieldset className="space-y-1 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={options.withHistory} onChange={(e) => set({ withHistory: e.target.checked })} className="size-4" />
        Bring my review history
      </label>
      <div className="space-y-1 pl-6">
        {SCHEDULES.map(([schedule, label]) => (
          <label key={schedule} className="flex items-center gap-2">
            <input
              type="radio"
              name="schedule"
              className="size-4"
              disabled={!options.withHistory}
              checked={options.schedule === schedule}
              onChange={() => set({ schedule })}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The two ways an imported history can schedule the cards, with what each radio says. */
const SCHEDULES: [ImportOptions["schedule"], string][] = [
  ["keep", "Keep Anki's due dates (FSRS learns each card's memory from its history)"],
  ["reschedule", "Reschedule every card with FSRS from its history"],
];

/** What the import did, and the way to the deck. */
function ImportDone({ result }: { result: AnkiImportResult & { editHref: Route } }) {
  return (
    <div role="status" className="card-surface space-y-2 p-4 text-sm" data-testid="anki-result">
      {importSummary(result).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <Link href={result.editHref} className="btn btn-primary">
        Open the deck
      </Link>
    </div>
  );
}

/** The new deck's title, with a warning when one of the learner's decks already has it. */
function DeckTitle({ title, taken, onChange }: { title: string; taken: string[]; onChange: (title: string) => void }) {
  return (
    <>
      <label className="block space-y-1 text-sm">
        <span className="block font-medium">Deck title</span>
        <input className="input" value={title} onChange={(e) => onChange(e.target.value)} />
      </label>
      {titleInUse(title, taken) && (
        <p className="text-sm text-warn" data-testid="title-warning">
          You already have a deck titled &ldquo;{title.trim()}&rdquo;. Choose another title to tell them apart (a package imported before
          adds its new cards to its own deck either way).
        </p>
      )}
    </>
  );
}

export function AnkiImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PackagePreview | null>(null);
  const [options, setOptions] = useState<ImportOptions>({
    title: "From Anki",
    choices: {},
    withHistory: true,
    subdecks: "tags",
    schedule: "keep",
  });
  const set = (change: Partial<ImportOptions>) => setOptions((o) => ({ ...o, ...change }));
  const setChoices: SetChoices = (change) => setOptions((o) => ({ ...o, choices: change(o.choices) }));
  const [result, setResult] = useState<(AnkiImportResult & { editHref: Route }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"reading" | "importing" | null>(null);
  // The upload's share sent (0 to 1); null once it is all sent and the server is writing the cards.
  const [uploaded, setUploaded] = useState<number | null>(0);
  // Names this page's import, so the server can say how far it got (lib/transfer/off-thread.ts).
  const [importId] = useState(() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);
  const server = useServerProgress(importId, busy !== null);
  const send = (step: "preview" | "import", body: File) => sendPackage(step, body, options, setUploaded, importId);

  async function read(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setResult(null);
    setError(null);
    if (!chosen) return;
    setBusy("reading");
    try {
      const read = (await send("preview", chosen)) as unknown as PackagePreview;
      setPreview(read);
      set({ title: read.deck.name ?? "From Anki", choices: Object.fromEntries(read.noteTypes.map((t) => [t.id, t.choice])) });
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
      setResult((await send("import", file)) as unknown as AnkiImportResult & { editHref: Route });
      setPreview(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : "The import failed.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-4">
      <PackagePicker reading={busy === "reading"} server={server} error={error} onChoose={(chosen) => void read(chosen)} />
      {result && <ImportDone result={result} />}
      {preview && file && (
        <div className="space-y-4" data-testid="anki-preview">
          <PackageSummary preview={preview} />
          {preview.noteTypes.map((type) => (
            <NoteTypeChoice key={type.id} type={type} choices={options.choices} setChoices={setChoices} />
          ))}
          <DeckTitle title={options.title} taken={preview.deckTitles} onChange={(title) => set({ title })} />
          {preview.deck.subdecks.some((d) => d.path) && (
            <SubdeckChoice preview={preview} subdecks={options.subdecks} onChange={(subdecks) => set({ subdecks })} />
          )}
          <HistoryChoice options={options} set={set} />
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void importPackage(file)}>
            {busy === "importing" ? "Importing…" : `Import ${preview.cards.toLocaleString("en")} cards`}
          </button>
          {busy === "importing" && <ImportProgress uploaded={uploaded} server={server} />}
        </div>
      )}
    </div>
  );
}
