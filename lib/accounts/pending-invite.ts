// An invite opened before signing in: remembered in a cookie so that, whichever way the person then
// signs up or in (the invite's own buttons, the header, a password reset), they land back on it.
import type { Route } from "next";
import { paths } from "../routes";
import { isInviteToken } from "../query-params";

export const PENDING_INVITE_COOKIE = "drill-pending-invite";
/** A day: long enough to finish signing up by email, short enough not to surprise anyone later. */
export const PENDING_INVITE_SECONDS = 24 * 60 * 60;

export function pendingInvitePath(token: string | undefined): Route | null {
  return token && isInviteToken(token) ? paths.join(token) : null;
}
