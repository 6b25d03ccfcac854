"use server";

// The mentor dashboard's weekly digest switch: a thin wrapper over lib/reminders/digest-settings.ts,
// which saves it only for a deck the signed-in user owns (else "not found", as for the dashboard).
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/accounts/action";
import { sendTestDigest } from "@/lib/reminders/digest";
import { digestSettingsSchema, saveDigestSettings } from "@/lib/reminders/digest-settings";

export const saveDigestAction = userAction(digestSettingsSchema, async (input, user) => {
  await saveDigestSettings(user, input);
  revalidatePath("/decks/[deckKey]/dashboard", "page");
  return input.enabled;
});

/** This week's digest of the deck now, by mail (a sample when it has no mentees yet). */
export const sendTestDigestAction = userAction(digestSettingsSchema.pick({ deckId: true }), async (input, user) => {
  await sendTestDigest(user, input.deckId);
});
