import type { Metadata } from "next";
import Link from "next/link";
import { InterviewForm } from "@/components/interviews/interview-form";
import { PageHeader } from "@/components/page-chrome";
import { requireUser } from "@/lib/accounts/auth";
import { formatDateTime, percent } from "@/lib/format";
import { listInterviews, scopeChoices, type Interview } from "@/lib/interviews/interviews";
import { getReadiness, readinessOnTheDay } from "@/lib/interviews/readiness";
import { getStudySettings } from "@/lib/review/settings";
import { paths } from "@/lib/routes";
import { zonedDateTime } from "@/lib/scheduling/study-day";
import { DAY_MS } from "@/lib/time";

export const metadata: Metadata = { title: "Interviews" };

const STATUS_LABELS = { open: "", done: "Done", cancelled: "Cancelled" } as const;

async function Row({ interview, userId, now }: { interview: Interview; userId: string; now: Date }) {
  const upcoming = interview.status === "open" && interview.at > now;
  const viewer = { id: userId };
  let figure: string;
  if (upcoming) {
    const { plan } = await getReadiness(viewer, interview, now);
    figure = `${percent(plan.now)} now · ${percent(plan.onPlan)} on plan · aim ${percent(interview.target)}`;
  } else if (interview.status === "cancelled") {
    figure = "Cancelled";
  } else {
    figure = `${percent(await readinessOnTheDay(viewer, interview))} ready on the day`;
  }
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-2 p-4">
      <div>
        <Link href={paths.interview(interview.id)} className="font-medium hover:underline">
          {interview.label}
        </Link>
        <p className="text-sm text-muted">
          {formatDateTime(interview.at, interview.timeZone)} ({interview.timeZone.replaceAll("_", " ")})
          {STATUS_LABELS[interview.status] && ` · ${STATUS_LABELS[interview.status]}`}
        </p>
      </div>
      <p className="text-sm tabular-nums">{figure}</p>
    </li>
  );
}

export default async function InterviewsPage() {
  const user = await requireUser(paths.interviews);
  const now = new Date();
  const [interviews, choices, settings] = await Promise.all([listInterviews(user, now), scopeChoices(user), getStudySettings(user.id)]);
  const upcoming = interviews.filter((i) => i.status === "open" && i.at > now);
  const past = interviews.filter((i) => !upcoming.includes(i));
  const twoWeeks = zonedDateTime(new Date(now.getTime() + 14 * DAY_MS), settings.timeZone);

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title="Interviews" description="Set the date, see how ready you'll be, and get a plan that gets you there." />
      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Coming up
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-muted">No interview planned. Add one below to get a plan for the day.</p>
        ) : (
          <ul className="card-surface divide-y divide-line" data-testid="upcoming-interviews">
            {upcoming.map((i) => (
              <Row key={i.id} interview={i} userId={user.id} now={now} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-heading" className="card-surface space-y-4 p-5">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add an interview
        </h2>
        <InterviewForm
          choices={choices}
          initial={{
            label: "",
            date: twoWeeks.date,
            time: "10:00",
            timeZone: settings.timeZone,
            deckIds: choices.length === 1 ? [choices[0]!.id] : [],
            tags: [],
            targetPercent: 90,
          }}
        />
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-lg font-semibold">
            Past and cancelled
          </h2>
          <ul className="card-surface divide-y divide-line" data-testid="past-interviews">
            {past.map((i) => (
              <Row key={i.id} interview={i} userId={user.id} now={now} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
