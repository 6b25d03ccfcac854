"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmSignUpAction, forgotPasswordAction, resetPasswordAction, signInAction, signUpAction } from "@/app/(auth)/actions";
import type { ActionState } from "@/lib/accounts/action";
import { Field, FormError } from "./form";
import { paths } from "@/lib/routes";

type AuthState = ActionState<unknown>;

function errorsFor(state: AuthState, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

function valueOf(state: AuthState, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}

function formMessage(state: AuthState): string | null {
  if (!state || state.ok) return null;
  // Field problems are shown beside their fields; the banner says what to do.
  return state.error;
}

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={formMessage(state)} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={valueOf(state, "email")}
        errors={errorsFor(state, "email")}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={errorsFor(state, "password")}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="link">
          Forgot your password?
        </Link>
      </p>
      <p className="text-center text-sm text-muted">
        New to Drill?{" "}
        <Link href={next ? paths.signUp(next) : "/sign-up"} className="link">
          Create an account
        </Link>
      </p>
    </form>
  );
}

export function SignUpForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-3" data-testid="sign-up-sent">
        <p className="font-medium">Check your email</p>
        <p className="text-muted">
          We sent a message to <strong className="text-ink">{state.data.email}</strong>. Open the link in it to finish creating your account
          (it works for 24 hours). If the address already has an account, the message says how to sign in instead.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={formMessage(state)} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field
        label="Name (optional)"
        name="name"
        autoComplete="name"
        defaultValue={valueOf(state, "name")}
        errors={errorsFor(state, "name")}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={valueOf(state, "email")}
        errors={errorsFor(state, "email")}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        errors={errorsFor(state, "password")}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href={next ? paths.signIn(next) : "/sign-in"} className="link">
          Sign in
        </Link>
      </p>
    </form>
  );
}

/** The last step of signing up: a button, so a mail scanner opening the link can't use it up. */
export function ConfirmSignUpForm({ token, next }: { token: string; next?: string }) {
  const [state, action, pending] = useActionState(confirmSignUpAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={formMessage(state)} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={next ?? ""} />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Finish creating my account"}
      </button>
    </form>
  );
}

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-3" data-testid="reset-sent">
        <p className="font-medium">Check your email</p>
        <p className="text-muted">
          If <strong className="text-ink">{state.data.email}</strong> has a Drill account, a message with a link to choose a new password is
          on its way. The link works once, for an hour.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={formMessage(state)} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={valueOf(state, "email")}
        errors={errorsFor(state, "email")}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </button>
      <p className="text-center text-sm text-muted">
        Remembered it?{" "}
        <Link href="/sign-in" className="link">
          Sign in
        </Link>
      </p>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={formMessage(state)} />
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        errors={errorsFor(state, "password")}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
