"use client";

import { unsubscribeAction } from "@/app/reminders/unsubscribe/actions";
import { ActionForm } from "../action-form";

export function UnsubscribeForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={unsubscribeAction}
      hidden={{ token }}
      className="space-y-3"
      success={() => <p role="status">Daily reminders are off. Nothing else changed; turn them on again in your settings any time.</p>}
    >
      {({ pending, state }) =>
        state?.ok ? null : (
          <>
            <p className="text-muted">Drill will stop sending this account its daily reminder. Nothing else changes.</p>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              Stop daily reminders
            </button>
          </>
        )
      }
    </ActionForm>
  );
}
