// GET /decks/<deck>/export: the deck as a Markdown deck file (the format data/decks/ uses); with
// ?format=csv as CSV (question, answer, tags...: what spreadsheets and the CSV importer read); with
// ?format=apkg as an Anki package, carrying the learner's own schedule and review log with &history=1.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/accounts/auth";
import { publicRoute } from "@/lib/accounts/route-handler";
import { AppError } from "@/lib/server/errors";
import { exportDeckApkg } from "@/lib/transfer/anki-export";
import { exportDeck, exportDeckCsv } from "@/lib/transfer/transfer";

const FORMATS = ["md", "csv", "apkg"] as const;

function download(body: string | Uint8Array, filename: string, contentType: string) {
  return new NextResponse(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

// Open to visitors: a public deck's file is theirs to download too; any other deck is not found.
export const GET = publicRoute(async (request: Request, { params }: RouteContext<"/decks/[deckKey]/export">) => {
  const { deckKey } = await params;
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "md";
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
    throw new AppError("invalid", `Unknown export format "${format.slice(0, 20)}": use md, csv or apkg.`);
  }
  const viewer = await currentUser();
  if (format === "csv") {
    const { filename, csv } = await exportDeckCsv(viewer, deckKey);
    return download(csv, filename, "text/csv; charset=utf-8");
  }
  if (format === "apkg") {
    const { filename, bytes } = await exportDeckApkg(viewer, deckKey, { withHistory: query.get("history") === "1" });
    return download(bytes, filename, "application/octet-stream");
  }
  const { filename, markdown } = await exportDeck(viewer, deckKey);
  return download(markdown, filename, "text/markdown; charset=utf-8");
});
