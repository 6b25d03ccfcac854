// RFC 8058 one-click unsubscribe for a mentor's weekly digest: the mail provider POSTs
// `List-Unsubscribe=One-Click`; the signed token stops that deck's digest and nothing else.
import { publicRoute, problem } from "@/lib/accounts/route-handler";
import { turnDigestOff } from "@/lib/reminders/digest-settings";
import { digestOfUnsubscribeToken } from "@/lib/reminders/unsubscribe";
import { readBody } from "@/lib/server/requests";

export const POST = publicRoute(async (request) => {
  const body = new URLSearchParams(await readBody(request, 1024));
  if (body.get("List-Unsubscribe") !== "One-Click") return problem(400, "Expected List-Unsubscribe=One-Click.");
  const { userId, deckId } = digestOfUnsubscribeToken(new URL(request.url).searchParams.get("token") ?? "");
  await turnDigestOff(userId, deckId);
  return new Response("This deck's weekly digest is off.\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
});
