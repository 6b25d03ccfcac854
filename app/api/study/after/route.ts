// GET /api/study/after[?deck=<id>]: what is left today once a session's ratings are saved (the queue
// as the server now sees it, unseen cards, the next review), so the end of a session says what will
// really happen next: the same queue as Today's and the study page's, the interview plan included.
// Only the signed-in learner's own decks are read.
import { NextResponse } from "next/server";
import { userRoute } from "@/lib/accounts/route-handler";
import { keyParam } from "@/lib/query-params";
import { afterStudy } from "@/lib/views/study-day";
import { AppError } from "@/lib/server/errors";

export const GET = userRoute({ signIn: "Sign in to see your study queue." }, async ({ request, user }) => {
  const deck = new URL(request.url).searchParams.get("deck");
  const deckId = deck === null ? undefined : keyParam(deck);
  if (deck !== null && !deckId) throw new AppError("invalid", "That isn't a deck id.");
  return NextResponse.json(await afterStudy(user, { deckId }), { headers: { "cache-control": "no-store" } });
});
