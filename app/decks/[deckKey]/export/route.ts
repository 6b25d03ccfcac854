// GET /decks/<deck>/export: the deck as a Markdown deck file (the format data/decks/ uses).
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/accounts/auth";
import { AppError } from "@/lib/server/errors";
import { exportDeck } from "@/lib/transfer/transfer";

export async function GET(_request: Request, { params }: RouteContext<"/decks/[deckKey]/export">) {
  const { deckKey } = await params;
  try {
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
