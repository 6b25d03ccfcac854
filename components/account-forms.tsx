"use client";

// The account page's forms: a new password, signing out everywhere, deleting the account.
import { changePasswordAction, deleteAccountAction, saveNameAction, signOutEverywhereAction } from "@/app/account/actions";
import { ActionForm } from "./action-form";
import { Field } from "./form";

/** The name mentors and co-editors see; empty clears it. */
export function DisplayNameForm({ name }: { name: string }) {
  return (
    <ActionForm action={saveNameAction} className="flex flex-wrap items-end gap-2" success={() => "Name saved."}>
      {({ pending, errors, value }) => (
        <>
          <div className="min-w-0 flex-1">
            <Field
              label="Name"
              name="name"
              autoComplete="name"
              defaultValue={value("name", name)}
              hint="Shown to your mentors and co-editors."
              errors={errors("name")}
            />
          </div>
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Saving…" : "Save name"}
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction} className="space-y-3">
      {({ pending, errors }) => (
        <>
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            errors={errors("currentPassword")}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
            errors={errors("newPassword")}
          />
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Changing…" : "Change password"}
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  return (
    <ActionForm action={signOutEverywhereAction} confirm="Sign out on every browser and device, this one included?">
      {({ pending }) => (
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </button>
      )}
    </ActionForm>
  );
}

export function DeleteAccountForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  return (
    <ActionForm
      action={deleteAccountAction}
      className="space-y-3"
      confirm="Delete your account and your review history for good? This can't be undone."
    >
      {({ pending, errors, value }) => (
        <>
          <Field
            label={`Type your email (${email}) to confirm`}
            name="confirmEmail"
            type="email"
            autoComplete="off"
            defaultValue={value("confirmEmail")}
            errors={errors("confirmEmail")}
          />
          {hasPassword && (
            <Field label="Your password" name="password" type="password" autoComplete="current-password" errors={errors("password")} />
          )}
          <button type="submit" className="btn text-danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete my account"}
          </button>
        </>
      )}
    </ActionForm>
  );
}
