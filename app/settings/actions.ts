"use server";

// Personal scheduling actions: thin wrappers over lib/optimizer/jobs.ts (which scopes everything to the user).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { applyParameterSet, cancelFit, restoreDefaultParameters, startFit } from "@/lib/optimizer/jobs";
import { userAction } from "@/lib/accounts/action";
import { deliverReminder, deliverSoon } from "@/lib/reminders/deliver";
import { deletePushSubscription, pushSubscriptionSchema, savePushSubscription } from "@/lib/reminders/push";
import { closeReminderOffer, reminderSettingsSchema, saveReminderSettings } from "@/lib/reminders/settings";
import { testReminder } from "@/lib/reminders/tick";
import { AppError } from "@/lib/server/errors";

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

// Reminders: each action changes the signed-in learner's own settings or subscriptions only.
export const saveRemindersAction = userAction(reminderSettingsSchema, async (input, user) => {
  await saveReminderSettings(user.id, input);
  revalidatePath("/settings");
  revalidatePath("/");
});

/** Sends today's reminder now, by the saved channels, off the request path (it answers at once). */
export const sendTestReminderAction = userAction(z.object({}), async (_input, user) => {
  const test = await testReminder(user.id);
  if (!test) throw new AppError("invalid", "Save the reminder settings with email or push chosen first.");
  deliverSoon(() => deliverReminder(test.recipient, test.message));
  return test.recipient.byEmail && test.recipient.byPush ? "by email and push" : test.recipient.byEmail ? "by email" : "by push";
});

export const savePushSubscriptionAction = userAction(pushSubscriptionSchema, async (input, user) => {
  await savePushSubscription(user.id, input);
  revalidatePath("/settings");
});

export const deletePushSubscriptionAction = userAction(z.object({ endpoint: z.string().max(2000) }), async (input, user) => {
  await deletePushSubscription(user.id, input.endpoint);
  revalidatePath("/settings");
});

/** The Today page's one-time offer, declined. */
export const closeReminderOfferAction = userAction(z.object({}), async (_input, user) => {
  await closeReminderOffer(user.id);
  revalidatePath("/");
});
