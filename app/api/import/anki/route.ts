// POST /api/import/anki: an Anki package (.apkg or .colpkg) as the raw body, from our own pages.
// ?step=preview answers what is in it; otherwise it imports, with the options in the
// x-drill-import header (deck title, field choices per note type, whether to bring the history).
// A route rather than a server action: packages run to 100 MB, far past an action's body limit.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/accounts/auth";
import { paths } from "@/lib/routes";
import { AppError } from "@/lib/server/errors";
import { isSameOrigin, mediaType, readBytes, RequestRefused } from "@/lib/server/requests";
import { APKG_MAX_BYTES } from "@/lib/transfer/anki-package";
import { importAnki, previewAnki } from "@/lib/transfer/anki-import";

const column = z.number().int().min(0).max(100);
const optionsSchema = z.object({
  title: z.string().trim().min(1, "The deck needs a title.").max(120, "A deck title is at most 120 characters."),
  choices: z.record(z.string().regex(/^\d{1,20}$/), z.object({ question: column, answer: column })),
  withHistory: z.boolean(),
});

function problem(status: number, error: string) {
  return NextResponse.json({ error }, { status });
}

export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return problem(403, "This request came from another site.");
  const user = await currentUser();
  if (!user) return problem(401, "Sign in to import a deck.");
  if (mediaType(request.headers.get("content-type")) !== "application/octet-stream") return problem(415, "Send the package's bytes.");
  const preview = new URL(request.url).searchParams.get("step") === "preview";
  let options: z.infer<typeof optionsSchema> | null = null;
  if (!preview) {
    let raw: unknown;
    try {
      raw = JSON.parse(decodeURIComponent(request.headers.get("x-drill-import") ?? "null"));
    } catch {
      return problem(400, "The import options are not valid JSON.");
    }
    const parsed = optionsSchema.safeParse(raw);
    if (!parsed.success) return problem(400, parsed.error.issues[0]!.message);
    options = parsed.data;
  }
  try {
    const bytes = new Uint8Array(await readBytes(request, APKG_MAX_BYTES));
    if (preview) return NextResponse.json(previewAnki(bytes));
    const result = await importAnki(user, bytes, options!);
    return NextResponse.json({ ...result, editHref: paths.deckEdit(result.deckId) });
  } catch (error) {
    if (error instanceof RequestRefused)
      return problem(error.status, error.status === 413 ? `That file is over ${APKG_MAX_BYTES / 1_000_000} MB.` : error.message);
    if (error instanceof AppError) return problem(400, error.message);
    throw error;
  }
}
