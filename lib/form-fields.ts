// Form field schemas shared by every form's zod schema. Pure: forms, actions and tests use them.
import { z } from "zod";

/** Form text to a number: a blank field is a missing value, never 0 (as z.coerce.number reads ""). */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value.trim() === "" ? undefined : Number(value);
}

/** A number typed into a form field, with its rules: blank or not a number gets `message`. */
export function formNumber(message: string, rules: (number: z.ZodNumber) => z.ZodNumber = (number) => number) {
  return z.preprocess(toNumber, rules(z.number({ error: message })));
}

/** Like formNumber, but a blank field is allowed and means "none". */
export function optionalFormNumber(message: string, rules: (number: z.ZodNumber) => z.ZodNumber = (number) => number) {
  return z.preprocess(toNumber, rules(z.number({ error: message })).optional());
}
