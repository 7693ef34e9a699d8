// Who is asking: the only way pages, route handlers and actions learn the current user.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode, type JWT } from "next-auth/jwt";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { sessionClaimOf, validSession, type SessionClaim, type SessionUser } from "./accounts";
import { ltiCookieName } from "./lti-session";

/** next-auth's session cookie name; a long token is split into "<name>.0", "<name>.1", ... */
function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

async function sessionToken(secure: boolean): Promise<string | undefined> {
  const name = sessionCookieName(secure);
  const jar = await cookies();
  // A launch from an LMS (lib/auth/lti-session.ts): inside the LMS's frame it is the only session
  // the browser sends; in a window the LMS opened, the launch names who is here.
  const lti = jar.get(ltiCookieName(secure))?.value;
  if (lti) return lti;
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .map((c) => ({ index: /^(.*)\.(\d+)$/.exec(c.name), value: c.value }))
    .filter((c) => c.index?.[1] === name)
    .sort((a, b) => Number(a.index![2]) - Number(b.index![2]));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/** Decrypted session tokens by token, newest last (a small LRU), so a busy learner's answers do
 * not each pay for key derivation and decryption. Expiry is checked on every use; revocation
 * (this session signed out, or every session by the session version) is checked against the
 * database on every use too, so a cached token is never trusted past its sign-out. */
const decodedTokens = processSingleton("decoded-session-tokens", () => new Map<string, JWT>());
const DECODED_TOKENS_MAX = 2000;

async function decodeSession(token: string, secret: string): Promise<JWT | null> {
  let payload = decodedTokens.get(token);
  if (payload) {
    decodedTokens.delete(token);
  } else {
    payload = (await decode({ token, secret }).catch(() => null)) ?? undefined;
    if (!payload) return null;
  }
  if (typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) return null;
  decodedTokens.set(token, payload);
  if (decodedTokens.size > DECODED_TOKENS_MAX) decodedTokens.delete(decodedTokens.keys().next().value!);
  return payload;
}

/**
 * The signed-in user, or null. It reads next-auth's session cookie itself (an encrypted JWT;
 * decryption checks its expiry) and then checks, against the database, that the account exists,
 * that the session version still matches and that this session was not signed out, and takes
 * the current role from there. This is
 * the same check as the JWT callback in options.ts, without next-auth's session round trip
 * (which also re-encrypts the token on every call): answers arrive hundreds per second in a hall.
 *
 * Cached per request with React's `cache`: a page whose layout, body and sections each ask (the
 * group page asks four times) reads the cookie and the database once. Outside a server-component
 * render (route handlers, server actions) `cache` keeps nothing, so each call reads afresh.
 */
export const currentUser = cache(async function currentUser(): Promise<SessionUser | null> {
  const payload = await sessionPayload();
  if (!payload) return null;
  const state = await validSession(await getDb(), payload);
  if (!state) return null;
  return { id: state.id, role: state.role, displayName: state.displayName };
});

async function sessionPayload(): Promise<JWT | null> {
  const { authSecret, secureCookies } = env();
  const token = await sessionToken(secureCookies);
  return token ? decodeSession(token, authSecret) : null;
}

/**
 * What the session cookie claims (decrypted, unexpired), WITHOUT the database check currentUser
 * makes: only for a write that checks the session in its own statement (`sessionStands`, for an
 * answer on PostgreSQL: lib/http/handler.ts `claimFirstRoute`), and never to decide anything else.
 */
export async function sessionClaim(): Promise<SessionClaim | null> {
  const payload = await sessionPayload();
  return (payload && sessionClaimOf(payload)) ?? null;
}

/** The signed-in user, or an "unauthenticated" AppError (401). */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    log("auth.denied", { reason: "unauthenticated" });
    throw new AppError("unauthenticated", "auth.signIn");
  }
  return user;
}
