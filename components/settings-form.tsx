"use client";

import { useActionState, useSyncExternalStore } from "react";
import { saveSettingsAction } from "@/app/study/actions";
import type { SettingsFormValues } from "@/lib/review/settings";
import { Field, FormError } from "./form";

const noChanges = () => () => {};

export function SettingsForm({ values }: { values: SettingsFormValues }) {
  const [state, action, pending] = useActionState(saveSettingsAction, null);
  const browserZone = useSyncExternalStore(
    noChanges,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const errors = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const value = (name: keyof SettingsFormValues) => (state && !state.ok ? state.values?.[name] : undefined) ?? String(values[name]);

  return (
    <form action={action} className="space-y-8" noValidate>
      <FormError message={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p role="status" className="text-sm text-success">
          Settings saved. They apply from your next rating; past reviews stay as they were.
        </p>
      )}
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">Scheduling</legend>
        <Field
          label="Desired retention"
          name="desiredRetention"
          type="number"
          step="0.01"
          min="0.7"
          max="0.99"
          inputMode="decimal"
          defaultValue={value("desiredRetention")}
          errors={errors("desiredRetention")}
          hint="The share of cards you want to still know when they come back (0.70 to 0.99). Higher means more reviews."
        />
        <Field
          label="Maximum interval (days)"
          name="maximumInterval"
          type="number"
          min="1"
          max="36500"
          defaultValue={value("maximumInterval")}
          errors={errors("maximumInterval")}
        />
        <Field
          label="Learning steps"
          name="learningSteps"
          defaultValue={value("learningSteps")}
          errors={errors("learningSteps")}
          hint='Short steps for new cards, like "1m 10m". Leave empty to let FSRS decide.'
        />
        <Field
          label="Relearning steps"
          name="relearningSteps"
          defaultValue={value("relearningSteps")}
          errors={errors("relearningSteps")}
          hint='Steps after you forget a card, like "10m".'
        />
        <label className="flex items-center gap-3">
          <input type="checkbox" name="enableFuzz" defaultChecked={values.enableFuzz} className="size-4 accent-[var(--color-accent)]" />
          <span>
            Fuzz intervals <span className="text-sm text-muted">(spreads cards learned together over nearby days)</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">Answering</legend>
        <label className="flex items-center gap-3">
          <input type="checkbox" name="typeAnswer" defaultChecked={values.typeAnswer} className="size-4 accent-[var(--color-accent)]" />
          <span>
            Type my answer before revealing{" "}
            <span className="text-sm text-muted">(shown next to the key points so you can compare; never graded for you)</span>
          </span>
        </label>
      </fieldset>
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
        />
        <Field
          label="Maximum reviews per day"
          name="reviewsPerDay"
          type="number"
          min="0"
          max="10000"
          defaultValue={value("reviewsPerDay")}
          errors={errors("reviewsPerDay")}
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">Your day</legend>
        <div className="space-y-1.5">
          <label htmlFor="field-dayStartHour" className="block text-sm font-medium">
            A new day starts at
          </label>
          <select id="field-dayStartHour" name="dayStartHour" defaultValue={value("dayStartHour")} className="input">
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
          hint={browserZone ? `Your browser says ${browserZone}; Drill follows it when you study.` : undefined}
        />
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
