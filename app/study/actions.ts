"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/accounts/action";
import { undoRating } from "@/lib/review/rating/record";
import { paths } from "@/lib/routes";
import { buryCard, restoreCard, setSuspended } from "@/lib/review/set-aside";
import { startStudying, stopStudying } from "@/lib/review/studying";
import { saveStudySettings, saveTimeZone, studySettingsSchema } from "@/lib/review/settings";

const deckInput = z.object({ deckId: z.string().min(1).max(64) });
const cardInput = z.object({ cardId: z.string().min(1).max(64) });

export const startStudyingAction = userAction(deckInput, async ({ deckId }, user) => {
  await startStudying(user, deckId);
  revalidatePath("/", "layout");
});

/** The one click from a first visit to a first card: study the deck, and open its session. */
export const startAndStudyAction = userAction(deckInput, async ({ deckId }, user) => {
  await startStudying(user, deckId);
  revalidatePath("/", "layout");
  redirect(paths.study({ deck: deckId }));
});

export const stopStudyingAction = userAction(deckInput, async ({ deckId }, user) => {
  await stopStudying(user, deckId);
  revalidatePath("/", "layout");
});

export const undoRatingAction = userAction(z.object({ clientId: z.string().min(8).max(64) }), (input, user) =>
  undoRating(user, input.clientId),
);

export const buryCardAction = userAction(cardInput, (input, user) => buryCard(user, input.cardId));

export const suspendCardAction = userAction(cardInput.extend({ suspended: z.boolean() }), async (input, user) => {
  await setSuspended(user, input.cardId, input.suspended);
  revalidatePath("/decks", "layout");
});

/** Undo for bury and suspend on the review screen: the card comes back into the session. */
export const restoreCardAction = userAction(cardInput, async (input, user) => {
  const restored = await restoreCard(user, input.cardId);
  revalidatePath("/decks", "layout");
  return restored;
});

export const saveSettingsAction = userAction(studySettingsSchema, async (input, user) => {
  await saveStudySettings(user.id, input);
  revalidatePath("/", "layout");
});

export const syncTimeZoneAction = userAction(z.object({ timeZone: z.string().min(1).max(64) }), (input, user) =>
  saveTimeZone(user.id, input.timeZone),
);
