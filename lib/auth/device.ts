// The device cookie: a random id signed with the app secret, set after the first successful
// sign-in from a browser (lib/auth/route.ts). It identifies a browser for throttling only; it
// grants nothing by itself.
import crypto from "node:crypto";

export const DEVICE_COOKIE = "cg_device";

function mac(secret: string, id: string): string {
  return crypto.createHmac("sha256", secret).update(`device\u0000${id}`).digest("base64url");
}

export function newDeviceCookieValue(secret: string): { id: string; value: string } {
  const id = crypto.randomBytes(18).toString("base64url");
  return { id, value: `${id}.${mac(secret, id)}` };
}

/** The device id from a Cookie header, or null when absent or not signed by us. */
export function readDeviceId(cookieHeader: string | null | undefined, secret: string): string | null {
  const match = (cookieHeader ?? "").split(/;\s*/).find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  if (!match) return null;
  const [id, sig] = decodeURIComponent(match.slice(DEVICE_COOKIE.length + 1)).split(".");
  if (!id || !sig) return null;
  const expected = mac(secret, id);
  const a = Buffer.from(sig);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? id : null;
}
