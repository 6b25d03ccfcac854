// GET /api/metrics: Prometheus metrics, for a scraper holding METRICS_TOKEN (Authorization: Bearer).
// Without METRICS_TOKEN configured the route doesn't exist (404); a wrong or missing token gets 401.
import { createHash, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/server/env";
import { metrics } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

const digest = (text: string) => createHash("sha256").update(text).digest();

export async function GET(request: Request): Promise<Response> {
  const token = serverEnv().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const given = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  // Compared as digests, in constant time, so the answer's timing says nothing about the token.
  if (!given || !timingSafeEqual(digest(given), digest(token))) {
    return new Response("Unauthorized", {
      status: 401,
      headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" },
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
