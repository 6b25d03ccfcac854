// GET /media/<id>: an image a deck's cards show, to whoever may browse the deck (a public deck's to
// anyone, a private one's to its people); to anyone else it doesn't exist. Served as the image type
// its bytes were checked to be, never sniffed by the browser, cached privately (the id never changes).
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/accounts/auth";
import { publicRoute } from "@/lib/accounts/route-handler";
import { browsableDecks } from "@/lib/decks/access";
import { isKey } from "@/lib/query-params";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

const missing = () => new AppError("not_found", "No such image.");

export const GET = publicRoute(async (_request: Request, { params }: RouteContext<"/media/[mediaId]">) => {
  const { mediaId } = await params;
  if (!isKey(mediaId)) throw missing();
  const viewer = await currentUser();
  const media = await db.media.findFirst({
    where: { id: mediaId, deck: browsableDecks(viewer) },
    select: { bytes: true, mimeType: true, name: true },
  });
  if (!media) throw missing();
  return new NextResponse(Buffer.from(media.bytes), {
    headers: {
      "content-type": media.mimeType,
      "content-disposition": `inline; filename="${media.name.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
});
