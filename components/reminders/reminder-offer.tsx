"use client";

// Offered once on the Today page after the learner's first session: reminders are off until they
// choose them; turning them on in settings or saying no closes the offer for good.
import Link from "next/link";
import { closeReminderOfferAction } from "@/app/settings/actions";
import { ActionForm } from "../action-form";

export function ReminderOffer() {
  return (
    <section aria-labelledby="reminder-offer" className="card-surface space-y-3 p-5">
      <h2 id="reminder-offer" className="font-semibold">
        A daily reminder?
      </h2>
      <p className="text-sm text-muted">
        Drill can send you one message a day at an hour you pick, only when cards are waiting. It&apos;s off unless you turn it on.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Link href="/settings#reminders-heading" className="btn btn-primary">
          Set up reminders
        </Link>
        <ActionForm action={closeReminderOfferAction}>
          {({ pending }) => (
            <button type="submit" className="btn" disabled={pending}>
              No thanks
            </button>
          )}
        </ActionForm>
      </div>
    </section>
  );
}
