// Small pieces of the stats page: a retention meter, a headline number with its note, and a grade's
// recall row.
import type { ReactNode } from "react";
import { percent } from "@/lib/format";

function retentionTone(rate: number): string {
  if (rate >= 0.85) return "bg-success";
  if (rate >= 0.7) return "bg-warn";
  return "bg-danger";
}

export function Meter({ rate, className = "" }: { rate: number; className?: string }) {
  return (
    <div aria-hidden="true" className={`h-2 overflow-hidden rounded-full bg-line ${className}`}>
      <div className={`h-full rounded-full ${retentionTone(rate)}`} style={{ width: `${Math.round(rate * 100)}%` }} />
    </div>
  );
}

export function BigNumber({ label, value, unit, children }: { label: string; value: string; unit?: string; children?: ReactNode }) {
  return (
    <section className="card-surface space-y-2 p-5">
      <h2 className="text-sm font-medium text-muted">{label}</h2>
      <p className="text-4xl font-semibold tracking-tight tabular-nums">
        {value}
        {unit && <span className="ml-1.5 text-base font-normal text-muted">{unit}</span>}
      </p>
      <div className="text-sm text-muted">{children}</div>
    </section>
  );
}

/** One grade's row in a calibration list: how often the card was remembered at its next review. */
export function RecallRow({
  label,
  recalled,
  followed,
  children,
}: {
  label: string;
  recalled: number;
  followed: number;
  children?: ReactNode;
}) {
  return (
    <li className="grid grid-cols-[4rem_1fr_7rem] items-center gap-3 text-sm">
      <span>{label}</span>
      {followed ? <Meter rate={recalled / followed} /> : <span className="text-xs text-muted">no next review yet</span>}
      <span className="text-right tabular-nums">
        {followed ? (
          <>
            {percent(recalled / followed)} <span className="text-xs text-muted">of {followed}</span>
            {children}
          </>
        ) : (
          "—"
        )}
      </span>
    </li>
  );
}
