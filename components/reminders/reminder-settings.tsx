"use client";

// The settings page's reminder section: the daily reminder on or off, its hour (in the learner's own
// zone), email and/or push, a pause, a test send, and this browser's push subscription.
import { useState } from "react";
import { saveRemindersAction, sendTestReminderAction } from "@/app/settings/actions";
import type { ReminderSettings } from "@/lib/reminders/settings";
import { ActionForm } from "../action-form";
import { Field } from "../form";
import { PushSubscriptionControls } from "./push-subscription";

const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

function Checkbox({ name, label, defaultChecked, errors }: { name: string; label: string; defaultChecked: boolean; errors?: string[] }) {
  return (
    <div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} aria-invalid={errors ? true : undefined} />
        {label}
      </label>
      {errors?.map((error) => (
        <p key={error} className="text-sm text-danger">
          {error}
        </p>
      ))}
    </div>
  );
}

export function ReminderSettingsSection({
  settings,
  timeZone,
  vapidPublicKey,
  pushSubscriptions,
}: {
  settings: ReminderSettings;
  timeZone: string;
  vapidPublicKey: string | null;
  pushSubscriptions: number;
}) {
  const [hour, setHour] = useState(String(settings.hour));
  return (
    <section className="space-y-4" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" className="text-lg font-semibold">
        Daily reminder
      </h2>
      <p className="text-sm text-muted">
        One message a day at your hour, only when cards are waiting: how many, about how long, and your streak. Never before you have
        studied, never twice a day.
      </p>
      <ActionForm action={saveRemindersAction} className="space-y-4" success={() => "Reminder settings saved."}>
        {({ pending, errors, value }) => (
          <>
            <Checkbox name="enabled" label="Send me a daily reminder" defaultChecked={settings.enabled} errors={errors("enabled")} />
            <div className="space-y-1.5">
              <label htmlFor="field-hour" className="block text-sm font-medium">
                At
              </label>
              <select id="field-hour" name="hour" className="input" value={hour} onChange={(e) => setHour(e.target.value)}>
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={h}>
                    {hourLabel(h)}
                  </option>
                ))}
              </select>
              <p className="text-sm text-muted">Your time zone: {timeZone} (from your study settings).</p>
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">By</legend>
              <Checkbox name="byEmail" label="Email" defaultChecked={settings.byEmail} errors={errors("byEmail")} />
              <Checkbox name="byPush" label="Push notification" defaultChecked={settings.byPush} errors={errors("byPush")} />
            </fieldset>
            <Field
              label="Pause reminders until"
              name="pausedUntil"
              type="date"
              defaultValue={value("pausedUntil", settings.pausedUntil ?? "")}
              errors={errors("pausedUntil")}
              hint="No reminder up to and including this day. Leave empty to keep them coming."
            />
            <button type="submit" className="btn btn-primary" disabled={pending}>
              Save reminder settings
            </button>
          </>
        )}
      </ActionForm>
      <ActionForm action={sendTestReminderAction} success={(channels) => `Test reminder sent ${channels}.`}>
        {({ pending }) => (
          <button type="submit" className="btn" disabled={pending}>
            Send a test reminder
          </button>
        )}
      </ActionForm>
      <PushSubscriptionControls vapidPublicKey={vapidPublicKey} subscriptions={pushSubscriptions} />
    </section>
  );
}
