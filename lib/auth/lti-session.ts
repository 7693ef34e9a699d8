// The session of someone launched from an LMS (lib/lti). It is a session like any other (the same
// encrypted token, session id and version checks: lib/auth/session.ts), kept in its own cookie:
//   - SameSite=None and Secure, so the browser sends it to the app inside the LMS's iframe, where
//     the app is a third party and the Lax session cookie is never sent;
//   - Partitioned (CHIPS), so it is kept under the LMS's site only: browsers that block
//     third-party cookies still keep a partitioned one, and it is not sent when the app is opened
//     on its own (there the ordinary sign-in applies). A launch the LMS opened in a new window is
//     first-party, and the cookie is partitioned under the app's own site, which is the same thing;
//   - short-lived (LTI_SESSION_MAX_AGE_S): the LMS launches again whenever the learner comes back.
// Browsers accept Secure cookies from http://localhost, so the tests' plain-http launches work;
// a real deployment serves https (docs/deploy.md).
import "server-only";
import { encode } from "next-auth/jwt";
import { newSessionId } from "./revocation";

export const LTI_SESSION_MAX_AGE_S = 8 * 60 * 60;

export function ltiCookieName(secureCookies: boolean): string {
  return secureCookies ? "__Host-cg_lti" : "cg_lti";
}

/** The Set-Cookie header value for a new LTI session of `user`. */
export async function ltiSessionCookie(user: { id: string; role: string; displayName: string; sessionVersion: number }, secret: string, secureCookies: boolean): Promise<string> {
  const token = await encode({
    token: { uid: user.id, role: user.role, sv: user.sessionVersion, sid: newSessionId(), name: user.displayName },
    secret,
    maxAge: LTI_SESSION_MAX_AGE_S,
  });
  return `${ltiCookieName(secureCookies)}=${token}; Path=/; Max-Age=${LTI_SESSION_MAX_AGE_S}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

/**
 * The browser's "signed in" hint (components/progress/account-hint.ts), which tells the static
 * lesson and quiz pages to sync with the server. The page sets it itself after a sign-in, as a
 * Lax cookie, which a browser neither keeps nor shows inside another site's frame: the launch sets
 * it instead, partitioned like the session. Not HttpOnly (the page reads it); it grants nothing.
 */
export function ltiHintCookie(role: string): string {
  const value = role === "facilitator" || role === "admin" ? role : "1";
  return `cg_signed_in=${value}; Path=/; Max-Age=${LTI_SESSION_MAX_AGE_S}; Secure; SameSite=None; Partitioned`;
}
