// The one gate every route handler goes through (Auth.js's own excepted), as lib/accounts/action.ts
// is for server actions: a write comes from one of our pages, the session when required, a JSON body
// read within its size and checked with its zod schema, and every failure answered the same way: a
// JSON problem `{ error, details? }` with the status lib/server/errors.ts gives its code. Anything
// unexpected is logged and answers 500 without its stack.
import "server-only";
import { NextResponse } from "next/server";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, statusOf } from "../server/errors";
import { isSameOrigin, readJson, RequestRefused } from "../server/requests";
import { currentUser, type SessionUser } from "./auth";

/** What every refusal answers: a sentence people can read, and for a body that doesn't fit, what doesn't. */
export interface Problem {
  error: string;
  details?: unknown;
}

export function problem(status: number, error: string, details?: unknown): NextResponse<Problem> {
  return NextResponse.json({ error, details }, { status });
}

/** A JSON body: refused past `maxBytes` (413), and with `invalid` (400) when it doesn't fit `schema`. */
interface JsonBody<S extends z.ZodType> {
  schema: S;
  maxBytes: number;
  invalid: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

async function answer(request: Request, respond: () => Promise<Response>): Promise<Response> {
  try {
    // A write from another site would carry the user's cookies (cross-site request forgery).
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request.headers)) {
      return problem(403, "This request came from another site.");
    }
    return await respond();
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof RequestRefused) return problem(error.status, error.message);
    if (error instanceof AppError) return problem(statusOf[error.code], error.message, error.fieldErrors);
    console.error(error);
    return problem(500, "Something went wrong on our side. Try again in a moment.");
  }
}

/** A route for visitors and users alike (a public deck's file, an image): the body asks for the viewer itself when it needs one. */
export function publicRoute<Context>(body: (request: Request, context: Context) => Promise<Response>) {
  return (request: Request, context: Context): Promise<Response> => answer(request, () => body(request, context));
}

/**
 * A route that needs a signed-in user: `signIn` is what a signed-out caller reads (401). With `json`,
 * the body's JSON is read and checked before `body` runs, which receives it as `input`.
 */
export function userRoute<Context, S extends z.ZodType = z.ZodUndefined>(
  spec: { signIn: string; json?: JsonBody<S> },
  body: (call: { request: Request; user: SessionUser; input: z.infer<S> }, context: Context) => Promise<Response>,
) {
  return (request: Request, context: Context): Promise<Response> =>
    answer(request, async () => {
      const user = await currentUser();
      if (!user) return problem(401, spec.signIn);
      if (!spec.json) return body({ request, user, input: undefined as z.infer<S> }, context);
      const parsed = spec.json.schema.safeParse(await readJson(request, spec.json.maxBytes));
      if (!parsed.success) return problem(400, spec.json.invalid, z.flattenError(parsed.error));
      return body({ request, user, input: parsed.data }, context);
    });
}
