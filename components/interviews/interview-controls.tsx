"use client";

// The interview page's forms: share with the mentor, the plan's own daily limits, mark done, cancel,
// open again, and delete.
import {
  deleteInterviewAction,
  setInterviewLimitsAction,
  setInterviewSharingAction,
  setInterviewStatusAction,
} from "@/app/interviews/actions";
import type { InterviewStatus } from "@/lib/interviews/schema";
import { ActionForm } from "../action-form";
import { Field } from "../form";

export function SharingForm({ interviewId, shared }: { interviewId: string; shared: boolean }) {
  return (
    <ActionForm action={setInterviewSharingAction} hidden={{ interviewId }} success={() => "Saved."} className="space-y-3">
      {({ pending }) => (
        <>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="shared" defaultChecked={shared} className="mt-1 size-4 accent-[var(--color-accent)]" />
            <span>
              Share the date and my readiness with the mentor of these decks{" "}
              <span className="text-muted">(only the mentor who invited you to a deck in scope; nothing else)</span>
            </span>
          </label>
          <button type="submit" className="btn" disabled={pending}>
            Save sharing
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function LimitsForm({
  interviewId,
  newPerDay,
  reviewsPerDay,
  defaults,
}: {
  interviewId: string;
  newPerDay: number | null;
  reviewsPerDay: number | null;
  defaults: { newPerDay: number; reviewsPerDay: number };
}) {
  return (
    <ActionForm
      action={setInterviewLimitsAction}
      hidden={{ interviewId }}
      success={() => "Saved: the plan uses these limits."}
      className="space-y-3"
    >
      {({ pending, errors, value }) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label="New cards a day for this interview"
              name="newPerDay"
              type="number"
              min="0"
              max="1000"
              placeholder={String(defaults.newPerDay)}
              defaultValue={value("newPerDay", newPerDay === null ? "" : String(newPerDay))}
              errors={errors("newPerDay")}
              hint={`Blank: your setting (${defaults.newPerDay}).`}
            />
            <Field
              label="Reviews a day for this interview"
              name="reviewsPerDay"
              type="number"
              min="0"
              max="10000"
              placeholder={String(defaults.reviewsPerDay)}
              defaultValue={value("reviewsPerDay", reviewsPerDay === null ? "" : String(reviewsPerDay))}
              errors={errors("reviewsPerDay")}
              hint={`Blank: your setting (${defaults.reviewsPerDay}).`}
            />
          </div>
          <button type="submit" className="btn" disabled={pending}>
            Save limits
          </button>
        </>
      )}
    </ActionForm>
  );
}

const STATUS_BUTTONS: Record<InterviewStatus, { status: InterviewStatus; label: string }[]> = {
  open: [
    { status: "done", label: "Mark done" },
    { status: "cancelled", label: "Cancel interview" },
  ],
  done: [{ status: "open", label: "Open again" }],
  cancelled: [{ status: "open", label: "Open again" }],
};

export function StatusButtons({ interviewId, status }: { interviewId: string; status: InterviewStatus }) {
  return (
    <div className="flex flex-wrap gap-2">
      {STATUS_BUTTONS[status].map((b) => (
        <ActionForm key={b.status} action={setInterviewStatusAction} hidden={{ interviewId, status: b.status }}>
          {({ pending }) => (
            <button type="submit" className="btn" disabled={pending}>
              {b.label}
            </button>
          )}
        </ActionForm>
      ))}
      <ActionForm
        action={deleteInterviewAction}
        hidden={{ interviewId }}
        confirm="Delete this interview? Your ratings stay; only the interview goes."
      >
        {({ pending }) => (
          <button type="submit" className="btn btn-ghost text-danger" disabled={pending}>
            Delete
          </button>
        )}
      </ActionForm>
    </div>
  );
}
