// The LRS credentials at rest, and the learners' pseudonyms in statements.
//
// Credentials: AES-256-GCM with a key derived (HKDF-SHA256) from the app's auth secret
// (NEXTAUTH_SECRET, or the local data/.auth-secret of a single SQLite instance, lib/env.ts), so a
// copy of the database alone does not give away the LRS password. Changing the auth secret makes
// the stored credentials unreadable: the admin page then says so and asks for them again.
//
// Pseudonyms: an LRS is another organisation's system, so a statement never names the learner by
// email, nickname or account id. The actor is HMAC-SHA256(installation's random salt, account id):
// stable (one learner is one actor across every statement, as the LRS needs) and opaque (it
// cannot be turned back into the account, nor matched against the app's own exports or another
// LRS's data); a new salt (lib/xapi/settings.ts) unlinks every past statement from new ones.
import crypto from "node:crypto";

const VERSION = "v1";
const INFO = "common-ground xapi lrs credentials v1";

function keyFrom(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), Buffer.from(INFO, "utf8"), 32));
}

/** "v1.<iv>.<tag>.<ciphertext>" (base64url), readable only with the same auth secret. */
export function seal(plain: string, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain text of `seal`, or undefined when it was sealed with another secret or altered. */
export function unseal(sealed: string, secret: string): string | undefined {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) return undefined;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** The learner's name in statements: opaque, stable for one salt, 43 base64url characters. */
export function pseudonym(salt: string, userId: string): string {
  return crypto.createHmac("sha256", salt).update(`actor:${userId}`).digest("base64url");
}

/** A fresh random salt for pseudonyms. */
export const newSalt = () => crypto.randomBytes(32).toString("base64url");

/** The namespace of nameUuid (a random UUID chosen once for this app; never change it). */
const NAMESPACE = "1f1c8a52-8a0e-4d0b-9a53-3c6b4e2b7d11";

/**
 * A UUID (RFC 4122 version 5, name-based) from a name: the statement id of something that has no
 * client id of its own (a lesson completion), so a resend of it is the same statement. Version 5
 * rather than 8 because LRSs check statement ids against RFC 4122.
 */
export function nameUuid(name: string): string {
  const b = crypto.createHash("sha1").update(Buffer.from(NAMESPACE.replaceAll("-", ""), "hex")).update(name, "utf8").digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
