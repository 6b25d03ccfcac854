import { MarkdownInline } from "@/components/markdown";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LimitsForm, SharingForm, StatusButtons } from "@/components/interviews/interview-controls";
import { ReadinessChart, WorkloadChart } from "@/components/interviews/plan-charts";
import { PageHeader } from "@/components/page-chrome";
import { BigNumber, Meter } from "@/components/stats/figures";
import { requireUser } from "@/lib/accounts/auth";
import { formatDateTime, percent, plural } from "@/lib/format";
import { getInterview } from "@/lib/interviews/interviews";
import { getReadiness, readinessOnTheDay } from "@/lib/interviews/readiness";
import { paths } from "@/lib/routes";
import { mostOnInterviewDay } from "@/lib/scheduling/interview-plan";

export const metadata: Metadata = { title: "Interview" };

type Interview = NonNullable<Awaited<ReturnType<typeof getInterview>>>;
type Report = Awaited<ReturnType<typeof getReadiness>>;

/** Before the interview: how ready the learner is, whether the plan reaches the aim, and the plan's days. */
function UpcomingPlan({ interview, report, newPerDay }: { interview: Interview; report: Report; newPerDay: number }) {
  const { plan } = report;
  const totalMinutes = plan.days.reduce((sum, d) => sum + d.minutes, 0);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3" data-testid="readiness">
        <BigNumber label="Ready now" value={percent(plan.now)}>
          <Meter rate={plan.now} className="mb-2" />
          What you&apos;d recall on the day if you stopped studying today.
        </BigNumber>
        <BigNumber label="On plan" value={percent(plan.onPlan)}>
          <Meter rate={plan.onPlan} className="mb-2" />
          If you study what the plan asks each day.
        </BigNumber>
        <BigNumber label="Your aim" value={percent(interview.target)}>
          {plan.reachable ? "The plan gets you there." : "Out of reach at your limits: see below."}
        </BigNumber>
      </div>

      {!plan.reachable && (
        <div role="status" className="card-surface space-y-1 border-warn/60 p-4 text-sm" data-testid="unreachable">
          <p className="font-medium">
            {percent(interview.target)} isn&apos;t reachable by then at {plural(newPerDay, "new card")} a day: following the plan gets you
            to about {percent(plan.onPlan)}.
          </p>
          <p className="text-muted">
            {plan.newPerDayNeeded !== null
              ? `${plan.newPerDayNeeded} new cards a day would reach it (raise the limit below). `
              : "No daily limit reaches it in the time left. "}
            {report.dropTags.length > 0 && `Or narrow the interview: dropping ${report.dropTags.join(", ")} makes it reachable.`}
          </p>
        </div>
      )}

      {mostOnInterviewDay(plan) && (
        <p role="status" className="card-surface border-warn/60 p-4 text-sm" data-testid="crammed">
          Most of this plan ({percent(plan.interviewDayShare)} of its answers) falls on the interview&apos;s own day: there are too few days
          left to spread it. Study as much as you can today, and expect a busy warm-up before the interview.
        </p>
      )}

      <div className="flex flex-wrap gap-2">
        <Link href="/study" className="btn btn-primary">
          Study today&apos;s plan
        </Link>
        <Link href={paths.interviewMock(interview.id)} className="btn">
          Mock interview
        </Link>
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="readiness-heading" className="card-surface space-y-3 p-5">
          <h2 id="readiness-heading" className="text-lg font-semibold">
            Readiness, day by day
          </h2>
          <ReadinessChart days={plan.days} target={interview.target} />
          <p className="text-sm text-muted">What you&apos;d recall at the end of each day, following the plan.</p>
        </section>
        <section aria-labelledby="workload-heading" className="card-surface space-y-3 p-5">
          <h2 id="workload-heading" className="text-lg font-semibold">
            Work per day
          </h2>
          <WorkloadChart days={plan.days} />
          <p className="text-sm text-muted">
            <span className="mr-1 inline-block size-2 rounded-sm bg-accent" /> new cards{" "}
            <span className="mr-1 ml-2 inline-block size-2 rounded-sm bg-success/60" /> reviews · about {plural(totalMinutes, "minute")} in
            all, from your own answer times.
          </p>
        </section>
      </div>
    </>
  );
}

/** The tags and cards furthest from ready. */
function WeakestSpots({ interview, report }: { interview: Interview; report: Report }) {
  const decks = new Map(interview.decks.map((d) => [d.id, d]));
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="tags-heading" className="card-surface space-y-3 p-5">
        <h2 id="tags-heading" className="text-lg font-semibold">
          Weakest tags
        </h2>
        <ul className="space-y-3" data-testid="weakest-tags">
          {report.weakestTags.slice(0, 6).map((t) => (
            <li key={t.tag} className="grid grid-cols-[minmax(0,8rem)_1fr_6rem] items-center gap-3 text-sm">
              <Link href={paths.deck(interview.decks[0]!, { tag: t.tag })} className="link truncate">
                {t.tag}
              </Link>
              <Meter rate={t.recall} />
              <span className="text-right tabular-nums">
                {percent(t.recall)} <span className="text-xs text-muted">of {t.cards}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="cards-heading" className="card-surface space-y-3 p-5">
        <h2 id="cards-heading" className="text-lg font-semibold">
          Lowest predicted recall on the day
        </h2>
        <ol className="space-y-2 text-sm" data-testid="weakest-cards">
          {report.weakestCards.map((c) => (
            <li key={c.cardId} className="flex justify-between gap-3">
              <Link href={paths.card(decks.get(c.deckId) ?? c.deckId, c.slug)} className="link">
                <MarkdownInline>{c.front}</MarkdownInline>
              </Link>
              <span className="text-muted tabular-nums">{c.memory ? percent(c.recall) : "not seen"}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export default async function InterviewPage({ params }: PageProps<"/interviews/[interviewId]">) {
  const { interviewId } = await params;
  const user = await requireUser(paths.interview(interviewId));
  const interview = await getInterview(user, interviewId);
  if (!interview) notFound();
  const now = new Date();
  const report = await getReadiness(user, interview, now);
  const upcoming = interview.status === "open" && interview.at > now;
  const onTheDay = upcoming ? null : await readinessOnTheDay(user, interview);
  const limits = {
    newPerDay: interview.newPerDay ?? report.settings.newPerDay,
    reviewsPerDay: interview.reviewsPerDay ?? report.settings.reviewsPerDay,
  };

  return (
    <div className="max-w-4xl space-y-8">
      <PageHeader
        crumbs={[{ label: "Interviews", href: paths.interviews }]}
        here={interview.label}
        title={interview.label}
        description={
          <>
            {formatDateTime(interview.at, interview.timeZone)} ({interview.timeZone.replaceAll("_", " ")}) ·{" "}
            {interview.decks.map((d) => d.title).join(", ")}
            {interview.tags.length > 0 && ` · tags: ${interview.tags.join(", ")}`} · {plural(report.cardCount, "card")}
          </>
        }
        actions={
          <>
            <Link href={paths.interviewEdit(interview.id)} className="btn">
              Edit
            </Link>
            <a href={paths.interviewCalendar(interview.id)} className="btn" download>
              Add to calendar
            </a>
          </>
        }
      />

      {upcoming ? (
        <UpcomingPlan interview={interview} report={report} newPerDay={limits.newPerDay} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <BigNumber label={interview.status === "cancelled" ? "Cancelled" : "Ready on the day"} value={percent(onTheDay ?? 0)}>
            {interview.status === "cancelled"
              ? "What you would have recalled at the interview's time."
              : "What you could recall at the interview, from your memory of each card then."}
          </BigNumber>
        </div>
      )}

      <WeakestSpots interview={interview} report={report} />

      <div className="grid gap-8 lg:grid-cols-2">
        {upcoming && (
          <section aria-labelledby="limits-heading" className="card-surface space-y-3 p-5">
            <h2 id="limits-heading" className="text-lg font-semibold">
              Daily limits for this interview
            </h2>
            <LimitsForm
              interviewId={interview.id}
              newPerDay={interview.newPerDay}
              reviewsPerDay={interview.reviewsPerDay}
              defaults={report.settings}
            />
          </section>
        )}
        <section aria-labelledby="sharing-heading" className="card-surface space-y-3 p-5">
          <h2 id="sharing-heading" className="text-lg font-semibold">
            Mentor
          </h2>
          <SharingForm interviewId={interview.id} shared={interview.sharedWithMentor} />
        </section>
      </div>

      <StatusButtons interviewId={interview.id} status={interview.status} />
    </div>
  );
}
