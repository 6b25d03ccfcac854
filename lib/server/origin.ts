import "server-only";
import { headers } from "next/headers";
import { configuredOrigin } from "./env";

/**
 * This site's origin as the browser sees it, for links people copy or get by mail (invites,
 * sign-up and password-reset links): AUTH_URL when set, else the request's own host headers.
 */
export async function siteOrigin(): Promise<string> {
  const configured = configuredOrigin();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
