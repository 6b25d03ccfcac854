// Authentication: Auth.js (next-auth v5) with email + password, plus GitHub/Google when configured.
// Sessions are JWTs (Auth.js refuses database sessions with Credentials). Each token carries the id
// of its SignInSession row (lib/accounts/sessions.ts) and the user's session version; currentUser()
// reads the row with its user once per request, so signing out (this session), a deleted account, a
// password change or "sign out everywhere" (every older session) ends them at once.
import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import { cookies } from "next/headers";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { redirect } from "next/navigation";
import { cache } from "react";
import { checkPassword, signInSchema } from "./passwords";
import { endSession, liveSessionUser, SESSION_DAYS, startSession } from "./sessions";
import { confirmSignUp } from "./sign-up";
import { clientAddress } from "./throttle";
import { db } from "../server/db";
import { authSecret, oauthProviders } from "../server/env";

class ThrottledAccount extends CredentialsSignin {
  code = "throttled-account";
}
class ThrottledClient extends CredentialsSignin {
  code = "throttled-client";
}
class InvalidSignIn extends CredentialsSignin {
  code = "invalid";
}

const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      const parsed = signInSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidSignIn();
      const result = await checkPassword(parsed.data, new Date(), clientAddress(request.headers));
      if (result.ok) return result.user;
      if (result.reason === "invalid") throw new InvalidSignIn();
      throw result.scope === "client" ? new ThrottledClient() : new ThrottledAccount();
    },
  }),
  // The last step of signing up: the link from the sign-up email creates the account and signs in.
  Credentials({
    id: "sign-up-link",
    credentials: { token: {} },
    async authorize(raw) {
      const token = typeof raw.token === "string" ? raw.token : "";
      const user = await confirmSignUp(token);
      if (!user) throw new InvalidSignIn();
      return user;
    },
  }),
];
const oauth = oauthProviders();
if (oauth.github) providers.push(GitHub);
if (oauth.google) providers.push(Google);

const isProduction = process.env.NODE_ENV === "production";

export const {
  handlers,
  auth: uncachedAuth,
  signIn,
  signOut,
  unstable_update: refreshSession,
} = NextAuth({
  // @auth/prisma-adapter's types predate Prisma 7's generated client; the runtime API matches.
  adapter: PrismaAdapter(db),
  providers,
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 60 * 60 },
  useSecureCookies: isProduction,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    // The session version goes into the token at sign-in, and again when the app refreshes the
    // session after raising it (a password change keeps the session that made it).
    async jwt({ token, user, trigger }) {
      if ((user || trigger === "update") && token.sub) token.sv = await sessionVersionOf(token.sub);
      if (user && token.sub) token.sid = await startSession(token.sub);
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sv = typeof token.sv === "number" ? token.sv : 0;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends this session on the server: a copy of its cookie is refused from now on.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
  logger: {
    // Wrong passwords are expected; don't fill the server log with stack traces for them.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});

// Decoding the session cookie (key derivation, then decryption) is a large part of a request's CPU.
// A cookie's value decodes to the same session every time until it expires, so decoded sessions are
// kept a minute per process, keyed by the cookie's value (which no one can forge). Ending sessions
// doesn't rely on this: currentUser checks the session's row and version on every request.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const DECODED_MS = 60_000;
const DECODED_MAX = 10_000;
const decoded = new Map<string, { session: Session | null; until: number }>();

async function decodeSession(): Promise<Session | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  // No cookie (signed out), or one split in chunks (too large to be ours): Auth.js decides.
  if (!token) return uncachedAuth();
  const now = Date.now();
  const hit = decoded.get(token);
  if (hit && hit.until > now) return hit.session;
  const session = await uncachedAuth();
  const expires = session ? Date.parse(session.expires) : now + DECODED_MS;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { session, until: Math.min(now + DECODED_MS, expires) });
  return session;
}

/** The session from the request's cookie: decoded once per cookie value and minute (see above). */
export const auth = cache(decodeSession);

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

async function sessionVersionOf(userId: string): Promise<number> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return row?.sessionVersion ?? 0;
}

/**
 * The signed-in user: null when signed out, when this session was ended (signed out, even from a
 * copied cookie) or the account is gone, or when the session is older than the user's session
 * version (ended everywhere). One indexed lookup per request (lib/accounts/sessions.ts).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  // A token without a session id predates server-side sessions: it signs in again.
  if (!id || !session.sid) return null;
  const row = await liveSessionUser(session.sid, id);
  if (!row || row.sessionVersion !== (session.sv ?? 0)) return null;
  return { id: row.id, email: row.email, name: row.name };
});

/** For pages that need an account: sends visitors to sign in, then back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

declare module "next-auth" {
  interface Session {
    /** The user's session version when this session's token was issued. */
    sv?: number;
    /** The SignInSession row this session stands for. */
    sid?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
    sid?: string;
  }
}
