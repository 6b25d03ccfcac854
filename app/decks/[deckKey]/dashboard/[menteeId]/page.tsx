// One mentee on one of the mentor's decks: what they studied lately, the cards they miss, the invite
// they came through, and a name for them that only the mentor sees. Anyone else gets a 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NicknameForm } from "@/components/mentee-forms";
import { MarkdownInline } from "@/components/markdown";
import { EmptyState, PageHeader } from "@/components/page-chrome";
import { requireUser } from "@/lib/accounts/auth";
import { getDeck } from "@/lib/decks/browse";
import { getMenteeDetail, RETENTION_DAYS } from "@/lib/decks/mentoring";
import { formatDateTime, plural } from "@/lib/format";
import { isKey } from "@/lib/query-params";
import { getStudySettings } from "@/lib/review/settings";
import { deckKey, paths } from "@/lib/routes";
import { RATING_LABELS, type RatingValue } from "@/lib/scheduling/fsrs";

export const metadata: Metadata = { title: "Mentee" };

export default async function MenteePage({ params }: PageProps<"/decks/[deckKey]/dashboard/[menteeId]">) {
  const { deckKey: key, menteeId } = await params;
  const user = await requireUser(paths.deckDashboard(key));
  const deck = await getDeck(key, user);
  if (!deck || !isKey(menteeId)) notFound();
  const [mentee, { timeZone }] = await Promise.all([getMenteeDetail(user, deck.id, menteeId), getStudySettings(user.id)]);
  if (!mentee) notFound();

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        title={mentee.name}
        crumbs={[
          { label: "Decks", href: "/decks" },
          { label: deck.title, href: paths.deck(deck) },
          { label: "Mentees", href: paths.deckDashboard(deck) },
        ]}
        description={`Joined ${formatDateTime(mentee.joinedAt, timeZone)}${mentee.inviteLabel ? ` through the invite “${mentee.inviteLabel}”` : ""}.`}
      />
      <section className="card-surface p-4">
        <NicknameForm deckId={deck.id} deckKey={deckKey(deck)} userId={mentee.userId} nickname={mentee.nickname} />
      </section>

      <section aria-labelledby="missed-heading" className="space-y-3">
        <h2 id="missed-heading" className="text-lg font-semibold">
          Cards they missed (last {RETENTION_DAYS} days)
        </h2>
        {mentee.missed.length === 0 ? (
          <p className="text-sm text-muted">No misses in the last {RETENTION_DAYS} days.</p>
        ) : (
          <ol className="card-surface divide-y divide-line text-sm" data-testid="mentee-missed">
            {mentee.missed.map((c) => (
              <li key={c.cardSlug} className="flex justify-between gap-3 p-3">
                <Link href={paths.card(deck, c.cardSlug)} className="link">
                  <MarkdownInline>{c.front}</MarkdownInline>
                </Link>
                <span className="text-muted tabular-nums">{plural(c.again, "miss", "misses")}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent activity
        </h2>
        {mentee.recent.length === 0 ? (
          <EmptyState>
            <p>No reviews on this deck yet.</p>
          </EmptyState>
        ) : (
          <ol className="card-surface divide-y divide-line text-sm" data-testid="mentee-recent">
            {mentee.recent.map((r) => (
              <li key={`${r.reviewedAt.toISOString()}-${r.cardSlug}`} className="flex flex-wrap justify-between gap-x-3 gap-y-1 p-3">
                <MarkdownInline>{r.front}</MarkdownInline>
                <span className="text-muted">
                  {RATING_LABELS[r.rating as RatingValue]} ·{" "}
                  <time dateTime={r.reviewedAt.toISOString()}>{formatDateTime(r.reviewedAt, timeZone)}</time>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
