// The signed-in home: today's work and one Study button first, then each studied deck with its own
// counts, the streak and the next interview; a first-time learner gets one click into a deck instead;
// the decks they write come last, once they have any.
import Link from "next/link";
import { VerdictBadge } from "@/components/answers/answer-feedback";
import { MarkdownInline } from "@/components/markdown";
import { PlanAsk } from "@/components/plan-ask";
import { StartAndStudyButton } from "@/components/study-toggle";
import { listEditableDecks, type OwnDeckSummary } from "@/lib/decks/authoring";
import { listPublicDecks } from "@/lib/decks/browse";
import type { Viewer } from "@/lib/decks/access";
import { formatDateTime, percent, plural } from "@/lib/format";
import type { DayCounts } from "@/lib/review/session";
import { getToday, type Today } from "@/lib/views/today";
import { ReminderOffer } from "@/components/reminders/reminder-offer";
import { showsReminderOffer } from "@/lib/reminders/settings";
import { paths } from "@/lib/routes";

function CountLine({ counts }: { counts: DayCounts }) {
  return (
    <span className="tabular-nums">
      <span className="text-accent">{counts.new.toLocaleString("en")} new</span> · {counts.learning.toLocaleString("en")} learning ·{" "}
      {plural(counts.review, "review")} due
    </span>
  );
}

function TodaySection({ today }: { today: Today }) {
  const { counts, decks, streak } = today;
  return (
    <section aria-labelledby="today" className="card-surface space-y-4 p-6">
      <h1 id="today" className="text-2xl font-semibold tracking-tight">
        Today
      </h1>
      {decks.length === 0 ? (
        <FirstDeck />
      ) : counts.total > 0 ? (
        <>
          <p className="text-lg" data-testid="today-counts">
            {plural(counts.review + counts.learning, "card")} to review and {plural(counts.new, "new card")}: about{" "}
            {plural(Math.max(1, today.minutes), "minute")}.
          </p>
          <Link href="/study" className="btn btn-primary">
            Study now
          </Link>
        </>
      ) : (
        <p className="text-lg" data-testid="today-counts">
          You&apos;re done for today. Nothing is due and today&apos;s new cards are met
          {decks.some((d) => d.unanswered > 0) ? ", though some cards wait for an answer (below)" : ""}.{" "}
          <Link href={paths.study({ ahead: true })} className="link">
            Review ahead
          </Link>
        </p>
      )}
      {today.newCards.ask && <PlanAsk ask={today.newCards.ask} />}
      <p className="text-sm text-muted" data-testid="streak">
        {streak.current > 0
          ? `Streak: ${plural(streak.current, "day")} in a row${streak.longest > streak.current ? ` (best ${streak.longest})` : ""}.`
          : "No streak yet: study today to start one."}
      </p>
    </section>
  );
}

function NextInterview({ next }: { next: NonNullable<Today["next"]> }) {
  return (
    <section aria-labelledby="next-interview" className="card-surface space-y-1 p-5" data-testid="today-interview">
      <h2 id="next-interview" className="font-semibold">
        Next interview:{" "}
        <Link href={paths.interview(next.interview.id)} className="link">
          {next.interview.label}
        </Link>
      </h2>
      <p className="text-sm text-muted">
        {formatDateTime(next.interview.at, next.interview.timeZone)}. Ready now: {percent(next.now)}; on plan: {percent(next.onPlan)} (aim{" "}
        {percent(next.interview.target)}).{next.reachable ? "" : " The aim is out of reach at your limits: see the plan."}
      </p>
    </section>
  );
}

function FeedbackOnAnswers({ feedback }: { feedback: Today["feedback"] }) {
  return (
    <section aria-labelledby="answer-feedback" className="space-y-3">
      <h2 id="answer-feedback" className="text-lg font-semibold tracking-tight">
        Feedback on your answers
      </h2>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface text-sm" data-testid="today-feedback">
        {feedback.map((f) => (
          <li key={`${f.answerId}-${f.givenAt.toISOString()}`} className="flex flex-wrap items-center gap-2 p-4">
            <Link href={paths.card(f.card.deck, f.card.slug)} className="link min-w-0 flex-1">
              <MarkdownInline>{f.card.front}</MarkdownInline>
            </Link>
            <VerdictBadge verdict={f.verdict} />
            <span className={f.seen ? "text-muted" : "font-medium text-accent"}>{f.seen ? "seen" : "new"}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StudyDecks({ decks }: { decks: Today["decks"] }) {
  return (
    <section aria-labelledby="studying" className="space-y-3">
      <h2 id="studying" className="text-lg font-semibold tracking-tight">
        Your study decks
      </h2>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
        {decks.map((deck) => (
          <li key={deck.id} className="flex flex-wrap items-center gap-3 p-4">
            <div className="min-w-0 flex-1">
              <Link href={paths.deck(deck)} className="font-medium hover:underline">
                {deck.title}
              </Link>
              <p className="text-sm text-muted">
                <CountLine counts={deck.counts} />
              </p>
            </div>
            {deck.counts.total > 0 ? (
              <Link href={paths.study({ deck })} className="btn" aria-label={`Study ${deck.title}`}>
                Study
              </Link>
            ) : deck.unanswered > 0 ? (
              <span className="text-sm text-muted" data-testid="waiting-for-answers">
                {deck.mentored ? "Your mentor hasn't" : "The author hasn't"} answered {plural(deck.unanswered, "card")} yet
              </span>
            ) : (
              <span className="text-sm text-muted">Done for today</span>
            )}
          </li>
        ))}
      </ul>
      <p className="text-sm">
        <Link href="/decks" className="link">
          Find more decks
        </Link>
      </p>
    </section>
  );
}

function AuthoredDecks({ authored }: { authored: OwnDeckSummary[] }) {
  return (
    <section aria-labelledby="writing" className="space-y-3">
      <h2 id="writing" className="text-lg font-semibold tracking-tight">
        Decks you write
      </h2>
      {authored.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {authored.map((deck) => (
            <li key={deck.id}>
              <Link href={paths.deck(deck)} className="chip min-h-9">
                {deck.title} · {plural(deck.cardCount, "card")}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/decks/new" className="chip min-h-9">
              New deck
            </Link>
          </li>
        </ul>
      ) : (
        <p className="text-sm text-muted">
          Mentors and learners write their own questions too.{" "}
          <Link href="/decks/new" className="link">
            Write or import a deck
          </Link>
        </p>
      )}
    </section>
  );
}

export async function TodayHome({ viewer }: { viewer: Viewer }) {
  const [today, authored, offerReminders] = await Promise.all([getToday(viewer), listEditableDecks(viewer), showsReminderOffer(viewer.id)]);
  const { decks, next } = today;
  return (
    <div className="mx-auto max-w-3xl space-y-8 py-4">
      <TodaySection today={today} />
      {offerReminders && <ReminderOffer />}
      {next && <NextInterview next={next} />}
      {today.feedback.length > 0 && <FeedbackOnAnswers feedback={today.feedback} />}
      {decks.length > 0 && <StudyDecks decks={decks} />}
      <AuthoredDecks authored={authored} />
    </div>
  );
}

/** A learner with nothing to study yet: the library's decks, each one click from its first card. */
async function FirstDeck() {
  const decks = (await listPublicDecks()).slice(0, 3);
  return (
    <div className="space-y-3">
      <p className="text-lg">Pick a deck and start: your first cards are waiting.</p>
      <ul className="space-y-2">
        {decks.map((deck) => (
          <li key={deck.id}>
            <StartAndStudyButton deckId={deck.id} title={deck.title} />{" "}
            <span className="text-sm text-muted">{plural(deck.cardCount, "card")}</span>
          </li>
        ))}
      </ul>
      <p className="text-sm">
        <Link href="/decks" className="link">
          Browse all decks
        </Link>
      </p>
    </div>
  );
}
