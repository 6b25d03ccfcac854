// Runs before every page: a fresh script nonce and the Content Security Policy that names it
// (lib/server/csp.ts), and a 400 with the reason for a server action body Next can't decode
// (lib/server/action-body.ts). Not for security decisions: every page, action and route checks access itself.
import { NextResponse, type NextRequest } from "next/server";
import { actionBodyProblem } from "@/lib/server/action-body";
import { contentSecurityPolicy, newNonce } from "@/lib/server/csp";
import { servedOverHttps } from "@/lib/server/env";

// Read once: HSTS only when people reach the site over HTTPS (AUTH_URL), never on a local http address.
const hsts = servedOverHttps() ? "max-age=31536000; includeSubDomains" : null;

export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    // Read from a copy: Next buffers the body for the proxy and hands the original on to the action.
    const problem = await actionBodyProblem(request.clone());
    if (problem) return new NextResponse(problem, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: JSON routes and static files run no scripts. Link prefetches get the policy with the page.
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
