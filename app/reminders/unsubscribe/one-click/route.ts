// RFC 8058 one-click unsubscribe: the mail provider POSTs `List-Unsubscribe=One-Click` to the
// List-Unsubscribe address; the signed token in it stops that learner's reminders and nothing else.
import { publicRoute, problem } from "@/lib/accounts/route-handler";
import { turnRemindersOff } from "@/lib/reminders/settings";
import { userOfUnsubscribeToken } from "@/lib/reminders/unsubscribe";
import { readBody } from "@/lib/server/requests";

export const POST = publicRoute(async (request) => {
  const body = new URLSearchParams(await readBody(request, 1024));
  if (body.get("List-Unsubscribe") !== "One-Click") return problem(400, "Expected List-Unsubscribe=One-Click.");
  const userId = userOfUnsubscribeToken(new URL(request.url).searchParams.get("token") ?? "");
  await turnRemindersOff(userId);
  return new Response("Daily reminders are off.\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
});
