"use client";

import { unsubscribeDigestAction } from "@/app/reminders/digest/unsubscribe/actions";
import { ActionForm } from "../action-form";

export function DigestUnsubscribeForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={unsubscribeDigestAction}
      hidden={{ token }}
      className="space-y-3"
      success={() => (
        <p role="status">
          This deck&apos;s weekly digest is off. Nothing else changed; turn it on again on the deck&apos;s dashboard any time.
        </p>
      )}
    >
      {({ pending, state }) =>
        state?.ok ? null : (
          <>
            <p className="text-muted">
              Drill will stop sending you the weekly digest of this deck. Your other digests and reminders stay as they are.
            </p>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              Stop this weekly digest
            </button>
          </>
        )
      }
    </ActionForm>
  );
}
