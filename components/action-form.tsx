"use client";

// One form component for the app's many small server-action forms: shows pending state, the form's
// error (role=alert), per-field errors via render props, and an optional success message.
import { useActionState, useEffect, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/accounts/action";

export type FormAction<T> = (prev: ActionState<T>, input: FormData) => Promise<ActionState<T>>;

export interface FormStateView<T> {
  pending: boolean;
  state: ActionState<T>;
  errors: (name: string) => string[] | undefined;
  value: (name: string, fallback?: string) => string | undefined;
}

export function ActionForm<T>({
  action,
  hidden = {},
  children,
  className = "",
  success,
  confirm,
  check,
  onSuccess,
}: {
  action: FormAction<T>;
  hidden?: Record<string, string>;
  children: (view: FormStateView<T>) => ReactNode;
  className?: string;
  success?: (data: T) => ReactNode;
  /** Asks before submitting (for destructive actions). */
  confirm?: string;
  /** Checks the form in the browser first: a message stops the submit and is shown as the error. */
  check?: (form: HTMLFormElement) => string | null;
  /** Runs once per accepted submission, with its data (to clear state the form's reset doesn't reach). */
  onSuccess?: (data: T) => void;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const succeeded = state?.ok ? state : null;
  useEffect(() => {
    if (succeeded) onSuccess?.(succeeded.data);
    // Each accepted submission is a new state object: once per submission, not per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [succeeded]);
  const [checkError, setCheckError] = useState<string | null>(null);
  const view: FormStateView<T> = {
    pending,
    state,
    errors: (name) => (state && !state.ok ? state.fieldErrors?.[name] : undefined),
    value: (name, fallback) => (state && !state.ok ? state.values?.[name] : undefined) ?? fallback,
  };
  return (
    <form
      action={formAction}
      className={className}
      noValidate
      // React resets a form once its action has run. After a refusal that would wipe what the user
      // ticked and typed, and leave controlled checkboxes showing other than their state: keep it.
      onReset={(event) => {
        if (state && !state.ok) event.preventDefault();
      }}
      onSubmit={(event) => {
        const problem = check?.(event.currentTarget) ?? null;
        setCheckError(problem);
        if (problem || (confirm && !window.confirm(confirm))) event.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(view)}
      {(checkError ?? (state && !state.ok)) && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {checkError ?? (state && !state.ok ? state.error : null)}
        </p>
      )}
      {state?.ok && success && (
        <div role="status" className="mt-2 text-sm text-success">
          {success(state.data)}
        </div>
      )}
    </form>
  );
}
