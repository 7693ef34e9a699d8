// The private half of a signing key at rest: AES-256-GCM under a key derived (HKDF-SHA-256) from
// the app's auth secret (NEXTAUTH_SECRET, or the local .auth-secret of a single SQLite instance,
// lib/env.ts). The key id is bound as additional data, so a ciphertext moved onto another key's
// row does not decrypt. Losing the secret makes the stored keys unusable (docs/deploy.md).
import crypto from "node:crypto";

const VERSION = "v1";
/** Fixed salt and info: the derived key depends on the secret alone, and on nothing else of the app. */
const SALT = "common-ground/signing-keys";
const INFO = "private-jwk:aes-256-gcm";

function derive(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", secret, SALT, INFO, 32));
}

/** "v1.<iv>.<ciphertext>.<tag>", each base64url. */
export function sealPrivateKey(plain: string, secret: string, kid: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", derive(secret), iv);
  cipher.setAAD(Buffer.from(kid, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The plain text, or an Error naming the key when the secret is not the one it was sealed with. */
export function openPrivateKey(sealed: string, secret: string, kid: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) throw new Error(`signing key ${kid}: unknown sealed format`);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", derive(secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(kid, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`signing key ${kid} cannot be decrypted: the app's secret (NEXTAUTH_SECRET or data/.auth-secret) is not the one it was made with`);
  }
}
