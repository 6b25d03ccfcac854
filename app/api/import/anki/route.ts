// POST /api/import/anki: an Anki package (.apkg or .colpkg) as the raw body, from our own pages.
// ?step=preview answers what is in it; otherwise it imports, with the options in the
// x-drill-import header (deck title, field choices per note type, whether to bring the history, subdecks
// as tags or decks, whether to keep Anki's due dates).
// A route rather than a server action: packages run to 100 MB, far past an action's body limit.
import { NextResponse } from "next/server";
import { z } from "zod";
import { userRoute } from "@/lib/accounts/route-handler";
import { paths } from "@/lib/routes";
import { AppError } from "@/lib/server/errors";
import { mediaType, readBytes, RequestRefused } from "@/lib/server/requests";
import { APKG_MAX_BYTES } from "@/lib/transfer/anki-package";
import { ownDeckTitles, type AnkiImportResult, type AnkiPreview } from "@/lib/transfer/anki-import";
import { importProgress, runOffThread } from "@/lib/transfer/off-thread";

const column = z.number().int().min(0).max(100);
const optionsSchema = z.object({
  title: z.string().trim().min(1, "The deck needs a title.").max(120, "A deck title is at most 120 characters."),
  choices: z.record(z.string().regex(/^\d{1,20}$/), z.object({ question: column, answer: column, fromTemplates: z.boolean().optional() })),
  withHistory: z.boolean(),
  subdecks: z.enum(["tags", "decks"]).optional(),
  schedule: z.enum(["keep", "reschedule"]).optional(),
});

/** The import options from the x-drill-import header, checked before the package is read. */
function importOptions(request: Request): z.infer<typeof optionsSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(request.headers.get("x-drill-import") ?? "null"));
  } catch {
    throw new AppError("invalid", "The import options are not valid JSON.");
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]!.message);
  return parsed.data;
}

/** The page's name for this import, so it can ask how far it got (letters, digits and dashes). */
const importIdSchema = z
  .string()
  .regex(/^[\w-]{8,64}$/)
  .optional();

export const POST = userRoute({ signIn: "Sign in to import a deck." }, async ({ request, user }) => {
  if (mediaType(request.headers.get("content-type")) !== "application/octet-stream")
    throw new RequestRefused(415, "Send the package's bytes.");
  const preview = new URL(request.url).searchParams.get("step") === "preview";
  const options = preview ? null : importOptions(request);
  const importId = importIdSchema.safeParse(request.headers.get("x-drill-import-id") ?? undefined).data;
  const bytes = new Uint8Array(await readBytes(request, APKG_MAX_BYTES, `That file is over ${APKG_MAX_BYTES / 1_000_000} MB.`));
  // Reading and writing run in a worker thread with memory and time limits (lib/transfer/off-thread.ts).
  const offThread = { importId, viewer: user };
  // The learner's deck titles come along, so the form can warn before a second deck gets the same one.
  if (!options) {
    const [preview, deckTitles] = await Promise.all([
      runOffThread<AnkiPreview>({ kind: "anki-preview", bytes }, offThread),
      ownDeckTitles(user),
    ]);
    return NextResponse.json({ ...preview, deckTitles });
  }
  const result = await runOffThread<AnkiImportResult>(
    { kind: "anki-import", viewer: { id: user.id }, bytes, options, now: Date.now() },
    offThread,
  );
  return NextResponse.json({ ...result, editHref: paths.deckEdit(result.deckId) });
});

/** GET /api/import/anki?progress=ID: how far the viewer's import ID has got (null once it is over or unknown). */
export const GET = userRoute({ signIn: "Sign in to import a deck." }, async ({ request, user }) => {
  const importId = importIdSchema.safeParse(new URL(request.url).searchParams.get("progress") ?? undefined).data;
  const progress = importId ? importProgress(user, importId) : null;
  return NextResponse.json(progress && { stage: progress.stage, seconds: Math.floor((Date.now() - progress.startedAt) / 1000) });
});
