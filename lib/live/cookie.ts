// The live cookie of a nickname joiner: "<session id>.<token>", httpOnly. Path=/ so the phone page
// (/<locale>/live/<id>, rendered on the server with the phone's view) sees it as the live API does.
// One session per browser at a time; a group member needs none (their account says who).
import "server-only";
import { readCookie } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

export const LIVE_COOKIE = "cg_live";
/** A workshop's day, and the morning after for a session that ran late. */
const MAX_AGE_SECONDS = 36 * 3600;

export function liveSetCookie(sessionId: string, token: string): string {
  const secure = env().secureCookies;
  return `${LIVE_COOKIE}=${sessionId}.${token}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The token of this browser's cookie if it is for `sessionId` (undefined for another session's). */
export function liveToken(request: Request, sessionId?: string): { sessionId: string; token: string } | undefined {
  return liveTokenOf(readCookie(request.headers.get("cookie"), LIVE_COOKIE), sessionId);
}

/** The same from the cookie's value (pages read it with next/headers). */
export function liveTokenOf(value: string | undefined, sessionId?: string): { sessionId: string; token: string } | undefined {
  const [id, token] = (value ?? "").split(".");
  if (!id || !token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  if (sessionId !== undefined && id !== sessionId) return undefined;
  return { sessionId: id, token };
}
