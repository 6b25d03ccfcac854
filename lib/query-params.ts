// What a URL may carry into a query: page numbers, search text, tag names and keys, each read
// strictly. Anything else is treated as absent (or, for a key, as naming nothing), never passed on
// to the database, where a huge number or a NUL byte used to end in a 500. Pure.

type Param = string | string[] | undefined;

/** The one value of a query parameter given once; a repeated parameter counts as absent. */
function single(value: Param): string | undefined {
  return typeof value === "string" ? value : undefined;
}

const CONTROL = /[\u0000-\u001F\u007F]/g;

/** A page number: 1 to `max`; anything else is page 1. */
export function pageParam(value: Param, max = 1_000_000): number {
  const text = single(value);
  if (!text || !/^\d{1,7}$/.test(text)) return 1;
  const page = Number(text);
  return page >= 1 && page <= max ? page : 1;
}

/** Free search text: at most 200 characters, without control characters. */
export function searchParam(value: Param): string {
  return (single(value) ?? "").replace(CONTROL, "").trim().slice(0, 200);
}

/** A tag name as tags are written (lowercase letters, digits, hyphens); anything else is no tag. */
export function tagParam(value: Param): string {
  const text = single(value);
  return text && /^[a-z0-9][a-z0-9-]{0,39}$/.test(text) ? text : "";
}

/** A deck URL key, card slug or id: letters, digits, - and _, at most 120; anything else names nothing. */
export function isKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,120}$/.test(value);
}

/** An invite token as Drill makes them (18 random bytes, base64url), within a little slack. */
export function isInviteToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{10,64}$/.test(value);
}

/** A key from the query string, or undefined. */
export function keyParam(value: Param): string | undefined {
  const text = single(value);
  return text && isKey(text) ? text : undefined;
}
