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
import { importAnki, ownDeckTitles, previewAnki } from "@/lib/transfer/anki-import";

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

export const POST = userRoute({ signIn: "Sign in to import a deck." }, async ({ request, user }) => {
  if (mediaType(request.headers.get("content-type")) !== "application/octet-stream")
    throw new RequestRefused(415, "Send the package's bytes.");
  const preview = new URL(request.url).searchParams.get("step") === "preview";
  const options = preview ? null : importOptions(request);
  const bytes = new Uint8Array(await readBytes(request, APKG_MAX_BYTES, `That file is over ${APKG_MAX_BYTES / 1_000_000} MB.`));
  // The learner's deck titles come along, so the form can warn before a second deck gets the same one.
  if (!options) return NextResponse.json({ ...previewAnki(bytes), deckTitles: await ownDeckTitles(user) });
  const result = await importAnki(user, bytes, options);
  return NextResponse.json({ ...result, editHref: paths.deckEdit(result.deckId) });
});
