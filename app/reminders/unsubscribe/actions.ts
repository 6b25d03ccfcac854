"use server";

// The unsubscribe link's button: no sign-in, the signed token is the permission (for reminders only).
import { z } from "zod";
import { publicAction } from "@/lib/accounts/action";
import { turnRemindersOff } from "@/lib/reminders/settings";
import { userOfUnsubscribeToken } from "@/lib/reminders/unsubscribe";

export const unsubscribeAction = publicAction(z.object({ token: z.string().max(200) }), async (input) => {
  await turnRemindersOff(userOfUnsubscribeToken(input.token));
});
