// Checks a server action's request body before Next decodes it (proxy.ts). Next hands the body to
// React's reply decoder, which throws (a 500) on an empty body or text that isn't JSON, and recurses
// once per level of nesting, so 100,000 nested arrays overflow the stack; a lone surrogate (half of
// a UTF-16 pair, e.g. "\ud800") decodes fine but PostgreSQL refuses it as text. These answer 400
// with the reason instead. Not a security boundary: the action wrapper still checks every input.

/** Deeper than this, no argument Drill's forms send is nested: React encodes a form in two levels. */
export const MAX_ACTION_NESTING = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How deeply a JSON text nests arrays and objects (strings skipped), counting no further than `limit + 1`. */
function nesting(json: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c === "]" || c === "}") depth--;
  }
  return deepest;
}

/** Some string or key in a parsed JSON value holding half a surrogate pair. */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === "object") {
    return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));
  }
  return false;
}

/** What is wrong with a JSON-encoded action argument list, or null when React can decode it. */
export function jsonArgumentsProblem(text: string): string | null {
  if (!text.trim()) return "The request is empty.";
  if (nesting(text, MAX_ACTION_NESTING) > MAX_ACTION_NESTING) {
    return `The request nests arrays or objects more than ${MAX_ACTION_NESTING} levels deep.`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "The request isn't valid JSON.";
  }
  if (hasLoneSurrogate(value)) return "The request holds text that isn't valid Unicode (a lone surrogate).";
  return null;
}

/**
 * What is wrong with a server action's body, or null when it can go on to the action. Forms send
 * multipart bodies, whose numbered fields hold JSON-encoded arguments; direct calls send JSON.
 */
export async function actionBodyProblem(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  const isForm = type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  if (!isForm) return jsonArgumentsProblem(await request.text());
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return "The request's form data can't be read.";
  }
  for (const [name, value] of form.entries()) {
    if (!/^\d+$/.test(name) || typeof value !== "string") continue;
    const problem = jsonArgumentsProblem(value);
    if (problem) return problem;
  }
  return null;
}
