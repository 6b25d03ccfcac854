// Form building blocks: labelled fields with their error messages wired for screen readers.
import type { ComponentProps, ReactNode } from "react";

/**
 * The wiring both field kinds share: the control's id and aria attributes, pointing only at the hint
 * and error that are actually shown, and the error message element.
 */
function wiring(id: string, errors: string[] | undefined, hint: ReactNode, hideHintOnError: boolean) {
  const invalid = Boolean(errors?.length);
  const showHint = Boolean(hint) && !(hideHintOnError && invalid);
  const control = {
    id,
    "aria-invalid": invalid || undefined,
    "aria-describedby": [invalid ? `${id}-error` : null, showHint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined,
  };
  const hintElement = showHint ? (
    <p id={`${id}-hint`} className="text-sm text-muted">
      {hint}
    </p>
  ) : null;
  const errorElement = invalid ? (
    <p id={`${id}-error`} className="text-sm text-danger">
      {errors![0]}
    </p>
  ) : null;
  return { control, hintElement, errorElement };
}

export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: { label: string; name: string; errors?: string[]; hint?: ReactNode } & ComponentProps<"input">) {
  const { control, hintElement, errorElement } = wiring(`field-${name}`, errors, hint, true);
  return (
    <div className="space-y-1.5">
      <label htmlFor={control.id} className="block text-sm font-medium">
        {label}
      </label>
      <input name={name} className="input" {...control} {...input} />
      {hintElement}
      {errorElement}
    </div>
  );
}

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  id = `field-${name}`,
  ...textarea
}: { label: ReactNode; name: string; errors?: string[]; hint?: ReactNode; id?: string } & ComponentProps<"textarea">) {
  const { control, hintElement, errorElement } = wiring(id, errors, hint, false);
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hintElement}
      <textarea name={name} className="input" {...control} {...textarea} />
      {errorElement}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-danger/10 px-3 py-2 text-sm text-danger">
      {message}
    </div>
  );
}
