// Checks every JSON route makes before it reads a body: the media type, the origin (cross-site
// request forgery), and the body's size. Each refusal is a status with a message people can read.
import "server-only";

export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "RequestRefused";
  }
}

/** The media type of a Content-Type header, exactly: `text/plain; x=application/json` is text/plain. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Whether the request comes from one of our own pages. Browsers send Sec-Fetch-Site and Origin on
 * every cross-origin request and can't be made to lie about them; a page on another port of the
 * same host is another origin. A request with neither header doesn't come from a browser, so it
 * carries no one else's cookies.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function tooLarge(limit: number, message?: string): RequestRefused {
  return new RequestRefused(413, message ?? `The request is too large: at most ${Math.round(limit / 1024)} KB.`);
}

/** The body as text, refused (413) past `limit` bytes: by its declared length, or while reading. */
export async function readBody(request: Request, limit: number): Promise<string> {
  return (await readBytes(request, limit)).toString("utf8");
}

/**
 * The body's bytes, refused (413, with `tooLargeMessage` when given) past `limit` bytes: by its
 * declared length, or while reading.
 */
export async function readBytes(request: Request, limit: number, tooLargeMessage?: string): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, tooLargeMessage);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit, tooLargeMessage);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A JSON POST from our own pages, read within `limit` bytes and parsed. */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  if (!isSameOrigin(request.headers)) throw new RequestRefused(403, "This request came from another site.");
  if (mediaType(request.headers.get("content-type")) !== "application/json") throw new RequestRefused(415, "Send JSON.");
  const text = await readBody(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestRefused(400, "The body is not valid JSON.");
  }
}
