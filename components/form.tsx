// Form building blocks: labelled fields with their error messages wired for screen readers.
import type { ComponentProps, ReactNode } from "react";

export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: { label: string; name: string; errors?: string[]; hint?: ReactNode } & ComponentProps<"input">) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined}
        className="input"
        {...input}
      />
      {hint && !invalid && (
        <p id={hintId} className="text-muted text-sm">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} className="text-danger text-sm">
          {errors![0]}
        </p>
      )}
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
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-muted text-sm">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined}
        className="input"
        {...textarea}
      />
      {invalid && (
        <p id={errorId} className="text-danger text-sm">
          {errors![0]}
        </p>
      )}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="border-danger/30 bg-danger/10 text-danger rounded-lg border px-3 py-2 text-sm">
      {message}
    </div>
  );
}
