// Small pieces of the stats page: a retention meter and a headline number with its note.
import type { ReactNode } from "react";

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
