"use server";

// The digest mail's unsubscribe button: no sign-in, the signed token is the permission (for that
// mentor's digest of that one deck only).
import { z } from "zod";
import { publicAction } from "@/lib/accounts/action";
import { turnDigestOff } from "@/lib/reminders/digest-settings";
import { digestOfUnsubscribeToken } from "@/lib/reminders/unsubscribe";

export const unsubscribeDigestAction = publicAction(z.object({ token: z.string().max(300) }), async (input) => {
  const { userId, deckId } = digestOfUnsubscribeToken(input.token);
  await turnDigestOff(userId, deckId);
});
