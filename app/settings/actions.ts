"use server";

// Personal scheduling actions: thin wrappers over lib/optimizer/jobs.ts (which scopes everything to the user).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { applyParameterSet, cancelFit, restoreDefaultParameters, startFit } from "@/lib/optimizer/jobs";
import { userAction } from "@/lib/accounts/action";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That was not found.");

function refresh() {
  revalidatePath("/settings");
  revalidatePath("/study");
}

export const startFitAction = userAction(z.object({}), async (_input, user) => {
  await startFit(user);
  refresh();
});

export const cancelFitAction = userAction(z.object({ jobId: id }), async (input, user) => {
  await cancelFit(user, input.jobId);
  refresh();
});

const reschedule = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

export const applyParameterSetAction = userAction(z.object({ setId: id, reschedule }), async (input, user) => {
  const { rescheduled } = await applyParameterSet(user, input.setId, { reschedule: input.reschedule });
  refresh();
  return rescheduled;
});

export const restoreDefaultsAction = userAction(z.object({ reschedule: reschedule.optional().default(false) }), async (input, user) => {
  const { rescheduled } = await restoreDefaultParameters(user, { reschedule: input.reschedule });
  refresh();
  return rescheduled;
});
