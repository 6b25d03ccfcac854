// GET /decks/<deck>/export: the deck as a Markdown deck file (the format data/decks/ uses), or with
// ?format=csv as CSV (question, answer, tags...: what spreadsheets and the CSV importer read).
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/accounts/auth";
import { AppError } from "@/lib/server/errors";
import { exportDeck, exportDeckCsv } from "@/lib/transfer/transfer";

export async function GET(request: Request, { params }: RouteContext<"/decks/[deckKey]/export">) {
  const { deckKey } = await params;
  try {
    if (new URL(request.url).searchParams.get("format") === "csv") {
      const { filename, csv } = await exportDeckCsv(await currentUser(), deckKey);
      return new NextResponse(csv, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
          "cache-control": "no-store",
        },
      });
    }
    const { filename, markdown } = await exportDeck(await currentUser(), deckKey);
    return new NextResponse(markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
