// The forecast: cards due on each of the coming days, as a bar chart.
import { formatCalendarDate, noun, plural } from "@/lib/format";
import { FORECAST_DAYS, type LearnerStats } from "@/lib/stats/learner-stats";

export function Forecast({ forecast }: { forecast: LearnerStats["forecast"] }) {
  const max = Math.max(1, ...forecast.days.map((d) => d.due));
  const total = forecast.days.reduce((sum, d) => sum + d.due, 0);
  return (
    <div className="space-y-3">
      <ol className="flex items-end gap-1 sm:gap-2" data-testid="forecast">
        {forecast.days.map((day, i) => {
          const when = i === 0 ? "Today" : formatCalendarDate(day.date, { weekday: "long", month: "short", day: "numeric" });
          return (
            <li key={day.date} className="flex min-w-0 flex-1 flex-col items-center gap-1">
              <span className="sr-only">
                {when}: {plural(day.due, "card")}
              </span>
              <div aria-hidden="true" className="flex h-28 w-full flex-col items-center justify-end gap-0.5">
                {day.due > 0 && <span className="text-[10px] text-muted tabular-nums">{day.due}</span>}
                <div
                  className={`w-full max-w-8 rounded-t ${day.due === 0 ? "bg-line" : i === 0 ? "bg-accent" : "bg-accent/45"}`}
                  style={{ height: day.due === 0 ? 2 : Math.max(3, Math.round((day.due / max) * 88)) }}
                />
              </div>
              <div
                aria-hidden="true"
                className={`text-center text-[10px] leading-tight ${i === 0 ? "font-semibold text-accent" : "text-muted"}`}
              >
                <div>{formatCalendarDate(day.date, { weekday: "narrow" })}</div>
                <div className="tabular-nums">{formatCalendarDate(day.date, { day: "numeric" })}</div>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-muted">
        {plural(total, "card")} due in the next {FORECAST_DAYS} days.
        {forecast.overdue > 0 && (
          <>
            {" "}
            {forecast.overdue} of today&apos;s {forecast.days[0]!.due} {noun(forecast.overdue, "is", "are")} overdue from earlier days.
          </>
        )}
      </p>
    </div>
  );
}
