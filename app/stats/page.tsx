import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/accounts/auth";
import { FORECAST_DAYS, getLearnerStats, HEATMAP_DAYS, MATURE_DAYS, RETENTION_DAYS, type DayCount, type LearnerStats, type Retention } from "@/lib/stats/learner-stats";

export const metadata: Metadata = { title: "Your stats" };

/** How many tags the retention chart lists, weakest first. */
const TAGS_SHOWN = 8;

// ---------- formatting ----------

/** A study day's date ("2030-11-10") as text; the date is a calendar date, so it is read in UTC. */
function formatDate(date: string, options: Intl.DateTimeFormatOptions): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en", { timeZone: "UTC", ...options });
}

function weekday(date: string): number {
  // Monday 0 ... Sunday 6
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function retentionTone(rate: number): string {
  if (rate >= 0.85) return "bg-success";
  if (rate >= 0.7) return "bg-warn";
  return "bg-danger";
}

// ---------- the heatmap ----------

const SHADES = ["bg-line", "bg-accent/25", "bg-accent/50", "bg-accent/75", "bg-accent"] as const;

function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return SHADES[0];
  return SHADES[Math.min(4, Math.ceil((count / max) * 4))]!;
}

function heatmapSummary(days: DayCount[]): string {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  if (total === 0) return `No reviews in the last ${HEATMAP_DAYS / 7} weeks.`;
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best));
  return (
    `${plural(total, "review")} on ${active} of the last ${HEATMAP_DAYS} days. ` +
    `Busiest day: ${formatDate(busiest.date, { weekday: "long", month: "long", day: "numeric" })}, with ${plural(busiest.count, "review")}.`
  );
}

function Heatmap({ days }: { days: DayCount[] }) {
  const max = Math.max(0, ...days.map((d) => d.count));
  // GitHub style: one column per week (Monday on top), the first column padded to the first day's weekday
  const cells: (DayCount | null)[] = [...Array<null>(weekday(days[0]!.date)).fill(null), ...days];
  const weeks: (DayCount | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const monthOf = (week: (DayCount | null)[]) => week.find((d) => d !== null)!.date.slice(0, 7);

  return (
    <div className="overflow-x-auto">
      <div role="img" aria-label={heatmapSummary(days)} className="inline-flex gap-1 text-[10px] leading-none">
        <div aria-hidden="true" className="text-muted flex flex-col gap-1 pr-1">
          <span className="h-3" />
          {["Mon", "", "Wed", "", "Fri", "", "Sun"].map((label, i) => (
            <span key={i} className="flex h-3.5 items-center sm:h-5">
              {label}
            </span>
          ))}
        </div>
        {weeks.map((week, w) => {
          const month = monthOf(week);
          const label = w === 0 || month !== monthOf(weeks[w - 1]!) ? formatDate(`${month}-01`, { month: "short" }) : "";
          return (
            <div key={w} aria-hidden="true" className="flex flex-col gap-1">
              <span className="text-muted h-3 w-3.5 overflow-visible whitespace-nowrap sm:w-5">{label}</span>
              {week.map((day, d) =>
                day ? (
                  <span
                    key={day.date}
                    title={`${plural(day.count, "review")} on ${formatDate(day.date, { weekday: "short", month: "short", day: "numeric" })}`}
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
      <div aria-hidden="true" className="text-muted mt-3 flex items-center gap-1 text-xs">
        <span className="mr-1">Less</span>
        {SHADES.map((s) => (
          <span key={s} className={`size-3 rounded-[3px] ${s}`} />
        ))}
        <span className="ml-1">More</span>
      </div>
    </div>
  );
}

// ---------- the other charts ----------

function Meter({ rate, className = "" }: { rate: number; className?: string }) {
  return (
    <div aria-hidden="true" className={`bg-line h-2 overflow-hidden rounded-full ${className}`}>
      <div className={`h-full rounded-full ${retentionTone(rate)}`} style={{ width: `${Math.round(rate * 100)}%` }} />
    </div>
  );
}

function BigNumber({ label, value, unit, children }: { label: string; value: string; unit?: string; children?: ReactNode }) {
  return (
    <section className="card-surface space-y-2 p-5">
      <h2 className="text-muted text-sm font-medium">{label}</h2>
      <p className="text-4xl font-semibold tracking-tight tabular-nums">
        {value}
        {unit && <span className="text-muted ml-1.5 text-base font-normal">{unit}</span>}
      </p>
      <div className="text-muted text-sm">{children}</div>
    </section>
  );
}

function splitText(name: string, r: Retention): string {
  return r.rate === null ? `${name} —` : `${name} ${percent(r.rate)}`;
}

function Forecast({ forecast }: { forecast: LearnerStats["forecast"] }) {
  const max = Math.max(1, ...forecast.days.map((d) => d.due));
  const total = forecast.days.reduce((sum, d) => sum + d.due, 0);
  return (
    <div className="space-y-3">
      <ol className="flex items-end gap-1 sm:gap-2" data-testid="forecast">
        {forecast.days.map((day, i) => {
          const when = i === 0 ? "Today" : formatDate(day.date, { weekday: "long", month: "short", day: "numeric" });
          return (
            <li key={day.date} className="flex min-w-0 flex-1 flex-col items-center gap-1">
              <span className="sr-only">
                {when}: {plural(day.due, "card")}
              </span>
              <div aria-hidden="true" className="flex h-28 w-full flex-col items-center justify-end gap-0.5">
                {day.due > 0 && <span className="text-muted text-[10px] tabular-nums">{day.due}</span>}
                <div
                  className={`w-full max-w-8 rounded-t ${day.due === 0 ? "bg-line" : i === 0 ? "bg-accent" : "bg-accent/45"}`}
                  style={{ height: day.due === 0 ? 2 : Math.max(3, Math.round((day.due / max) * 88)) }}
                />
              </div>
              <div aria-hidden="true" className={`text-center text-[10px] leading-tight ${i === 0 ? "text-accent font-semibold" : "text-muted"}`}>
                <div>{formatDate(day.date, { weekday: "narrow" })}</div>
                <div className="tabular-nums">{formatDate(day.date, { day: "numeric" })}</div>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="text-muted text-sm">
        {plural(total, "card")} due in the next {FORECAST_DAYS} days.
        {forecast.overdue > 0 && (
          <>
            {" "}
            {forecast.overdue} of today&apos;s {forecast.days[0]!.due} {forecast.overdue === 1 ? "is" : "are"} overdue from earlier days.
          </>
        )}
      </p>
    </div>
  );
}

const STATE_PARTS = [
  { key: "newStarted", label: "New (started)", tone: "bg-accent/35" },
  { key: "learning", label: "Learning", tone: "bg-warn" },
  { key: "review", label: "Review", tone: "bg-success" },
  { key: "relearning", label: "Relearning", tone: "bg-danger" },
  { key: "suspended", label: "Suspended", tone: "bg-muted/40" },
] as const;

function States({ states }: { states: LearnerStats["states"] }) {
  if (states.total === 0) return <p className="text-muted text-sm">No cards started in the decks you study.</p>;
  return (
    <div className="space-y-4">
      <div aria-hidden="true" className="bg-line flex h-4 overflow-hidden rounded-full">
        {STATE_PARTS.map((part) =>
          states[part.key] > 0 ? (
            <div key={part.key} className={part.tone} style={{ width: `${(states[part.key] / states.total) * 100}%` }} title={`${part.label}: ${states[part.key]}`} />
          ) : null,
        )}
      </div>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5" data-testid="states">
        {STATE_PARTS.map((part) => (
          <li key={part.key} className="flex items-center gap-2">
            <span aria-hidden="true" className={`size-3 shrink-0 rounded-sm ${part.tone}`} />
            <span className="text-muted">{part.label}</span>
            <span className="ml-auto font-medium tabular-nums sm:ml-0">{states[part.key].toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------- the page ----------

export default async function StatsPage() {
  const user = await requireUser("/stats");
  const stats = await getLearnerStats(user);

  const header = (
    <header>
      <h1 className="text-2xl font-semibold tracking-tight">Your stats</h1>
      <p className="text-muted">
        Days start at {String(stats.dayStartHour).padStart(2, "0")}:00, {stats.timeZone.replaceAll("_", " ")} time.
      </p>
    </header>
  );

  if (!stats.hasReviews) {
    return (
      <div className="space-y-6">
        {header}
        <div className="card-surface p-8 text-center">
          <p>Your stats appear after your first session.</p>
          <Link href="/study" className="btn btn-primary mt-4">
            Start a session
          </Link>
        </div>
      </div>
    );
  }

  const { streak, today, retention, tags } = stats;
  const overall = retention.overall;

  return (
    <div className="space-y-8">
      {header}

      <div className="grid gap-4 sm:grid-cols-3">
        <BigNumber label="Streak" value={`${streak.current}${streak.currentAtLeast ? "+" : ""}`} unit={streak.current === 1 ? "day" : "days"}>
          {streak.current === 0
            ? "Review today to start one."
            : today.reviews === 0
              ? "Review today to keep it going."
              : "Keep it going tomorrow."}{" "}
          Longest in {HEATMAP_DAYS / 7} weeks: {plural(streak.longest, "day")}.
        </BigNumber>
        <BigNumber label="Today" value={today.reviews.toLocaleString("en")} unit={today.reviews === 1 ? "review" : "reviews"}>
          {today.reviews === 0 ? (
            <Link href="/study" className="link">
              Start today&apos;s session
            </Link>
          ) : (
            <>
              {formatDuration(today.timeMs)} spent
              {today.retention.rate !== null && <>, {percent(today.retention.rate)} remembered</>}.
            </>
          )}
        </BigNumber>
        <BigNumber label={`Retention, last ${RETENTION_DAYS} days`} value={overall.rate === null ? "—" : percent(overall.rate)}>
          {overall.rate !== null && <Meter rate={overall.rate} className="mb-2" />}
          <span title={`Review cards with an interval under ${MATURE_DAYS} days (young) or of ${MATURE_DAYS} days and more (mature)`}>
            {splitText("Young", retention.young)} · {splitText("Mature", retention.mature)}
          </span>
        </BigNumber>
      </div>

      <section aria-labelledby="heatmap-heading" className="card-surface space-y-3 p-5">
        <h2 id="heatmap-heading" className="text-lg font-semibold">
          Reviews, last {HEATMAP_DAYS / 7} weeks
        </h2>
        <Heatmap days={stats.heatmap} />
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="forecast-heading" className="card-surface space-y-3 p-5">
          <h2 id="forecast-heading" className="text-lg font-semibold">
            Coming up
          </h2>
          <Forecast forecast={stats.forecast} />
        </section>

        <section aria-labelledby="tags-heading" className="card-surface space-y-3 p-5">
          <div>
            <h2 id="tags-heading" className="text-lg font-semibold">
              Retention by tag
            </h2>
            <p className="text-muted text-sm">Weakest first, last {RETENTION_DAYS} days.</p>
          </div>
          {tags.length === 0 ? (
            <p className="text-muted text-sm">No reviews in the last {RETENTION_DAYS} days.</p>
          ) : (
            <ul className="space-y-3" data-testid="tag-retention">
              {tags.slice(0, TAGS_SHOWN).map((t) => (
                <li key={t.tag} className="grid grid-cols-[minmax(0,8rem)_1fr_5.5rem] items-center gap-3 text-sm">
                  <span className="truncate" title={t.tag}>
                    {t.tag}
                  </span>
                  <Meter rate={t.rate} />
                  <span className="text-right tabular-nums">
                    {percent(t.rate)} <span className="text-muted text-xs">of {t.reviews}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {tags.length > TAGS_SHOWN && <p className="text-muted text-xs">And {plural(tags.length - TAGS_SHOWN, "more tag")}, all at {percent(tags[TAGS_SHOWN]!.rate)} or better.</p>}
        </section>
      </div>

      <section aria-labelledby="states-heading" className="card-surface space-y-3 p-5">
        <h2 id="states-heading" className="text-lg font-semibold">
          Your cards
        </h2>
        <States states={stats.states} />
      </section>
    </div>
  );
}
