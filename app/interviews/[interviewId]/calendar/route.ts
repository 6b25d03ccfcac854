// GET /interviews/:id/calendar: the interview and its plan as an .ics file, for the learner only.
import { currentUser } from "@/lib/accounts/auth";
import { interviewCalendar } from "@/lib/interviews/calendar";
import { getInterview } from "@/lib/interviews/interviews";
import { getReadiness } from "@/lib/interviews/readiness";
import { paths } from "@/lib/routes";
import { siteOrigin } from "@/lib/server/origin";

export async function GET(_request: Request, { params }: RouteContext<"/interviews/[interviewId]/calendar">) {
  const { interviewId } = await params;
  const user = await currentUser();
  if (!user) return new Response("Sign in to download your interview's calendar.", { status: 401 });
  const interview = await getInterview(user, interviewId);
  if (!interview) return new Response("That interview was not found.", { status: 404 });
  const { plan } = await getReadiness(user, interview);
  const body = interviewCalendar(interview, plan.days, await siteOrigin(), paths.interview(interview.id));
  const name =
    interview.label
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "interview";
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}
