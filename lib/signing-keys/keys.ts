// The app's signing keys, kept in the database with the rest of its data, the private halves
// sealed under the app's secret (crypto.ts): made at first use, rotatable, and published (JWKS)
// with every key ever used, so whatever an old key signed still verifies. Each purpose has its
// algorithm: certificates are signed with Ed25519 ("EdDSA", lib/certificates); the LTI tool's
// client assertions and deep-linking answers with RSA ("RS256", the only kind Moodle and Canvas
// accept in a tool's keyset, lib/lti/keys.ts). One active key per purpose: a partial unique index (migration
// 0018) lets two instances that start at once both insert-if-absent, and the one row that won is
// the key both then use.
import "server-only";
import crypto from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { sql, type Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { openPrivateKey, sealPrivateKey } from "./crypto";

export type KeyPurpose = "credentials" | "lti";
export type SigningAlg = "EdDSA" | "RS256";
/** The algorithm of each purpose's keys. */
export const ALG_OF: Record<KeyPurpose, SigningAlg> = { credentials: "EdDSA", lti: "RS256" };
/** Kept for the certificates' code: what credentials are signed with. */
export const SIGNING_ALG = ALG_OF.credentials;

export interface Signer {
  kid: string;
  alg: SigningAlg;
  privateKey: CryptoKey;
}

/** A published public key: the JWK with its id, algorithm and use. */
export type PublicJwk = JWK & { kid: string; alg: string; use: "sig" };

const now = () => new Date().toISOString();
const secretOf = (secret?: string) => secret ?? env().authSecret;

/** A key id: random, URL-safe, short; it names the key in every JWT header it signs. */
const newKid = () => crypto.randomBytes(12).toString("base64url");

async function newKeyRow(purpose: KeyPurpose, secret: string) {
  const alg = ALG_OF[purpose];
  const { publicKey, privateKey } = await generateKeyPair(alg, alg === "EdDSA" ? { crv: "Ed25519", extractable: true } : { modulusLength: 2048, extractable: true });
  const kid = newKid();
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    purpose,
    alg,
    public_jwk: JSON.stringify(alg === "EdDSA" ? { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x } : { kty: publicJwk.kty, n: publicJwk.n, e: publicJwk.e }),
    private_jwk: sealPrivateKey(JSON.stringify(privateJwk), secret, kid),
    created_at: now(),
    retired_at: null,
  };
}

async function activeRow(db: Kysely<Database>, purpose: KeyPurpose) {
  return db.selectFrom("signing_keys").selectAll().where("purpose", "=", purpose).where("retired_at", "is", null).executeTakeFirst();
}

/** The key that signs now: made on first use (insert-if-absent; a key made meanwhile elsewhere wins). */
export async function activeSigner(handle: Db, purpose: KeyPurpose, secret?: string): Promise<Signer> {
  let row = await activeRow(handle.db, purpose);
  if (!row) {
    const fresh = await newKeyRow(purpose, secretOf(secret));
    // No conflict target: whichever unique rule it meets (the one active key per purpose), nothing is written.
    await writeTx(handle, (trx) => trx.insertInto("signing_keys").values(fresh).onConflict((oc) => oc.doNothing()).execute());
    row = await activeRow(handle.db, purpose);
    if (!row) throw new Error(`no active ${purpose} signing key after creating one`);
    if (row.kid === fresh.kid) log("keys.created", { purpose, kid: row.kid });
  }
  const privateJwk = JSON.parse(openPrivateKey(row.private_jwk, secretOf(secret), row.kid)) as JWK;
  const alg = row.alg as SigningAlg;
  return { kid: row.kid, alg, privateKey: (await importJWK(privateJwk, alg)) as CryptoKey };
}

/**
 * Every key of the purpose, newest first, retired ones too: a JWKS anyone may fetch. With
 * `retiredSince`, keys retired before then are left out (the LTI tool's keyset lists a retired key
 * only as long as a token it signed may live; a certificate must verify for ever).
 */
export async function publishedKeys(handle: Db, purpose: KeyPurpose, opts: { retiredSince?: string } = {}): Promise<PublicJwk[]> {
  let query = handle.db.selectFrom("signing_keys").select(["kid", "alg", "public_jwk"]).where("purpose", "=", purpose);
  const since = opts.retiredSince;
  if (since) query = query.where((eb) => eb.or([eb("retired_at", "is", null), eb("retired_at", ">", since)]));
  const rows = await query
    .orderBy("created_at", "desc")
    .orderBy("kid")
    .execute();
  return rows.map((r) => ({ ...(JSON.parse(r.public_jwk) as JWK), kid: r.kid, alg: r.alg, use: "sig" as const }));
}

/** One published key by id, or undefined: what a verifier looks up from a JWT's kid header. */
export async function publicKey(handle: Db, purpose: KeyPurpose, kid: string): Promise<PublicJwk | undefined> {
  return (await publishedKeys(handle, purpose)).find((k) => k.kid === kid);
}

/**
 * Retires the active key and makes a new one, in one transaction: credentials issued from now on
 * use the new key; the old one stays published, so what it signed still verifies.
 */
export async function rotateSigningKey(handle: Db, purpose: KeyPurpose, secret?: string): Promise<{ kid: string; retired: string[] }> {
  const fresh = await newKeyRow(purpose, secretOf(secret));
  const retired = await writeTx(handle, async (trx) => {
    const old = await trx.selectFrom("signing_keys").select("kid").where("purpose", "=", purpose).where("retired_at", "is", null).execute();
    await trx.updateTable("signing_keys").set({ retired_at: fresh.created_at }).where("purpose", "=", purpose).where("retired_at", "is", null).execute();
    await trx.insertInto("signing_keys").values(fresh).execute();
    return old.map((r) => r.kid);
  });
  log("keys.rotated", { purpose, kid: fresh.kid, retired: retired.join(",") });
  return { kid: fresh.kid, retired };
}

/** For tests and checks: how many active keys the purpose has (the index keeps it at most one). */
export async function activeKeyCount(handle: Db, purpose: KeyPurpose): Promise<number> {
  const row = await sql<{ n: number | string }>`select count(*) as n from signing_keys where purpose = ${purpose} and retired_at is null`.execute(handle.db);
  return Number(row.rows[0]?.n ?? 0);
}
