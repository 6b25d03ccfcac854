"use server";

import { z } from "zod";
import { changePassword, changePasswordSchema, deleteAccount, deleteAccountSchema, endAllSessions } from "@/lib/accounts/account";
import { refreshSession, signOut } from "@/lib/accounts/auth";
import { userAction } from "@/lib/server/action";

/** A new password ends every other session; this one is refreshed to the new session version. */
export const changePasswordAction = userAction(changePasswordSchema, async (input, user) => {
  await changePassword(user, input);
  await refreshSession({});
});

export const signOutEverywhereAction = userAction(z.object({}), async (_input, user) => {
  await endAllSessions(user);
  await signOut({ redirectTo: "/sign-in" });
});

export const deleteAccountAction = userAction(deleteAccountSchema, async (input, user) => {
  await deleteAccount(user, input);
  await signOut({ redirectTo: "/?account=deleted" });
});
