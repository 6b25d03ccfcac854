// POST /api/reviews: record ratings. A JSON endpoint rather than a server action because the browser's
// offline outbox replays ratings after reloads and deploys (server action ids change with each build),
// and outside clients can use it too. Body: { ratings: RatingInput[] } (1-100), applied in order.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/accounts/auth";
import type { BatchResult } from "@/lib/review/rating/decide";
import { ratingSchema } from "@/lib/review/rating/input";
import { recordRatings } from "@/lib/review/rating/record";
import { AppError, statusOf } from "@/lib/server/errors";
import { readJson, RequestRefused } from "@/lib/server/requests";

/** 100 ratings of about 250 bytes each, with room to spare; anything bigger is not a batch of ratings. */
const MAX_BODY_BYTES = 64 * 1024;

const bodySchema = z.object({
  ratings: z.array(ratingSchema).min(1, "Send at least one rating.").max(100, "Send at most 100 ratings at once."),
});

export type ReviewsResponse = { results: BatchResult[] };

function problem(status: number, error: string, details?: unknown) {
  return NextResponse.json({ error, details }, { status });
}

export async function POST(request: Request) {
  let json: unknown;
  try {
    json = await readJson(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof RequestRefused) return problem(error.status, error.message);
    throw error;
  }
  const user = await currentUser();
  if (!user) return problem(401, "Sign in to save ratings.");
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return problem(400, "Some ratings are invalid.", z.flattenError(parsed.error));

  let results: ReviewsResponse["results"];
  try {
    // One read and one transaction for the batch, with the answers one-by-one would give. A rating
    // for a card the user can't study comes back "not_found" without sinking the others.
    results = await recordRatings(user, parsed.data.ratings);
  } catch (error) {
    if (error instanceof AppError) return problem(statusOf[error.code], error.message);
    throw error;
  }
  // no-transform: a few hundred bytes of JSON aren't worth compressing. Next can't see a streamed
  // response's size, so it would gzip each one, with fresh zlib buffers (bench/http.ts --profile).
  return NextResponse.json({ results } satisfies ReviewsResponse, { headers: { "cache-control": "no-store, no-transform" } });
}
