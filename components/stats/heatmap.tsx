// The review heatmap: one square per study day, GitHub style, shaded by the number of reviews.
import { formatCalendarDate, plural } from "@/lib/format";
import type { DayCount } from "@/lib/stats/learner-stats";

function weekday(date: string): number {
  // Monday 0 ... Sunday 6
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

const SHADES = ["bg-line", "bg-accent/25", "bg-accent/50", "bg-accent/75", "bg-accent"] as const;

function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return SHADES[0];
  return SHADES[Math.min(4, Math.ceil((count / max) * 4))]!;
}

function heatmapSummary(days: DayCount[]): string {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  if (total === 0) return `No reviews in the last ${days.length / 7} weeks.`;
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best));
  return (
    `${plural(total, "review")} on ${active} of the last ${days.length} days. ` +
    `Busiest day: ${formatCalendarDate(busiest.date, { weekday: "long", month: "long", day: "numeric" })}, with ${plural(busiest.count, "review")}.`
  );
}

export function Heatmap({ days }: { days: DayCount[] }) {
  const max = Math.max(0, ...days.map((d) => d.count));
  // GitHub style: one column per week (Monday on top), the first column padded to the first day's weekday
  const cells: (DayCount | null)[] = [...Array<null>(weekday(days[0]!.date)).fill(null), ...days];
  const weeks: (DayCount | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const monthOf = (week: (DayCount | null)[]) => week.find((d) => d !== null)!.date.slice(0, 7);

  return (
    <div className="overflow-x-auto">
      <div role="img" aria-label={heatmapSummary(days)} className="inline-flex gap-1 text-[10px] leading-none">
        <div aria-hidden="true" className="flex flex-col gap-1 pr-1 text-muted">
          <span className="h-3" />
          {["Mon", "", "Wed", "", "Fri", "", "Sun"].map((label, i) => (
            <span key={i} className="flex h-3.5 items-center sm:h-5">
              {label}
            </span>
          ))}
        </div>
        {weeks.map((week, w) => {
          const month = monthOf(week);
          const label = w === 0 || month !== monthOf(weeks[w - 1]!) ? formatCalendarDate(`${month}-01`, { month: "short" }) : "";
          return (
            <div key={w} aria-hidden="true" className="flex flex-col gap-1">
              <span className="h-3 w-3.5 overflow-visible whitespace-nowrap text-muted sm:w-5">{label}</span>
              {week.map((day, d) =>
                day ? (
                  <span
                    key={day.date}
                    title={`${plural(day.count, "review")} on ${formatCalendarDate(day.date, { weekday: "short", month: "short", day: "numeric" })}`}
                    className={`size-3.5 rounded-[3px] sm:size-5 ${shade(day.count, max)}`}
                    data-count={day.count}
                  />
                ) : (
                  <span key={`pad-${d}`} className="size-3.5 sm:size-5" />
                ),
              )}
            </div>
          );
        })}
      </div>
      <div aria-hidden="true" className="mt-3 flex items-center gap-1 text-xs text-muted">
        <span className="mr-1">Less</span>
        {SHADES.map((s) => (
          <span key={s} className={`size-3 rounded-[3px] ${s}`} />
        ))}
        <span className="ml-1">More</span>
      </div>
    </div>
  );
}
