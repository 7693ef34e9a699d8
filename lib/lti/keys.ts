// The tool's own signing keys: it signs its client assertions (AGS, NRPS) and deep-linking
// responses with them, and platforms fetch the public halves from /api/lti/jwks. RS256, because
// Moodle and Canvas accept only RSA keys in a tool's JWKS (Moodle's LTI 1.3 key check, Canvas's
// developer keys); 2048-bit keys. Everything else reads keys through ToolKeyStore, so the store
// can move onto a general signing-key store (lib/signing-keys) without touching the LTI code.
import "server-only";
import crypto from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";

export const TOOL_ALG = "RS256";

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

async function newKeyRow(now: Date) {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_ALG, { modulusLength: 2048, extractable: true });
  const kid = crypto.randomUUID();
  const pub = { ...(await exportJWK(publicKey)), kid, alg: TOOL_ALG, use: "sig" };
  const priv = { ...(await exportJWK(privateKey)), kid, alg: TOOL_ALG };
  return { kid, alg: TOOL_ALG, public_jwk: JSON.stringify(pub), private_jwk: JSON.stringify(priv), created_at: now.toISOString(), retired_at: null };
}

/** The store kept in the app's database (table lti_tool_keys). */
export function databaseToolKeys(handle: Db, clock: () => Date = () => new Date()): ToolKeyStore {
  const current = () =>
    handle.db.selectFrom("lti_tool_keys").select(["kid", "private_jwk"]).where("retired_at", "is", null).orderBy("created_at", "desc").orderBy("kid").executeTakeFirst();
  return {
    async signingKey() {
      let row = await current();
      if (!row) {
        await handle.db.insertInto("lti_tool_keys").values(await newKeyRow(clock())).execute();
        log("lti.key_created", {});
        // Two instances starting at once may both make one: everyone signs with the same (first) one.
        row = (await current())!;
      }
      const key = (await importJWK(JSON.parse(row.private_jwk) as JWK, TOOL_ALG)) as CryptoKey;
      return { kid: row.kid, alg: TOOL_ALG, key };
    },
    async publicJwks() {
      const since = new Date(clock().getTime() - RETIRED_KEPT_DAYS * 86_400_000).toISOString();
      const rows = await handle.db
        .selectFrom("lti_tool_keys")
        .select("public_jwk")
        .where((eb) => eb.or([eb("retired_at", "is", null), eb("retired_at", ">", since)]))
        .orderBy("created_at", "desc")
        .execute();
      return { keys: rows.map((r) => JSON.parse(r.public_jwk) as JWK) };
    },
    async rotate() {
      const now = clock();
      const row = await newKeyRow(now);
      await handle.db.updateTable("lti_tool_keys").set({ retired_at: now.toISOString() }).where("retired_at", "is", null).execute();
      await handle.db.insertInto("lti_tool_keys").values(row).execute();
      log("lti.key_rotated", { kid: row.kid });
      return row.kid;
    },
  };
}
