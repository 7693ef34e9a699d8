// The device cookie: a random id signed with the app secret, set after the first successful
// sign-in from a browser (lib/auth/route.ts). It identifies a browser for throttling only; it
// grants nothing by itself.
import crypto from "node:crypto";
import { readCookie } from "./cookies";

/**
 * The cookie's name. Over https it carries the `__Secure-` prefix, so a browser only accepts it
 * from a secure origin with the Secure flag (a network attacker on http cannot plant one).
 */
export function deviceCookieName(secure: boolean): string {
  return secure ? "__Secure-cg_device" : "cg_device";
}

/**
 * The Set-Cookie value: HttpOnly, SameSite=Lax, sent only to the API (never to pages); Secure over
 * https. The API as a whole, not only the sign-in routes: deleting an account shares the sign-in
 * throttle's device bucket, and joins and sign-ups are limited per device (lib/ratelimit).
 */
export function deviceSetCookie(value: string, secure: boolean): string {
  return `${deviceCookieName(secure)}=${value}; Path=/api; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

function mac(secret: string, id: string): string {
  return crypto.createHmac("sha256", secret).update(`device\u0000${id}`).digest("base64url");
}

export function newDeviceCookieValue(secret: string): { id: string; value: string } {
  const id = crypto.randomBytes(18).toString("base64url");
  return { id, value: `${id}.${mac(secret, id)}` };
}

/** The device id from a Cookie header, or null when absent or not signed by us. */
export function readDeviceId(cookieHeader: string | null | undefined, secret: string, secure: boolean): string | null {
  const decoded = readCookie(cookieHeader, deviceCookieName(secure));
  if (!decoded) return null;
  const [id, sig] = decoded.split(".");
  if (!id || !sig) return null;
  const expected = mac(secret, id);
  const a = Buffer.from(sig);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? id : null;
}
