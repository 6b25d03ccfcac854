"use client";

// Study settings in plain words: each one says what it does, in one line, with its range; the
// retention field says what a change costs in reviews a day (from the learner's own cards); the
// confirmation appears beside the Save button, where the learner is looking.
import { useActionState, useState, useSyncExternalStore } from "react";
import { saveSettingsAction } from "@/app/study/actions";
import type { SettingsFormValues } from "@/lib/review/settings";
import type { RetentionOption } from "@/lib/optimizer/simulate";
import { Field, FormError } from "./form";

const noChanges = () => () => {};

/** "At 90% you'll see about 34 reviews a day", from the options the settings page measured. */
function workloadLine(percentText: string, advice: RetentionOption[]): string | null {
  const percent = Number(percentText);
  if (!advice.length || !Number.isFinite(percent) || percent < 70 || percent > 99) return null;
  const nearest = advice.reduce((best, o) => (Math.abs(o.retention * 100 - percent) < Math.abs(best.retention * 100 - percent) ? o : best));
  const reviews = Math.max(1, Math.round(nearest.reviewsPerDay));
  return `At ${Math.round(nearest.retention * 100)}% you'll see about ${reviews} review${reviews === 1 ? "" : "s"} a day with the cards you have now.`;
}

/** How the form reads a field: its errors and the value to show (what was typed, after a failed save). */
interface FieldAccess {
  errors: (name: string) => string[] | undefined;
  value: (name: keyof SettingsFormValues) => string;
}

/** Retention (with what it costs in reviews a day), the longest gap, the steps and fuzz. */
function RememberFieldset({
  retention,
  onRetention,
  workload,
  values,
  errors,
  value,
}: FieldAccess & {
  retention: string;
  onRetention: (text: string) => void;
  workload: string | null;
  values: SettingsFormValues;
}) {
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 font-semibold">How much to remember</legend>
      <Field
        label="Remember (%)"
        name="desiredRetention"
        type="number"
        step="1"
        min="70"
        max="99"
        inputMode="numeric"
        value={retention}
        onChange={(e) => onRetention(e.target.value)}
        errors={errors("desiredRetention")}
        hint={
          <>
            The share of cards you still know when they come back, 70 to 99. 90 suits most people: higher means many more reviews.
            {workload && (
              <span className="mt-1 block text-ink" data-testid="workload" aria-live="polite">
                {workload}
              </span>
            )}
          </>
        }
      />
      <Field
        label="Longest gap between reviews (days)"
        name="maximumInterval"
        type="number"
        min="1"
        max="36500"
        defaultValue={value("maximumInterval")}
        errors={errors("maximumInterval")}
        hint="1 to 36,500. With an interview months away, 60 to 180 keeps every card in sight; the default (100 years) sets no limit."
      />
      <Field
        label="First-day repeats"
        name="learningSteps"
        defaultValue={value("learningSteps")}
        errors={errors("learningSteps")}
        hint='When a new card comes back on its first day: "1m 10m" means after a minute, then after ten. Empty lets FSRS decide.'
      />
      <Field
        label="Repeats after forgetting"
        name="relearningSteps"
        defaultValue={value("relearningSteps")}
        errors={errors("relearningSteps")}
        hint='When a card you forgot comes back the same day: "10m" means after ten minutes.'
      />
      <label className="flex items-start gap-3">
        <input type="checkbox" name="enableFuzz" defaultChecked={values.enableFuzz} className="mt-1 size-4 accent-[var(--color-accent)]" />
        <span>
          Spread reviews out{" "}
          <span className="block text-sm text-muted">
            Moves each review a day or so, so cards learned together don&apos;t all come back on the same day.
          </span>
        </span>
      </label>
    </fieldset>
  );
}

function AnsweringFieldset({ values }: { values: SettingsFormValues }) {
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 font-semibold">Answering</legend>
      <label className="flex items-start gap-3">
        <input type="checkbox" name="typeAnswer" defaultChecked={values.typeAnswer} className="mt-1 size-4 accent-[var(--color-accent)]" />
        <span>
          Type my answer before revealing{" "}
          <span className="block text-sm text-muted">Shown next to the key points so you can compare; never graded for you.</span>
        </span>
      </label>
    </fieldset>
  );
}

function LimitsFieldset({ errors, value }: FieldAccess) {
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 font-semibold">Daily limits</legend>
      <Field
        label="New cards per day"
        name="newPerDay"
        type="number"
        min="0"
        max="1000"
        defaultValue={value("newPerDay")}
        errors={errors("newPerDay")}
        hint="0 to 1,000. Each new card brings about ten reviews over its first month: 10 a day is a steady pace."
      />
      <Field
        label="Maximum reviews per day"
        name="reviewsPerDay"
        type="number"
        min="0"
        max="10000"
        defaultValue={value("reviewsPerDay")}
        errors={errors("reviewsPerDay")}
        hint="0 to 10,000. A cap for busy days: reviews over it wait, and come back harder."
      />
    </fieldset>
  );
}

/** When the learner's day starts, and where. */
function DayFieldset({ errors, value }: FieldAccess) {
  const browserZone = useSyncExternalStore(
    noChanges,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 font-semibold">Your day</legend>
      <div className="space-y-1.5">
        <label htmlFor="field-dayStartHour" className="block text-sm font-medium">
          A new day starts at
        </label>
        <p id="field-dayStartHour-hint" className="text-sm text-muted">
          Reviews before this hour count for the day before, so a late night stays one day.
        </p>
        <select
          id="field-dayStartHour"
          name="dayStartHour"
          defaultValue={value("dayStartHour")}
          className="input"
          aria-describedby="field-dayStartHour-hint"
        >
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={h}>
              {String(h).padStart(2, "0")}:00
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Time zone"
        name="timeZone"
        defaultValue={value("timeZone")}
        errors={errors("timeZone")}
        hint={browserZone ? `Your browser says ${browserZone}; Drill follows it when you study.` : "Like Europe/Berlin."}
      />
    </fieldset>
  );
}

/** Save, with the outcome beside the button, where the learner is looking. */
function SaveBar({ state, pending }: { state: Awaited<ReturnType<typeof saveSettingsAction>> | null; pending: boolean }) {
  return (
    <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-surface/95 py-3 backdrop-blur">
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
      {state?.ok && (
        <p role="status" className="text-sm text-success">
          Saved. They apply from your next rating; past reviews stay as they were.
        </p>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-danger">
          Not saved: see the highlighted fields.
        </p>
      )}
    </div>
  );
}

export function SettingsForm({ values, advice }: { values: SettingsFormValues; advice: RetentionOption[] }) {
  const [state, action, pending] = useActionState(saveSettingsAction, null);
  const errors = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const value = (name: keyof SettingsFormValues) => (state && !state.ok ? state.values?.[name] : undefined) ?? String(values[name]);
  const [retention, setRetention] = useState(() => {
    const typed = state && !state.ok ? state.values?.desiredRetention : undefined;
    return typed ?? String(Math.round(values.desiredRetention * 100));
  });
  const workload = workloadLine(retention, advice);

  return (
    <form action={action} className="space-y-8" noValidate>
      <FormError message={state && !state.ok ? state.error : null} />
      <RememberFieldset {...{ retention, workload, values, errors, value }} onRetention={setRetention} />
      <AnsweringFieldset values={values} />
      <LimitsFieldset errors={errors} value={value} />
      <DayFieldset errors={errors} value={value} />
      <SaveBar state={state} pending={pending} />
    </form>
  );
}
