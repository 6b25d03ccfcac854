// GET /api/study/after[?deck=<id>]: what is left today once a session's ratings are saved (the queue
// as the server now sees it, unseen cards, the next review), so the end of a session says what will
// really happen next. Only the signed-in learner's own decks are read.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/accounts/auth";
import { keyParam } from "@/lib/query-params";
import { afterSession } from "@/lib/review/session";

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to see your study queue." }, { status: 401 });
  const deck = new URL(request.url).searchParams.get("deck");
  const deckId = deck === null ? undefined : keyParam(deck);
  if (deck !== null && !deckId) return NextResponse.json({ error: "That isn't a deck id." }, { status: 400 });
  return NextResponse.json(await afterSession(user, { deckId }), { headers: { "cache-control": "no-store" } });
}
