// GET /interviews/:id/calendar: the interview and its plan as an .ics file, for the learner only.
import { userRoute } from "@/lib/accounts/route-handler";
import { interviewCalendar } from "@/lib/interviews/calendar";
import { getInterview } from "@/lib/interviews/interviews";
import { getReadiness } from "@/lib/interviews/readiness";
import { paths } from "@/lib/routes";
import { notFound } from "@/lib/server/errors";
import { siteOrigin } from "@/lib/server/origin";

type Context = RouteContext<"/interviews/[interviewId]/calendar">;

export const GET = userRoute({ signIn: "Sign in to download your interview's calendar." }, async ({ user }, { params }: Context) => {
  const { interviewId } = await params;
  const interview = await getInterview(user, interviewId);
  if (!interview) throw notFound("That interview");
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
});
