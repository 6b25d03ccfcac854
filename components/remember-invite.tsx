"use client";

// Remembers an invite opened while signed out, so signing up or in by any path (the header's
// buttons included) comes back to it. The token is already in the page's URL; the cookie only
// carries it across the sign-up email.
import { useEffect } from "react";
import { PENDING_INVITE_COOKIE, PENDING_INVITE_SECONDS } from "@/lib/accounts/pending-invite";

export function RememberInvite({ token }: { token: string }) {
  useEffect(() => {
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${PENDING_INVITE_COOKIE}=${encodeURIComponent(token)}; path=/; max-age=${PENDING_INVITE_SECONDS}; samesite=lax${secure}`;
  }, [token]);
  return null;
}
