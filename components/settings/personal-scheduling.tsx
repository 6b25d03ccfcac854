"use client";

// Personal scheduling on the settings page: how much history there is, the fit (started here, run in
// its own process, followed with a progress bar until it ends, even after leaving and coming back),
// the check against the defaults in plain words, applying (optionally rescheduling, with the 30-day
// workload before and after), earlier sets to restore, and the desired-retention advice.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { applyParameterSetAction, cancelFitAction, restoreDefaultsAction, startFitAction } from "@/app/settings/actions";
import type { FitStatus, WorkloadPreview } from "@/lib/optimizer/jobs";
import type { RetentionOption } from "@/lib/optimizer/simulate";
import { ActionForm } from "../action-form";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const dateText = (d: Date) => d.toLocaleDateString("en", { dateStyle: "medium" });

function change(ratio: number, retention: number): string {
  const diff = Math.round((1 - ratio) * 100);
  if (Math.abs(diff) < 2) return `about the same number of reviews a day at ${pct(retention)} retention`;
  return diff > 0
    ? `about ${diff}% fewer reviews a day at ${pct(retention)} retention`
    : `about ${-diff}% more reviews a day at ${pct(retention)} retention`;
}

/** While a fit runs, the page refreshes itself every second to show its progress; returns the time now. */
function useFollow(running: boolean): number {
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, router]);
  return now;
}

function Progress({ job, now }: { job: NonNullable<FitStatus["job"]>; now: number }) {
  const elapsed = (now - new Date(job.startedAt).getTime()) / 1000;
  const left = job.progress > 0.05 ? Math.max(1, Math.round((elapsed / job.progress) * (1 - job.progress))) : null;
  return (
    <div className="space-y-2" data-testid="fit-progress">
      <div
        role="progressbar"
        aria-label="Fitting"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(job.progress * 100)}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        <div className="h-full rounded-full bg-accent transition-all" style={{ width: pct(job.progress) }} />
      </div>
      <p className="text-sm text-muted">
        Fitting… {pct(job.progress)}
        {left !== null && `, about ${left} s left`}. You can leave this page: the result will be here when you come back.
      </p>
      <ActionForm action={cancelFitAction} hidden={{ jobId: job.id }}>
        {({ pending }) => (
          <button type="submit" className="btn" disabled={pending}>
            Cancel the fit
          </button>
        )}
      </ActionForm>
    </div>
  );
}

function PreviewChart({ preview }: { preview: WorkloadPreview }) {
  const max = Math.max(1, ...preview.before, ...preview.after);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-2">
      <ol className="flex h-24 items-end gap-px" aria-hidden="true">
        {preview.before.map((b, i) => (
          <li key={i} className="flex h-full flex-1 items-end gap-px">
            <div className="w-1/2 rounded-t bg-line" style={{ height: `${(b / max) * 100}%` }} />
            <div className="w-1/2 rounded-t bg-accent" style={{ height: `${(preview.after[i]! / max) * 100}%` }} />
          </li>
        ))}
      </ol>
      <p className="text-sm text-muted" data-testid="reschedule-preview">
        Next 30 days: {total(preview.before)} reviews as your cards stand (grey), {total(preview.after)} rescheduled (blue).
      </p>
    </div>
  );
}

type ParameterSet = FitStatus["sets"][number];

/** How much history there is, whether it is enough, and what schedules now. */
function FitHistory({ status, inUse }: { status: FitStatus; inUse: ParameterSet | undefined }) {
  return (
    <p className="text-sm" data-testid="fit-history">
      You have {status.ratings.toLocaleString("en")} ratings, {status.longTermReviews.toLocaleString("en")} of them on a later day than the
      card&apos;s previous review.{" "}
      {status.needed > 0 ? `Fitting needs ${status.needed.toLocaleString("en")} more of those: keep studying.` : "That is enough to fit."}{" "}
      Now scheduling with: <strong>{inUse ? `your parameters from ${dateText(new Date(inUse.createdAt))}` : "FSRS's defaults"}</strong>.
    </p>
  );
}

/** Start a fit, follow the one running, or say why fitting isn't possible here. */
function FitControls({ status, running, now }: { status: FitStatus; running: boolean; now: number }) {
  if (!status.available)
    return (
      <p role="status" className="card-surface p-4 text-sm">
        Fitting parameters is not available on this server (the optimizer has no build for its processor or system). Everything else works
        as usual.
      </p>
    );
  if (running) return <Progress job={status.job!} now={now} />;
  return (
    <ActionForm action={startFitAction}>
      {({ pending }) => (
        <button type="submit" className="btn btn-primary" disabled={pending || status.needed > 0}>
          {pending ? "Starting…" : "Fit my parameters"}
        </button>
      )}
    </ActionForm>
  );
}

/** The fitted set against the defaults on the learner's later reviews (lower is better). */
function FitScores({ candidate }: { candidate: ParameterSet }) {
  return (
    <table className="w-full text-sm tabular-nums">
      <thead>
        <tr className="text-left text-muted">
          <th className="py-1 font-medium">Measure</th>
          <th className="py-1 font-medium">Defaults</th>
          <th className="py-1 font-medium">Fitted</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="py-1">Log loss</td>
          <td>{candidate.defaultLogLoss.toFixed(4)}</td>
          <td>{candidate.logLoss.toFixed(4)}</td>
        </tr>
        <tr>
          <td className="py-1">RMSE (bins)</td>
          <td>{pct(candidate.defaultRmseBins)}</td>
          <td>{pct(candidate.rmseBins)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Apply the fitted set (optionally rescheduling now), or keep the defaults. */
function ApplyFit({ candidate }: { candidate: ParameterSet }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm
        action={applyParameterSetAction}
        hidden={{ setId: candidate.id }}
        success={(n: number) => (n ? `Applied; ${n} cards rescheduled.` : "Applied.")}
        className="space-y-2"
      >
        {({ pending }) => (
          <>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="reschedule" className="size-4 accent-[var(--color-accent)]" /> Also reschedule my cards now
            </label>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {candidate.inUse ? "Apply again" : "Apply my parameters"}
            </button>
          </>
        )}
      </ActionForm>
      <ActionForm action={restoreDefaultsAction} success={() => "Kept FSRS's defaults."}>
        {({ pending }) => (
          <button type="submit" className="btn" disabled={pending}>
            Keep the defaults
          </button>
        )}
      </ActionForm>
    </div>
  );
}

function FitResult({ candidate, preview, retention }: { candidate: ParameterSet; preview: WorkloadPreview | null; retention: number }) {
  return (
    <div className="card-surface space-y-4 p-5" data-testid="fit-result">
      <h3 className="font-semibold">Your fitted parameters, checked on your own history</h3>
      <p className="text-sm text-muted">
        Fitted on your earlier {pct(0.8)} of reviews and scored on the later ones, next to FSRS&apos;s defaults on the same reviews (lower
        is better).
      </p>
      <FitScores candidate={candidate} />
      <p className="font-medium">In plain words: {change(candidate.workloadRatio, retention)}, predicted from your cards.</p>
      {preview && <PreviewChart preview={preview} />}
      <ApplyFit candidate={candidate} />
    </div>
  );
}

/** Earlier fitted sets, each restorable, and the way back to the defaults. */
function ParameterSets({ sets, inUse }: { sets: ParameterSet[]; inUse: ParameterSet | undefined }) {
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Your parameter sets</h3>
      <ul className="card-surface divide-y divide-line text-sm" data-testid="parameter-sets">
        {sets.map((set) => (
          <li key={set.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
            <span>
              Fitted {dateText(new Date(set.createdAt))} on {set.reviewCount.toLocaleString("en")} ratings · log loss{" "}
              {set.logLoss.toFixed(3)} (defaults {set.defaultLogLoss.toFixed(3)})
              {set.appliedAt && ` · applied ${dateText(new Date(set.appliedAt))}`}
              {!set.weights && " · damaged: can't be used"}
            </span>
            {set.inUse ? (
              <span className="chip border-success text-success">In use</span>
            ) : (
              set.weights && (
                <ActionForm action={applyParameterSetAction} hidden={{ setId: set.id, reschedule: "false" }}>
                  {({ pending }) => (
                    <button type="submit" className="btn" disabled={pending}>
                      Restore
                    </button>
                  )}
                </ActionForm>
              )
            )}
          </li>
        ))}
      </ul>
      {inUse && (
        <ActionForm action={restoreDefaultsAction} success={() => "Back to FSRS's defaults."}>
          {({ pending }) => (
            <button type="submit" className="btn" disabled={pending}>
              Use FSRS&apos;s defaults
            </button>
          )}
        </ActionForm>
      )}
    </div>
  );
}

function RetentionAdvice({ advice }: { advice: RetentionOption[] }) {
  const maxAdvice = Math.max(1, ...advice.map((o) => o.reviewsPerDay));
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Which desired retention?</h3>
      <p className="text-sm text-muted">Estimated reviews a day over the next year at each target, for your cards.</p>
      <ul className="space-y-1.5 text-sm" data-testid="retention-advice">
        {advice.map((o) => (
          <li key={o.retention} className="grid grid-cols-[3rem_1fr_12rem] items-center gap-3">
            <span className="tabular-nums">{pct(o.retention)}</span>
            <div className="h-2 overflow-hidden rounded-full bg-line" aria-hidden="true">
              <div
                className={`h-full rounded-full ${o.cheapest ? "bg-success" : "bg-accent/60"}`}
                style={{ width: `${(o.reviewsPerDay / maxAdvice) * 100}%` }}
              />
            </div>
            <span className="tabular-nums">
              {o.reviewsPerDay.toFixed(1)} a day
              {o.cheapest && <strong className="text-success"> · cheapest per card remembered</strong>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PersonalScheduling({
  status,
  candidatePreview,
  advice,
  retention,
}: {
  status: FitStatus;
  candidatePreview: WorkloadPreview | null;
  advice: RetentionOption[];
  retention: number;
}) {
  const running = status.job?.status === "running";
  const now = useFollow(running);
  // The latest fit's result stays on the page once applied, so what applying did stays in view.
  const candidate = status.job?.status === "done" ? status.sets.find((s) => s.id === status.job!.resultSetId && s.weights) : undefined;
  const inUse = status.sets.find((s) => s.inUse);

  return (
    <section aria-labelledby="personal-heading" className="space-y-5">
      <div>
        <h2 id="personal-heading" className="text-lg font-semibold">
          Personal scheduling
        </h2>
        <p className="text-sm text-muted">
          FSRS can be fitted to how you forget: intervals that match your memory mean fewer reviews for the same recall.
        </p>
      </div>
      <FitHistory status={status} inUse={inUse} />
      <FitControls status={status} running={running} now={now} />
      {status.job && ["failed", "cancelled"].includes(status.job.status) && (
        <p role="status" className="text-sm text-muted">
          Last fit: {status.job.message}
        </p>
      )}
      {candidate && <FitResult candidate={candidate} preview={candidatePreview} retention={retention} />}
      {status.sets.length > 0 && <ParameterSets sets={status.sets} inUse={inUse} />}
      {advice.length > 0 && <RetentionAdvice advice={advice} />}
    </section>
  );
}
