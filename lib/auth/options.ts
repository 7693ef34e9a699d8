// next-auth (v4) configuration: credentials sign-in, JWT sessions checked against the user's
// session version on every request. Everything next-auth specific stays in lib/auth.
import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/redirect";
import { log } from "@/lib/log";
import { authenticate, SIGN_IN_FAILED, validSession } from "./accounts";
import { readDeviceId } from "./device";
import { newSessionId, revokeSession, SESSION_MAX_AGE_S } from "./revocation";

export function authOptions(): AuthOptions {
  const { authSecret, secureCookies } = env();
  return {
    secret: authSecret,
    useSecureCookies: secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/en/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? "");
          const password = String(credentials?.password ?? "");
          const cookie = (req?.headers as Record<string, string | undefined> | undefined)?.cookie;
          const result = await authenticate(await getDb(), email, password, readDeviceId(cookie, authSecret, secureCookies));
          if (result.ok) return { id: result.user.id, name: result.user.displayName, role: result.user.role, sv: result.user.sessionVersion };
          if (result.reason === "throttled") {
            const minutes = Math.max(1, Math.ceil((result.retryAfterMs ?? 60_000) / 60_000));
            throw new Error(`Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`);
          }
          throw new Error(SIGN_IN_FAILED);
        },
      }),
    ],
    callbacks: {
      // Anything but this site's own pages goes to the home page (lib/http/redirect.ts). The url
      // may be any value a JSON body carries; next-auth's default crashed on a non-URL.
      async redirect({ url, baseUrl }) {
        const path = safeRedirectPath(url, baseUrl);
        return path ? new URL(path, baseUrl).href : baseUrl;
      },
      async jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; role?: string; sv?: number };
          // A fresh id per sign-in: signing out revokes this session and no other.
          return { ...token, uid: u.id, role: u.role, sv: u.sv, sid: newSessionId() };
        }
        // Every request: the account must still exist, the session version must match, and
        // this session must not have been signed out.
        const state = await validSession(await getDb(), token);
        if (!state) return {};
        return { ...token, role: state.role, name: state.displayName };
      },
      async session({ session, token }) {
        if (typeof token.uid !== "string") return { ...session, user: undefined };
        return { ...session, user: { id: token.uid, name: token.name, role: token.role } as typeof session.user };
      },
    },
    events: {
      // next-auth calls this after checking the sign-out form's CSRF token, with the decoded
      // session token, and awaits it: a copy of the cookie stops working from here on.
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : undefined;
        if (sid) await revokeSession(await getDb(), sid);
        log("auth.sign_out", { userId: typeof token?.uid === "string" ? token.uid : undefined, revoked: Boolean(sid) });
      },
    },
  };
}
