import { MarkdownInline } from "@/components/markdown";
import type { Metadata } from "next";
import Link from "next/link";
import { CardStates } from "@/components/stats/card-states";
import { BigNumber, Meter, RecallRow } from "@/components/stats/figures";
import { Forecast } from "@/components/stats/forecast";
import { Heatmap } from "@/components/stats/heatmap";
import { requireUser } from "@/lib/accounts/auth";
import { formatDuration, noun, percent, plural } from "@/lib/format";
import { getLearnerStats, HEATMAP_DAYS, MATURE_DAYS, RETENTION_DAYS, type Retention } from "@/lib/stats/learner-stats";
import {
  getCalibration,
  getMissedKeyPoints,
  getSuggestionCalibration,
  type Calibration,
  type MissedPoint,
  type SuggestionCalibration as SuggestionRow,
} from "@/lib/stats/key-points";
import { SuggestionCalibration } from "@/components/stats/suggestion-calibration";
import { RATING_LABELS } from "@/lib/scheduling/fsrs";
import { paths } from "@/lib/routes";
import { EmptyState, PageHeader } from "@/components/page-chrome";

export const metadata: Metadata = { title: "Your stats" };

/** How many tags the retention chart lists, weakest first. */
const TAGS_SHOWN = 8;

function splitText(name: string, r: Retention): string {
  return r.rate === null ? `${name} —` : `${name} ${percent(r.rate)}`;
}

type Stats = Awaited<ReturnType<typeof getLearnerStats>>;

/** Streak, today's reviews and retention: the three numbers at the top. */
function Headlines({ stats }: { stats: Stats }) {
  const { streak, today, retention } = stats;
  const overall = retention.overall;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <BigNumber label="Streak" value={`${streak.current}${streak.currentAtLeast ? "+" : ""}`} unit={noun(streak.current, "day")}>
        {streak.current === 0
          ? "Review today to start one."
          : today.reviews === 0
            ? "Review today to keep it going."
            : "Keep it going tomorrow."}{" "}
        Longest in {HEATMAP_DAYS / 7} weeks: {plural(streak.longest, "day")}.
      </BigNumber>
      <BigNumber label="Today" value={today.reviews.toLocaleString("en")} unit={noun(today.reviews, "review")}>
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
        <span>
          {splitText("Recently learned", retention.young)} · {splitText("well known", retention.mature)}
          <span className="block text-xs">
            Recently learned: cards you review every few days (under {MATURE_DAYS / 7} weeks apart); well known: {MATURE_DAYS / 7} weeks
            apart or more.
          </span>
        </span>
      </BigNumber>
    </div>
  );
}

function DeckCoverage({ coverage }: { coverage: Stats["coverage"] }) {
  return (
    <section aria-labelledby="coverage-heading" className="card-surface space-y-3 p-5">
      <div>
        <h2 id="coverage-heading" className="text-lg font-semibold">
          Deck coverage
        </h2>
        <p className="text-sm text-muted">Cards you have met, and those you know well ({MATURE_DAYS / 7} weeks or more between reviews).</p>
      </div>
      <ul className="space-y-3" data-testid="coverage">
        {coverage.map((deck) => (
          <li key={deck.deckId} className="space-y-1 text-sm">
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">{deck.title}</span>
              <span className="text-muted tabular-nums">
                {deck.seen}/{deck.cards} seen, {deck.wellKnown} well known
              </span>
            </p>
            <div
              className="flex h-2 overflow-hidden rounded-full bg-line"
              role="img"
              aria-label={`${deck.seen} of ${deck.cards} seen, ${deck.wellKnown} well known`}
            >
              <span className="bg-success" style={{ width: `${deck.cards ? (100 * deck.wellKnown) / deck.cards : 0}%` }} />
              <span className="bg-accent/50" style={{ width: `${deck.cards ? (100 * (deck.seen - deck.wellKnown)) / deck.cards : 0}%` }} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TagRetention({ tags }: { tags: Stats["tags"] }) {
  return (
    <section aria-labelledby="tags-heading" className="card-surface space-y-3 p-5">
      <div>
        <h2 id="tags-heading" className="text-lg font-semibold">
          Retention by tag
        </h2>
        <p className="text-sm text-muted">Weakest first, last {RETENTION_DAYS} days. Pick a tag to drill its cards.</p>
      </div>
      {tags.length === 0 ? (
        <p className="text-sm text-muted">No reviews in the last {RETENTION_DAYS} days.</p>
      ) : (
        <ul className="space-y-3" data-testid="tag-retention">
          {tags.slice(0, TAGS_SHOWN).map((t) => (
            <li key={t.tag} className="grid grid-cols-[minmax(0,8rem)_1fr_5.5rem] items-center gap-3 text-sm">
              <Link href={paths.study({ tag: t.tag })} className="link truncate" title={`Drill ${t.tag}`}>
                {t.tag}
              </Link>
              <Meter rate={t.rate} />
              <span className="text-right tabular-nums">
                {percent(t.rate)} <span className="text-xs text-muted">of {t.reviews}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {tags.length > TAGS_SHOWN && (
        <p className="text-xs text-muted">
          And {plural(tags.length - TAGS_SHOWN, "more tag")}, all at {percent(tags[TAGS_SHOWN]!.rate)} or better.
        </p>
      )}
    </section>
  );
}

function MissedKeyPoints({ missedPoints }: { missedPoints: MissedPoint[] }) {
  return (
    <section aria-labelledby="missed-heading" className="card-surface space-y-3 p-5">
      <div>
        <h2 id="missed-heading" className="text-lg font-semibold">
          Key points you miss most
        </h2>
        <p className="text-sm text-muted">From the checklists you ticked: what to say next time.</p>
      </div>
      {missedPoints.length === 0 ? (
        <p className="text-sm text-muted">Nothing missed yet. Tick the key points you said when you reveal an answer.</p>
      ) : (
        <ol className="space-y-3 text-sm" data-testid="missed-points">
          {missedPoints.map((m) => (
            <li key={`${m.cardId}:${m.point}`} className="space-y-0.5">
              <p>{m.point}</p>
              <p className="text-xs text-muted">
                Missed {m.missed} of {plural(m.shown, "time")} ·{" "}
                {m.card ? (
                  <Link href={paths.card(m.card.deck, m.card.slug)} className="link">
                    <MarkdownInline>{m.card.front}</MarkdownInline>
                  </Link>
                ) : (
                  "a card you no longer study"
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function GradeCalibration({ calibration, suggestions }: { calibration: Calibration[]; suggestions: SuggestionRow[] }) {
  return (
    <section aria-labelledby="calibration-heading" className="card-surface space-y-3 p-5">
      <div>
        <h2 id="calibration-heading" className="text-lg font-semibold">
          Do your grades mean what they say?
        </h2>
        <p className="text-sm text-muted">
          For each grade you gave: how often you remembered the card at its next review (after a full interval).
        </p>
      </div>
      <ul className="space-y-3" data-testid="calibration">
        {calibration.map((c) => (
          <RecallRow key={c.rating} label={RATING_LABELS[c.rating]} recalled={c.recalled} followed={c.followed} />
        ))}
      </ul>
      <SuggestionCalibration rows={suggestions} />
    </section>
  );
}

export default async function StatsPage() {
  const user = await requireUser("/stats");
  const [stats, missedPoints, calibration, suggestions] = await Promise.all([
    getLearnerStats(user),
    getMissedKeyPoints(user),
    getCalibration(user),
    getSuggestionCalibration(user),
  ]);

  const header = (
    <PageHeader
      title="Your stats"
      description={`Days start at ${String(stats.dayStartHour).padStart(2, "0")}:00, ${stats.timeZone.replaceAll("_", " ")} time.`}
    />
  );

  if (!stats.hasReviews) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState action={{ label: "Start a session", href: "/study" }}>
          <p>Your stats appear after your first session.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="space-y-8">
      {header}

      <Headlines stats={stats} />

      <section aria-labelledby="heatmap-heading" className="card-surface space-y-3 p-5">
        <h2 id="heatmap-heading" className="text-lg font-semibold">
          Reviews, last {stats.heatmap.length / 7} weeks
        </h2>
        <Heatmap days={stats.heatmap} />
      </section>

      <DeckCoverage coverage={stats.coverage} />

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="forecast-heading" className="card-surface space-y-3 p-5">
          <h2 id="forecast-heading" className="text-lg font-semibold">
            Coming up
          </h2>
          <Forecast forecast={stats.forecast} />
        </section>

        <TagRetention tags={stats.tags} />
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <MissedKeyPoints missedPoints={missedPoints} />

        <GradeCalibration calibration={calibration} suggestions={suggestions} />
      </div>

      <section aria-labelledby="states-heading" className="card-surface space-y-3 p-5">
        <h2 id="states-heading" className="text-lg font-semibold">
          Your cards
        </h2>
        <CardStates states={stats.states} />
      </section>
    </div>
  );
}
