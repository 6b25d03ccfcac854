// POST /api/reviews: record ratings. A JSON endpoint rather than a server action because the browser's
// offline outbox replays ratings after reloads and deploys (server action ids change with each build),
// and outside clients can use it too. Body: { ratings: RatingInput[] } (1-100), applied in order.
import { NextResponse } from "next/server";
import { z } from "zod";
import { userRoute } from "@/lib/accounts/route-handler";
import type { BatchResult } from "@/lib/review/rating/decide";
import { ratingSchema } from "@/lib/review/rating/input";
import { recordRatings } from "@/lib/review/rating/record";

/** 100 ratings of about 250 bytes each, with room to spare; anything bigger is not a batch of ratings. */
const MAX_BODY_BYTES = 64 * 1024;

const bodySchema = z.object({
  ratings: z.array(ratingSchema).min(1, "Send at least one rating.").max(100, "Send at most 100 ratings at once."),
});

export type ReviewsResponse = { results: BatchResult[] };

export const POST = userRoute(
  { signIn: "Sign in to save ratings.", json: { schema: bodySchema, maxBytes: MAX_BODY_BYTES, invalid: "Some ratings are invalid." } },
  async ({ user, input }) => {
    // One read and one transaction for the batch, with the answers one-by-one would give. A rating
    // for a card the user can't study comes back "not_found" without sinking the others.
    const results = await recordRatings(user, input.ratings);
    // no-transform: a few hundred bytes of JSON aren't worth compressing. Next can't see a streamed
    // response's size, so it would gzip each one, with fresh zlib buffers (bench/http.ts --profile).
    return NextResponse.json({ results } satisfies ReviewsResponse, { headers: { "cache-control": "no-store, no-transform" } });
  },
);
