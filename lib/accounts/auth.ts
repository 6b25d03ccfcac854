// Authentication: Auth.js (next-auth v5) with email + password, plus GitHub/Google when configured.
// Sessions are JWTs (Auth.js refuses database sessions with Credentials); the user is re-read from
// the database on every request by currentUser(), so a deleted account loses access at once.
import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { redirect } from "next/navigation";
import { cache } from "react";
import { checkPassword, signInSchema } from "./passwords";
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
} = NextAuth({
  // @auth/prisma-adapter's types predate Prisma 7's generated client; the runtime API matches.
  adapter: PrismaAdapter(db),
  providers,
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  useSecureCookies: isProduction,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
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

export const auth = cache(uncachedAuth);

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in user, read fresh from the database (null when signed out or the account is gone). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

/** For pages that need an account: sends visitors to sign in, then back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
