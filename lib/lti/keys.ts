// The tool's own signing keys: it signs its client assertions (AGS, NRPS) and deep-linking
// responses with them, and platforms fetch the public halves from /api/lti/jwks. RS256, because
// Moodle and Canvas accept only RSA keys in a tool's JWKS (Moodle's LTI 1.3 key check, Canvas's
// developer keys); 2048-bit keys. They are the app's signing keys of purpose "lti"
// (lib/signing-keys: made at first use, private halves sealed under the app's secret, one active
// key even when two instances start at once); the LTI code reads them through ToolKeyStore.
import "server-only";
import type { CryptoKey, JWK } from "jose";
import type { Db } from "@/lib/db/client";
import { activeSigner, ALG_OF, publishedKeys, rotateSigningKey } from "@/lib/signing-keys/keys";

export const TOOL_ALG = ALG_OF.lti;

export interface SigningKey {
  kid: string;
  alg: typeof TOOL_ALG;
  key: CryptoKey;
}

export interface ToolKeyStore {
  /** The key to sign with now; made on first use. */
  signingKey(): Promise<SigningKey>;
  /** The public keys platforms may check a signature with: the current key and recently retired ones. */
  publicJwks(): Promise<{ keys: JWK[] }>;
  /** A new signing key; the old one stays verifiable for RETIRED_KEPT_DAYS. */
  rotate(): Promise<string>;
}

/** How long a retired key stays in the JWKS: longer than any token signed with it lives. */
export const RETIRED_KEPT_DAYS = 7;

/** The store kept in the app's database (signing_keys, purpose "lti"); `secret` for tests. */
export function databaseToolKeys(handle: Db, clock: () => Date = () => new Date(), secret?: string): ToolKeyStore {
  return {
    async signingKey() {
      const signer = await activeSigner(handle, "lti", secret);
      return { kid: signer.kid, alg: TOOL_ALG, key: signer.privateKey };
    },
    async publicJwks() {
      const retiredSince = new Date(clock().getTime() - RETIRED_KEPT_DAYS * 86_400_000).toISOString();
      return { keys: await publishedKeys(handle, "lti", { retiredSince }) };
    },
    async rotate() {
      return (await rotateSigningKey(handle, "lti", secret)).kid;
    },
  };
}
