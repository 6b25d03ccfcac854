import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InterviewForm } from "@/components/interviews/interview-form";
import { PageHeader } from "@/components/page-chrome";
import { requireUser } from "@/lib/accounts/auth";
import { getInterview, scopeChoices } from "@/lib/interviews/interviews";
import { paths } from "@/lib/routes";
import { zonedDateTime } from "@/lib/scheduling/study-day";

export const metadata: Metadata = { title: "Edit interview" };

export default async function EditInterviewPage({ params }: PageProps<"/interviews/[interviewId]/edit">) {
  const { interviewId } = await params;
  const user = await requireUser(paths.interviewEdit(interviewId));
  const interview = await getInterview(user, interviewId);
  if (!interview) notFound();
  const choices = await scopeChoices(user);
  const { date, time } = zonedDateTime(interview.at, interview.timeZone);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        crumbs={[
          { label: "Interviews", href: paths.interviews },
          { label: interview.label, href: paths.interview(interview.id) },
        ]}
        here="Edit"
        title="Edit interview"
      />
      <InterviewForm
        interviewId={interview.id}
        choices={choices}
        initial={{
          label: interview.label,
          date,
          time,
          timeZone: interview.timeZone,
          deckIds: interview.decks.map((d) => d.id),
          tags: interview.tags,
          targetPercent: Math.round(interview.target * 100),
        }}
      />
    </div>
  );
}
