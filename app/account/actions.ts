"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword, changePasswordSchema, deleteAccount, deleteAccountSchema, endAllSessions } from "@/lib/accounts/account";
import { refreshSession, signOut } from "@/lib/accounts/auth";
import { displayNameSchema, setDisplayName } from "@/lib/accounts/password-reset";
import { userAction } from "@/lib/accounts/action";

/**
 * A new password ends every other session. This one gets a token with the new session version,
 * which the next request carries: hence the redirect rather than a re-render of this request.
 */
export const changePasswordAction = userAction(changePasswordSchema, async (input, user) => {
  await changePassword(user, input);
  await refreshSession({});
  redirect("/account?changed=password");
});

export const saveNameAction = userAction(displayNameSchema, async (input, user) => {
  await setDisplayName(user.id, input.name);
  revalidatePath("/", "layout");
});

export const signOutEverywhereAction = userAction(z.object({}), async (_input, user) => {
  await endAllSessions(user);
  await signOut({ redirectTo: "/sign-in" });
});

export const deleteAccountAction = userAction(deleteAccountSchema, async (input, user) => {
  await deleteAccount(user, input);
  await signOut({ redirectTo: "/?account=deleted" });
});
