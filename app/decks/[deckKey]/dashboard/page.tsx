import { MarkdownInline } from "@/components/markdown";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/accounts/auth";
import { getDeck } from "@/lib/decks/browse";
import { RETENTION_DAYS } from "@/lib/decks/mentoring";
import { getMentorDashboard, type CardDifficulty, type MenteeProgress, type MentorDashboard } from "@/lib/views/mentor-dashboard";
import { paths, type DeckRef } from "@/lib/routes";
import { formatDateTime, formatTimeAgo, plural } from "@/lib/format";
import { EmptyState, PageHeader } from "@/components/page-chrome";
import { DigestSettingsSection } from "@/components/reminders/digest-settings";
import { getDigestSettings } from "@/lib/reminders/digest-settings";
import { getStudySettings } from "@/lib/review/settings";
import { ToReview } from "@/components/answers/to-review";
import { listAnswersToReview } from "@/lib/answers/feedback";

export const metadata: Metadata = { title: "Mentees" };

/** How many of the hardest cards the page lists. */
const HARDEST_SHOWN = 10;

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** A thin horizontal bar, filled to `value` percent. The number beside it is what screen readers get. */
function Bar({ value, tone = "bg-accent", className = "w-24" }: { value: number; tone?: string; className?: string }) {
  return (
    <div aria-hidden="true" className={`h-1.5 overflow-hidden rounded-full bg-line ${className}`}>
      <div className={`h-full rounded-full ${tone}`} style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
    </div>
  );
}

function retentionTone(retention: number): string {
  if (retention >= 0.85) return "bg-success";
  if (retention >= 0.7) return "bg-warn";
  return "bg-danger";
}

/** On a phone each cell is a labelled line of a stacked row; on wider screens, a table cell. */
const CELL = "p-3 max-md:flex max-md:items-center max-md:justify-between max-md:gap-3 max-md:px-0 max-md:py-1";
function CellLabel({ children }: { children: string }) {
  return <span className="text-muted md:hidden">{children}</span>;
}

function MenteeRow({ mentee, now, deck }: { mentee: MenteeProgress; now: Date; deck: DeckRef }) {
  const retention = mentee.retention30d;
  return (
    <tr className="max-md:block max-md:p-4">
      <th scope="row" className="p-3 text-left font-medium max-md:block max-md:px-0">
        <Link href={paths.menteeDetail(deck, mentee.userId)} className="link">
          {mentee.name}
        </Link>
        {mentee.inviteLabel && mentee.inviteLabel !== mentee.name && (
          <p className="text-xs font-normal text-muted">Joined through &ldquo;{mentee.inviteLabel}&rdquo;</p>
        )}
        {mentee.interviews.map((i) => (
          <p key={i.at.toISOString()} className="text-xs font-normal text-muted" data-testid="mentee-interview">
            Interview {formatDateTime(i.at, i.timeZone)}: {Math.round(i.now * 100)}% ready now, {Math.round(i.onPlan * 100)}% on plan
          </p>
        ))}
      </th>
      <td className={CELL}>
        <CellLabel>Started</CellLabel>
        <span>
          <span className="tabular-nums">
            {mentee.started}/{mentee.totalCards}
          </span>
          <Bar value={percent(mentee.started, mentee.totalCards)} className="mt-1 w-24" />
        </span>
      </td>
      <td className={`${CELL} text-right tabular-nums`}>
        <CellLabel>Reviews (7 days)</CellLabel>
        {mentee.reviews7d}
      </td>
      <td className={CELL}>
        <CellLabel>Retention</CellLabel>
        {retention === null ? (
          <span className="text-muted">—</span>
        ) : (
          <span>
            <span className="tabular-nums">{Math.round(retention * 100)}%</span>
            <Bar value={retention * 100} tone={retentionTone(retention)} className="mt-1 w-20" />
          </span>
        )}
      </td>
      <td className={`${CELL} text-right tabular-nums ${mentee.overdue > 0 ? "font-medium text-warn" : "text-muted"}`}>
        <CellLabel>Overdue</CellLabel>
        {mentee.overdue}
      </td>
      <td className={`${CELL} whitespace-nowrap`}>
        <CellLabel>Last active</CellLabel>
        {mentee.lastActive ? (
          <time dateTime={mentee.lastActive.toISOString()} title={`${mentee.lastActive.toISOString().slice(0, 16).replace("T", " ")} UTC`}>
            {formatTimeAgo(mentee.lastActive, now)}
          </time>
        ) : (
          <span className="text-muted">never</span>
        )}
      </td>
    </tr>
  );
}

function HardCard({ card, menteeCount, deck }: { card: CardDifficulty; menteeCount: number; deck: DeckRef }) {
  return (
    <li className="space-y-2 p-4">
      <Link href={paths.card(deck, card.slug)} className="font-medium hover:underline">
        <MarkdownInline>{card.front}</MarkdownInline>
      </Link>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Bar value={percent(card.menteesFailed, menteeCount)} tone="bg-danger" className="w-32" />
        <span>
          {card.menteesFailed} of {plural(menteeCount, "mentee")} missed it recently
        </span>
        <span className="text-muted tabular-nums">
          {card.againCount} Again in {plural(card.reviews, "review")}
        </span>
      </div>
      {card.missedBy.length > 0 && (
        <p className="text-sm" data-testid="missed-by">
          Missed by {card.missedBy.join(", ")}
        </p>
      )}
      {card.missedPoints.length > 0 && (
        <div className="text-sm">
          <p className="text-muted">Key points they miss most:</p>
          <ul className="list-disc pl-5" data-testid="group-missed-points">
            {card.missedPoints.map((m) => (
              <li key={m.point}>
                {m.point}{" "}
                <span className="text-xs text-muted tabular-nums">
                  (missed {m.missed} of {m.shown})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

function MenteeProgressTable({ mentees, now, deck }: { mentees: MenteeProgress[]; now: Date; deck: DeckRef }) {
  return (
    <section aria-labelledby="mentees-heading" className="space-y-3">
      <h2 id="mentees-heading" className="text-lg font-semibold">
        Progress
      </h2>
      <div className="card-surface overflow-x-auto">
        <table className="w-full text-sm md:min-w-[36rem]">
          <thead className="border-b border-line text-left text-muted max-md:sr-only">
            <tr>
              <th scope="col" className="p-3 font-medium">
                Mentee
              </th>
              <th scope="col" className="p-3 font-medium">
                Started
              </th>
              <th scope="col" className="p-3 text-right font-medium">
                Reviews (7 days)
              </th>
              <th scope="col" className="p-3 font-medium">
                Retention ({RETENTION_DAYS} days)
              </th>
              <th scope="col" className="p-3 text-right font-medium">
                Overdue
              </th>
              <th scope="col" className="p-3 font-medium">
                Last active
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line max-md:block" data-testid="mentee-rows">
            {mentees.map((m) => (
              <MenteeRow key={m.userId} mentee={m} now={now} deck={deck} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted">
        Retention is the share of reviews not graded Again. Overdue counts review cards a day or more past their due date. Open a mentee for
        their recent activity, or to give them a name only you see.
      </p>
    </section>
  );
}

/** The cards mentees can't check themselves on: a gap for the mentor to fill. */
function BlankCards({ cards, deck }: { cards: MentorDashboard["blankCards"]; deck: DeckRef }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="blank-heading" className="card-surface space-y-2 border-warn/40 p-4" data-testid="blank-cards">
      <h2 id="blank-heading" className="font-semibold">
        {plural(cards.length, "card")} without an answer
      </h2>
      <p className="text-sm text-muted">Mentees can&apos;t check themselves on these: write their answers before they come up.</p>
      <ul className="list-disc pl-5 text-sm">
        {cards.slice(0, 10).map((c) => (
          <li key={c.slug}>
            <Link href={paths.cardEdit(deck, c.slug)} className="link">
              <MarkdownInline>{c.front}</MarkdownInline>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function HardestCards({ dashboard, deck }: { dashboard: MentorDashboard; deck: DeckRef }) {
  const hardest = dashboard.cards.filter((c) => c.againCount > 0).slice(0, HARDEST_SHOWN);
  const menteeCount = dashboard.mentees.length;
  return (
    <section aria-labelledby="hardest-heading" className="space-y-3">
      <div>
        <h2 id="hardest-heading" className="text-lg font-semibold">
          Cards your mentees find hardest
        </h2>
        <p className="text-sm text-muted">From the last {RETENTION_DAYS} days of reviews.</p>
      </div>
      {!dashboard.hasReviews ? (
        <EmptyState>
          <p>No reviews yet.</p>
          <p className="mt-1 text-sm text-muted">When your mentees start studying, the cards they miss show up here.</p>
        </EmptyState>
      ) : hardest.length === 0 ? (
        <EmptyState>
          <p>No misses in the last {RETENTION_DAYS} days.</p>
        </EmptyState>
      ) : (
        <ol className="card-surface divide-y divide-line" data-testid="hardest-cards">
          {hardest.map((card) => (
            <HardCard key={card.cardId} card={card} menteeCount={menteeCount} deck={deck} />
          ))}
        </ol>
      )}
    </section>
  );
}

export default async function MentorDashboardPage({ params }: PageProps<"/decks/[deckKey]/dashboard">) {
  const { deckKey: key } = await params;
  const user = await requireUser(paths.deckDashboard(key));
  const deck = await getDeck(key, user);
  if (!deck) notFound();
  const now = new Date();
  const [dashboard, digest, { timeZone }, toReview] = await Promise.all([
    getMentorDashboard(user, deck.id, now),
    getDigestSettings(user, deck.id),
    getStudySettings(user.id),
    listAnswersToReview(user, deck.id),
  ]);
  if (!dashboard || !digest) notFound();
  const base = paths.deck(deck);
  const { mentees } = dashboard;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Your mentees"
        crumbs={[
          { label: "Decks", href: "/decks" },
          { label: deck.title, href: base },
        ]}
        description={
          mentees.length === 0
            ? "Progress of the people who join this deck through your invites shows up here."
            : `${plural(mentees.length, "mentee")} joined through your invites.`
        }
      />

      {mentees.length === 0 ? (
        <EmptyState action={{ label: "Invite mentees from the Sharing page", href: paths.deckSharing(deck) }}>
          <p>No mentees yet.</p>
        </EmptyState>
      ) : (
        <>
          <ToReview answers={toReview} deck={deck} now={now} />

          <MenteeProgressTable mentees={mentees} now={now} deck={deck} />

          <BlankCards cards={dashboard.blankCards} deck={deck} />

          <HardestCards dashboard={dashboard} deck={deck} />
        </>
      )}

      <DigestSettingsSection deckId={deck.id} settings={digest} timeZone={timeZone} />
    </div>
  );
}
