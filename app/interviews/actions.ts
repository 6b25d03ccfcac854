"use server";

// Interview actions: thin wrappers over lib/interviews (which checks the learner owns each interview).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  createInterview,
  deleteInterview,
  setInterviewLimits,
  setInterviewSharing,
  setInterviewStatus,
  updateInterview,
} from "@/lib/interviews/interviews";
import { INTERVIEW_STATUSES, interviewFormSchema, interviewLimitsSchema } from "@/lib/interviews/schema";
import { paths } from "@/lib/routes";
import { userAction } from "@/lib/accounts/action";
import { choosePlanToday } from "@/lib/views/study-day";

const interviewId = z.object({ interviewId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That interview was not found.") });

function refresh(id?: string) {
  revalidatePath(paths.interviews);
  revalidatePath("/study");
  if (id) revalidatePath(paths.interview(id));
}

export const createInterviewAction = userAction(interviewFormSchema, async (input, user) => {
  const { id } = await createInterview(user, input);
  refresh(id);
  redirect(paths.interview(id));
});

export const updateInterviewAction = userAction(interviewFormSchema.extend(interviewId.shape), async (input, user) => {
  await updateInterview(user, input.interviewId, input);
  refresh(input.interviewId);
  redirect(paths.interview(input.interviewId));
});

export const setInterviewStatusAction = userAction(interviewId.extend({ status: z.enum(INTERVIEW_STATUSES) }), async (input, user) => {
  await setInterviewStatus(user, input.interviewId, input.status);
  refresh(input.interviewId);
});

export const setInterviewSharingAction = userAction(
  interviewId.extend({ shared: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()) }),
  async (input, user) => {
    await setInterviewSharing(user, input.interviewId, input.shared);
    refresh(input.interviewId);
  },
);

export const setInterviewLimitsAction = userAction(interviewId.extend(interviewLimitsSchema.shape), async (input, user) => {
  await setInterviewLimits(user, input.interviewId, input);
  refresh(input.interviewId);
});

export const deleteInterviewAction = userAction(interviewId, async (input, user) => {
  await deleteInterview(user, input.interviewId);
  refresh();
  redirect(paths.interviews);
});

/** Today's answer when the plan wants more new cards than the daily limit: "plan" takes its amount, "limit" keeps the limit. */
export const choosePlanTodayAction = userAction(z.object({ take: z.enum(["plan", "limit"]) }), async ({ take }, user) => {
  const newCards = await choosePlanToday(user, take === "plan");
  revalidatePath("/", "layout");
  return { allowed: newCards.allowed };
});
