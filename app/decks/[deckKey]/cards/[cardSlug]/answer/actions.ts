"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/accounts/action";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { deleteOwnAnswer, saveOwnAnswer } from "@/lib/answers/own-answers";
import { ownAnswerSchema } from "@/lib/answers/schema";
import { paths } from "@/lib/routes";

const cardRef = z.object({
  cardId: z.string().min(1).max(64),
  deckKey: z.string().min(1).max(120),
  cardSlug: z.string().min(1).max(120),
  /** Where to go after saving (the study session that asked for the answer), on this site only. */
  returnTo: z.string().max(2_000).optional(),
});

function refresh(input: { deckKey: string; cardSlug: string }) {
  revalidatePath(paths.card(input.deckKey, input.cardSlug), "layout");
  revalidatePath("/answers");
}

export const saveOwnAnswerAction = userAction(ownAnswerSchema.extend(cardRef.shape), async (input, user) => {
  const { changed } = await saveOwnAnswer(user, input.cardId, input);
  refresh(input);
  if (input.returnTo) redirect(safeReturnPath(input.returnTo, paths.card(input.deckKey, input.cardSlug)));
  return { changed };
});

export const deleteOwnAnswerAction = userAction(cardRef, async (input, user) => {
  await deleteOwnAnswer(user, input.cardId);
  refresh(input);
  redirect(paths.card(input.deckKey, input.cardSlug));
});
