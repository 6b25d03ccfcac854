import { MarkdownInline } from "@/components/markdown";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/accounts/auth";
import { formatInterval, RATING_LABELS } from "@/lib/scheduling/fsrs";
import { listHistory } from "@/lib/review/history";
import { paths } from "@/lib/routes";
import { formatDateTime, plural } from "@/lib/format";
import { getStudySettings } from "@/lib/review/settings";
import { EmptyState, PageHeader } from "@/components/page-chrome";
import { pageParam } from "@/lib/query-params";

export const metadata: Metadata = { title: "Review history" };

const GRADE_STYLE = { 1: "text-danger", 2: "text-warn", 3: "text-success", 4: "text-accent" } as const;

export default async function HistoryPage({ searchParams }: PageProps<"/history">) {
  const user = await requireUser("/history");
  const { page: requestedPage } = await searchParams;
  const page = pageParam(requestedPage);
  const [{ entries, total, pages }, { timeZone }] = await Promise.all([listHistory(user, page), getStudySettings(user.id)]);

  return (
    <div className="space-y-6">
      <PageHeader title="Review history" description={total === 0 ? "No reviews yet." : `${plural(total, "review")}, newest first.`} />
      {total === 0 ? (
        <EmptyState action={{ label: "Start a session", href: "/study" }}>
          <p>Every rating you give is kept here.</p>
        </EmptyState>
      ) : (
        <div className="card-surface overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-line text-muted">
              <tr>
                <th scope="col" className="p-3 font-medium">
                  When
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
                <tr key={e.id}>
                  <td className="p-3 whitespace-nowrap tabular-nums">
                    <time dateTime={e.reviewedAt.toISOString()}>{formatDateTime(e.reviewedAt, timeZone)}</time>
                  </td>
                  <td className="max-w-md p-3">
                    {e.card ? (
                      <Link href={paths.card(e.card.deck, e.card.slug)} className="hover:underline">
                        <MarkdownInline>{e.question}</MarkdownInline>
                      </Link>
                    ) : (
                      <MarkdownInline className="text-muted">{e.question}</MarkdownInline>
                    )}
                  </td>
                  <td className={`p-3 font-medium ${GRADE_STYLE[e.rating]}`}>{RATING_LABELS[e.rating]}</td>
                  <td className="p-3 text-right tabular-nums">{formatInterval(e.intervalMs)}</td>
                  <td className="p-3 text-right tabular-nums">{(e.durationMs / 1000).toFixed(1)}s</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
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
      )}
    </div>
  );
}
