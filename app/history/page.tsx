import { MarkdownInline } from "@/components/markdown";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/accounts/auth";
import { formatInterval, RATING_LABELS } from "@/lib/scheduling/fsrs";
import { listHistory, type HistoryEntry } from "@/lib/review/history";
import { paths } from "@/lib/routes";
import { formatCalendarDate, formatTime, plural } from "@/lib/format";
import { studyDay } from "@/lib/scheduling/study-day";
import { getStudySettings } from "@/lib/review/settings";
import { EmptyState, PageHeader } from "@/components/page-chrome";
import { pageParam } from "@/lib/query-params";

export const metadata: Metadata = { title: "Review history" };

const GRADE_STYLE = { 1: "text-danger", 2: "text-warn", 3: "text-success", 4: "text-accent" } as const;

/** Ratings grouped by the learner's study day (their time zone and day-start hour), newest first. */
function byDay<T extends { reviewedAt: Date }>(entries: T[], timeZone: string, dayStartHour: number) {
  const days: { date: string; entries: T[] }[] = [];
  for (const entry of entries) {
    const { date } = studyDay(entry.reviewedAt, timeZone, dayStartHour);
    if (days.at(-1)?.date === date) days.at(-1)!.entries.push(entry);
    else days.push({ date, entries: [entry] });
  }
  return days;
}

function HistoryRow({ entry: e, timeZone }: { entry: HistoryEntry; timeZone: string }) {
  return (
    // On a phone each rating is a stacked row: time, grade and timing on one line, the card under it.
    <tr className="max-md:grid max-md:grid-cols-4 max-md:gap-x-2 max-md:px-3 max-md:py-2">
      <td className="p-3 whitespace-nowrap tabular-nums max-md:p-0">
        <time dateTime={e.reviewedAt.toISOString()}>{formatTime(e.reviewedAt, timeZone)}</time>
      </td>
      <td className="max-w-md p-3 max-md:order-last max-md:col-span-4 max-md:max-w-none max-md:p-0 max-md:pt-1">
        {e.card ? (
          <Link href={paths.card(e.card.deck, e.card.slug)} className="hover:underline">
            <MarkdownInline>{e.question}</MarkdownInline>
          </Link>
        ) : (
          <MarkdownInline className="text-muted">{e.question}</MarkdownInline>
        )}
      </td>
      <td className={`p-3 font-medium max-md:p-0 ${GRADE_STYLE[e.rating]}`}>{RATING_LABELS[e.rating]}</td>
      <td className="p-3 text-right tabular-nums max-md:p-0">
        <span className="md:sr-only">next in </span>
        {formatInterval(e.intervalMs)}
      </td>
      <td className="p-3 text-right tabular-nums max-md:p-0">{(e.durationMs / 1000).toFixed(1)}s</td>
    </tr>
  );
}

function HistoryDay({ date, entries, timeZone }: { date: string; entries: HistoryEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby={`day-${date}`} className="space-y-2">
      <h2 id={`day-${date}`} className="text-sm font-semibold text-muted">
        {formatCalendarDate(date, { weekday: "long", month: "long", day: "numeric", year: "numeric" })} · {plural(entries.length, "review")}
      </h2>
      <div className="card-surface">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-line text-muted max-md:sr-only">
            <tr>
              <th scope="col" className="p-3 font-medium">
                Time
              </th>
              <th scope="col" className="p-3 font-medium">
                Card
              </th>
              <th scope="col" className="p-3 font-medium">
                Grade
              </th>
              <th scope="col" className="p-3 text-right font-medium">
                Next in
              </th>
              <th scope="col" className="p-3 text-right font-medium">
                Answer time
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line" data-testid="history-rows">
            {entries.map((e) => (
              <HistoryRow key={e.id} entry={e} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Pages({ page, pages }: { page: number; pages: number }) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between">
      {page > 1 ? (
        <Link href={`/history?page=${page - 1}`} className="btn" rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={`/history?page=${page + 1}`} className="btn" rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export default async function HistoryPage({ searchParams }: PageProps<"/history">) {
  const user = await requireUser("/history");
  const { page: requestedPage } = await searchParams;
  const page = pageParam(requestedPage);
  const [{ entries, total, pages }, { timeZone, dayStartHour }] = await Promise.all([listHistory(user, page), getStudySettings(user.id)]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Review history"
        description={total === 0 ? "No reviews yet." : `${plural(total, "review")}, newest first, in your time zone (${timeZone}).`}
      />
      {total === 0 ? (
        <EmptyState action={{ label: "Start a session", href: "/study" }}>
          <p>Every rating you give is kept here.</p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {byDay(entries, timeZone, dayStartHour).map(({ date, entries: day }) => (
            <HistoryDay key={date} date={date} entries={day} timeZone={timeZone} />
          ))}
        </div>
      )}
      {pages > 1 && <Pages page={page} pages={pages} />}
    </div>
  );
}
