import "server-only";
import { siteOriginOf } from "./env";

/**
 * This site's origin as people reach it, for links they copy or get by mail (invites, sign-up and
 * password-reset links): from configuration only (lib/server/env.ts), never from request headers.
 */
export async function siteOrigin(): Promise<string> {
  return siteOriginOf();
}
