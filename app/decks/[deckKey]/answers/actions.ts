"use server";

// Sharing one's own answers with the deck's mentor, and the mentor's feedback on them.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/accounts/action";
import { giveFeedback } from "@/lib/answers/feedback";
import { feedbackSchema } from "@/lib/answers/feedback-state";
import { setAnswerShared, shareAllAnswers } from "@/lib/answers/sharing";
import { plural } from "@/lib/format";
import { paths } from "@/lib/routes";

const id = z.string().min(1).max(64);
const deckKey = z.string().min(1).max(120);

/** Every page of the deck shows sharing or feedback somewhere (card pages, the dashboard), and Today lists it. */
function refresh(key: string) {
  revalidatePath(paths.deck(key), "layout");
  revalidatePath("/");
}

export const setAnswerSharedAction = userAction(
  z.object({ cardId: id, deckKey, shared: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (input, user) => {
    await setAnswerShared(user, input.cardId, input.shared);
    refresh(input.deckKey);
  },
);

export const shareAllAnswersAction = userAction(z.object({ deckId: id, deckKey }), async (input, user) => {
  const count = await shareAllAnswers(user, input.deckId);
  refresh(input.deckKey);
  return count === 0 ? "You haven't written an answer on this deck yet." : `${plural(count, "answer")} shared with your mentor.`;
});

export const sendFeedbackAction = userAction(feedbackSchema.and(z.object({ deckId: id, deckKey, answerId: id })), async (input, user) => {
  await giveFeedback(user, input.deckId, input.answerId, input);
  refresh(input.deckKey);
});
