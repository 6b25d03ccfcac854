// The interview page's two pictures: predicted readiness at the end of each day of the plan (with the
// target as a line), and the work each day asks for (new cards and reviews, with estimated minutes).
import { formatCalendarDate, percent, plural } from "@/lib/format";
import type { PlanDay } from "@/lib/scheduling/interview-plan";

const dayLabel = (date: string) => (
  <div aria-hidden="true" className="text-center text-[10px] leading-tight text-muted">
    <div>{formatCalendarDate(date, { weekday: "narrow" })}</div>
    <div className="tabular-nums">{formatCalendarDate(date, { day: "numeric" })}</div>
  </div>
);

export function ReadinessChart({ days, target }: { days: PlanDay[]; target: number }) {
  return (
    <div className="relative">
      <div
        aria-hidden="true"
        className="absolute inset-x-0 border-t border-dashed border-success"
        style={{ bottom: `calc(${target * 7}rem + 1.75rem)` }}
      >
        <span className="absolute -top-4 right-0 text-[10px] text-success">aim {percent(target)}</span>
      </div>
      <ol className="flex items-end gap-1 sm:gap-2" data-testid="readiness-chart">
        {days.map((day) => (
          <li key={day.date} className="flex min-w-0 flex-1 flex-col items-center gap-1">
            <span className="sr-only">
              {formatCalendarDate(day.date, { weekday: "long", month: "short", day: "numeric" })}: {percent(day.readiness)} ready
            </span>
            <div aria-hidden="true" className="flex h-28 w-full flex-col items-center justify-end">
              <div
                className={`w-full max-w-8 rounded-t ${day.readiness >= target ? "bg-success/70" : "bg-accent/50"}`}
                style={{ height: `${Math.max(2, day.readiness * 7)}rem`, maxHeight: "7rem" }}
              />
            </div>
            {dayLabel(day.date)}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function WorkloadChart({ days }: { days: PlanDay[] }) {
  const max = Math.max(1, ...days.map((d) => d.newCards + d.reviews));
  const scale = (n: number) => Math.round((n / max) * 88);
  return (
    <ol className="flex items-end gap-1 sm:gap-2" data-testid="workload-chart">
      {days.map((day) => (
        <li key={day.date} className="flex min-w-0 flex-1 flex-col items-center gap-1">
          <span className="sr-only">
            {formatCalendarDate(day.date, { weekday: "long", month: "short", day: "numeric" })}: {plural(day.newCards, "new card")},{" "}
            {plural(day.reviews, "review")}, about {plural(day.minutes, "minute")}
          </span>
          <div aria-hidden="true" className="flex h-28 w-full flex-col items-center justify-end gap-0.5">
            {day.newCards + day.reviews > 0 && <span className="text-[10px] text-muted tabular-nums">{day.minutes}m</span>}
            <div className="w-full max-w-8 rounded-t bg-success/60" style={{ height: scale(day.reviews) }} />
            <div className="w-full max-w-8 bg-accent" style={{ height: scale(day.newCards) }} />
          </div>
          {dayLabel(day.date)}
        </li>
      ))}
    </ol>
  );
}
