"use client";

// The mentor dashboard's weekly digest of this deck: on or off, and the day and hour it goes (on the
// mentor's own wall clock).
import { useState } from "react";
import { saveDigestAction, sendTestDigestAction } from "@/app/decks/[deckKey]/dashboard/actions";
import { WEEKDAYS } from "@/lib/reminders/digest-plan";
import type { DigestSettings } from "@/lib/reminders/digest-settings";
import { ActionForm } from "../action-form";

const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

export function DigestSettingsSection({ deckId, settings, timeZone }: { deckId: string; settings: DigestSettings; timeZone: string }) {
  const [weekday, setWeekday] = useState(String(settings.weekday));
  const [hour, setHour] = useState(String(settings.hour));
  return (
    <section aria-labelledby="digest-heading" className="card-surface space-y-3 p-4">
      <h2 id="digest-heading" className="font-semibold">
        Weekly digest
      </h2>
      <p className="text-sm text-muted">
        One mail a week about this deck: who studied, who fell behind, the cards the group misses most and who joined. It uses the names you
        see here, never your mentees&apos; email addresses, and skips a week without mentees.
      </p>
      <ActionForm
        action={saveDigestAction}
        hidden={{ deckId }}
        className="flex flex-wrap items-end gap-4"
        success={(enabled) => (enabled ? "Weekly digest saved." : "Weekly digest off.")}
      >
        {({ pending, errors }) => (
          <>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="enabled" defaultChecked={settings.enabled} />
              Send me a weekly digest of this deck
            </label>
            <div className="space-y-1.5">
              <label htmlFor="digest-weekday" className="block text-sm font-medium">
                On
              </label>
              <select id="digest-weekday" name="weekday" className="input" value={weekday} onChange={(e) => setWeekday(e.target.value)}>
                {WEEKDAYS.map((day, index) => (
                  <option key={day} value={index}>
                    {day}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="digest-hour" className="block text-sm font-medium">
                At
              </label>
              <select id="digest-hour" name="hour" className="input" value={hour} onChange={(e) => setHour(e.target.value)}>
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={h}>
                    {hourLabel(h)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn" disabled={pending}>
              Save weekly digest
            </button>
            {[...(errors("weekday") ?? []), ...(errors("hour") ?? [])].map((error) => (
              <p key={error} className="w-full text-sm text-danger">
                {error}
              </p>
            ))}
            <p className="w-full text-xs text-muted">Your time zone: {timeZone} (from your study settings).</p>
          </>
        )}
      </ActionForm>
      <ActionForm action={sendTestDigestAction} hidden={{ deckId }} success={() => "Test digest sent by email."}>
        {({ pending }) => (
          <button type="submit" className="btn" disabled={pending}>
            Send a test digest
          </button>
        )}
      </ActionForm>
    </section>
  );
}
