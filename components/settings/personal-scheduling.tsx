"use client";

// Personal scheduling on the settings page: how much history there is, the fit (started here, queued
// on the job engine and run in its own process, followed with a progress bar until it ends, even
// after leaving and coming back), the check against the defaults in plain words, applying (optionally
// rescheduling, with the 30-day workload before and after and what it does to today), earlier sets
// to restore, the way back to the defaults (optionally rescheduling too), one line saying what the
// last of these did, and the desired-retention advice.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { applyParameterSetAction, cancelFitAction, restoreDefaultsAction, startFitAction } from "@/app/settings/actions";
import type { DueToday, FitStatus, WorkloadPreview } from "@/lib/optimizer/jobs";
import { plural } from "@/lib/format";
import type { RetentionOption } from "@/lib/optimizer/simulate";
import { ActionForm, type FormAction } from "../action-form";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const dateText = (d: Date) => d.toLocaleDateString("en", { dateStyle: "medium" });

function change(ratio: number, retention: number): string {
  const diff = Math.round((1 - ratio) * 100);
  if (Math.abs(diff) < 2) return `about the same number of reviews a day at ${pct(retention)} retention`;
  return diff > 0
    ? `about ${diff}% fewer reviews a day at ${pct(retention)} retention`
    : `about ${-diff}% more reviews a day at ${pct(retention)} retention`;
}

/** While a fit waits or runs, the page refreshes itself every second to show where it is; returns the time now. */
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

function CancelFit({ job }: { job: NonNullable<FitStatus["job"]> }) {
  return (
    <ActionForm action={cancelFitAction} hidden={{ jobId: job.id }}>
      {({ pending }) => (
        <button type="submit" className="btn" disabled={pending}>
          Cancel the fit
        </button>
      )}
    </ActionForm>
  );
}

/** Waiting for a free worker: how many fits are ahead, honestly (every instance's queue). */
function Queued({ job }: { job: NonNullable<FitStatus["job"]> }) {
  return (
    <div className="space-y-2" data-testid="fit-queued">
      <p className="text-sm">
        {job.message ? `${job.message} ` : ""}Queued: {job.ahead > 0 ? `${plural(job.ahead, "fit")} ahead of yours` : "yours is next"}. It
        starts when the server has a fit slot free; you can leave this page.
      </p>
      <CancelFit job={job} />
    </div>
  );
}

/**
 * The optimizer's own progress once it reports some; before that (reading the reviews, the first
 * pass) an indeterminate bar with the time so far, rather than a bar stuck at 0%.
 */
function Progress({ job, now }: { job: NonNullable<FitStatus["job"]>; now: number }) {
  const elapsed = Math.max(0, Math.round((now - new Date(job.startedAt).getTime()) / 1000));
  const known = job.progress > 0;
  const left = job.progress > 0.05 ? Math.max(1, Math.round((elapsed / job.progress) * (1 - job.progress))) : null;
  return (
    <div className="space-y-2" data-testid="fit-progress">
      <div
        role="progressbar"
        aria-label="Fitting"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? Math.round(job.progress * 100) : undefined}
        aria-valuetext={known ? undefined : `Preparing, ${elapsed} s so far`}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        <div
          className={`h-full rounded-full bg-accent transition-all ${known ? "" : "animate-pulse"}`}
          style={{ width: known ? pct(job.progress) : "100%" }}
        />
      </div>
      <p className="text-sm text-muted">
        {known ? `Fitting… ${pct(job.progress)}` : "Preparing your reviews…"} {elapsed} s so far
        {left !== null && `, about ${left} s left`}. You can leave this page: the result will be here when you come back.
      </p>
      <CancelFit job={job} />
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
  if (status.job?.status === "queued") return <Queued job={status.job} />;
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

/** Says what a reschedule does to today, before the learner ticks it. */
function DueTodayNote({ due }: { due: DueToday | null }) {
  if (!due) return null;
  return (
    <p className="text-sm text-muted" data-testid="due-today-note">
      Rescheduling makes {plural(due.rescheduled, "card")} due today ({due.now.toLocaleString("en")} as your cards stand).
    </p>
  );
}

type Notify = (text: string) => void;

/**
 * The action, telling the page's one status line what it did once it succeeds. Told from the
 * action's own call rather than the form's: a success re-renders the page without the form that
 * was pressed (an applied set has no Apply button), and that form's state goes with it.
 */
function noticed<T>(action: FormAction<T>, notify: Notify, text: (data: T) => string): FormAction<T> {
  return async (previous, input) => {
    const state = await action(previous, input);
    if (state?.ok) notify(text(state.data));
    return state;
  };
}

/** Apply the fitted set (optionally rescheduling now), or keep the defaults; once in use, the status says so. */
function ApplyFit({ candidate, due, notify }: { candidate: ParameterSet; due: DueToday | null; notify: Notify }) {
  if (candidate.inUse) return null;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm
        action={noticed<number>(applyParameterSetAction, notify, (n: number) =>
          n ? `Applied; ${plural(n, "card")} rescheduled.` : "Applied.",
        )}
        hidden={{ setId: candidate.id }}
        className="space-y-2"
      >
        {({ pending }) => (
          <>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="reschedule" className="size-4 accent-[var(--color-accent)]" /> Also reschedule my cards now
            </label>
            <DueTodayNote due={due} />
            <button type="submit" className="btn btn-primary" disabled={pending}>
              Apply my parameters
            </button>
          </>
        )}
      </ActionForm>
      <ActionForm action={noticed<number>(restoreDefaultsAction, notify, () => "Kept FSRS's defaults.")}>
        {({ pending }) => (
          <button type="submit" className="btn" disabled={pending}>
            Keep the defaults
          </button>
        )}
      </ActionForm>
    </div>
  );
}

function FitResult({
  candidate,
  preview,
  due,
  retention,
  notify,
}: {
  candidate: ParameterSet;
  preview: WorkloadPreview | null;
  due: DueToday | null;
  retention: number;
  notify: Notify;
}) {
  return (
    <div className="card-surface space-y-4 p-5" data-testid="fit-result">
      <h3 className="font-semibold">Your fitted parameters, checked on your own history</h3>
      <p className="text-sm text-muted" data-testid="fit-check">
        {candidate.heldOut
          ? `Fitted on your earlier ${pct(0.8)} of reviews and scored on the later ones, next to FSRS's defaults on the same reviews (lower is better).`
          : "Your later reviews were too few or too spread out to score on their own, so these parameters were fitted on all your reviews and scored on all of them, next to FSRS's defaults on the same reviews (lower is better). A score on reviews the fit has seen flatters it a little."}
      </p>
      <FitScores candidate={candidate} />
      <p className="font-medium">In plain words: {change(candidate.workloadRatio, retention)}, predicted from your cards.</p>
      {preview && <PreviewChart preview={preview} />}
      {candidate.inUse && (
        <p className="text-sm">
          <span className="chip border-success text-success">In use</span>
        </p>
      )}
      <ApplyFit candidate={candidate} due={due} notify={notify} />
    </div>
  );
}

/** Earlier fitted sets, each restorable, and the way back to the defaults. */
function ParameterSets({
  sets,
  inUse,
  defaultsDue,
  notify,
}: {
  sets: ParameterSet[];
  inUse: ParameterSet | undefined;
  defaultsDue: DueToday | null;
  notify: Notify;
}) {
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
                <ActionForm
                  action={noticed<number>(
                    applyParameterSetAction,
                    notify,
                    () => `Restored your parameters from ${dateText(new Date(set.createdAt))}.`,
                  )}
                  hidden={{ setId: set.id, reschedule: "false" }}
                >
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
        <ActionForm
          action={noticed<number>(restoreDefaultsAction, notify, (n: number) =>
            n ? `Back to FSRS's defaults; ${plural(n, "card")} rescheduled.` : "Back to FSRS's defaults.",
          )}
          className="space-y-2"
        >
          {({ pending }) => (
            <>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="reschedule" className="size-4 accent-[var(--color-accent)]" /> Also reschedule my cards under
                the defaults
              </label>
              <DueTodayNote due={defaultsDue} />
              <button type="submit" className="btn" disabled={pending}>
                Use FSRS&apos;s defaults
              </button>
            </>
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
  candidateDue,
  defaultsDue,
  advice,
  retention,
}: {
  status: FitStatus;
  candidatePreview: WorkloadPreview | null;
  candidateDue: DueToday | null;
  defaultsDue: DueToday | null;
  advice: RetentionOption[];
  retention: number;
}) {
  const running = status.job?.status === "running";
  const now = useFollow(running || status.job?.status === "queued");
  // One line for what the learner's last choice did: each choice replaces it, so two outcomes never show side by side.
  const [notice, setNotice] = useState<string | null>(null);
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
      {notice && (
        <p role="status" className="text-sm text-success" data-testid="scheduling-notice">
          {notice}
        </p>
      )}
      <FitControls status={status} running={running} now={now} />
      {status.job && ["failed", "cancelled"].includes(status.job.status) && (
        <p role="status" className="text-sm text-muted">
          Last fit: {status.job.message}
        </p>
      )}
      {candidate && (
        <FitResult candidate={candidate} preview={candidatePreview} due={candidateDue} retention={retention} notify={setNotice} />
      )}
      {status.sets.length > 0 && <ParameterSets sets={status.sets} inUse={inUse} defaultsDue={defaultsDue} notify={setNotice} />}
      {advice.length > 0 && <RetentionAdvice advice={advice} />}
    </section>
  );
}
