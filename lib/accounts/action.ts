// The one gate every server action goes through: session (when required), input validation with the
// domain's zod schema, and expected failures turned into a typed state for useActionState.
// The body receives parsed input and the user; it never touches FormData.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { currentUser, type SessionUser } from "./auth";
import { AppError } from "../server/errors";

export type ActionState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> }
  | null;

type Input = FormData | Record<string, unknown>;

function toObject(input: Input): Record<string, unknown> {
  if (!(input instanceof FormData)) {
    // A hand-made request can decode to anything (nothing, a list, a string): treated as no fields,
    // so the schema refuses it with a message instead of the wrapper failing with a 500.
    return input && typeof input === "object" && !Array.isArray(input) ? input : {};
  }
  const object: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    // A repeated name (checkboxes) becomes a list.
    const seen = object[key];
    object[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return object;
}

/** What the user typed, sent back with a failure so the form keeps it (never passwords). */
function echoedValues(object: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

// Control characters other than tab and line breaks: nothing a person types, and PostgreSQL refuses
// a NUL byte in text (SQLite stores it), so they stop here, the same on both engines.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The fields holding a control character, with a message for each. */
function controlCharacters(object: Record<string, unknown>): Record<string, string[]> | null {
  const found: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(object)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((v) => typeof v === "string" && CONTROL.test(v))) {
      found[key] = ["This contains a control character (such as a NUL byte) that can't be saved. Remove it and try again."];
    }
  }
  return Object.keys(found).length ? found : null;
}

async function run<S extends z.ZodType, T>(schema: S, input: Input, body: (input: z.infer<S>) => Promise<T>): Promise<ActionState<T>> {
  const object = toObject(input);
  const controls = controlCharacters(object);
  if (controls) {
    return { ok: false, error: "Some fields contain characters that can't be saved.", fieldErrors: controls, values: echoedValues(object) };
  }
  const parsed = schema.safeParse(object);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return {
      ok: false,
      error: formErrors[0] ?? "Please correct the highlighted fields.",
      fieldErrors: fieldErrors as Record<string, string[]>,
      values: echoedValues(object),
    };
  }
  try {
    return { ok: true, data: await body(parsed.data) };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof AppError) {
      return { ok: false, error: error.message, fieldErrors: error.fieldErrors, values: echoedValues(object) };
    }
    throw error;
  }
}

/** An action that needs a signed-in user. Usable with useActionState (prev, formData) or called directly. */
export function userAction<S extends z.ZodType, T = undefined>(schema: S, body: (input: z.infer<S>, user: SessionUser) => Promise<T>) {
  return async (_prev: ActionState<T>, input: Input): Promise<ActionState<T>> => {
    const user = await currentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again to continue." };
    return run(schema, input, (parsed) => body(parsed, user));
  };
}

/** An action open to visitors (sign-up, sign-in): still validated the same way. */
export function publicAction<S extends z.ZodType, T = undefined>(schema: S, body: (input: z.infer<S>) => Promise<T>) {
  return async (_prev: ActionState<T>, input: Input): Promise<ActionState<T>> => run(schema, input, body);
}
