// Launch nonces, stored by hash: issued at login, used once at launch, within NONCE_TTL_S. A
// replayed id_token (the same nonce again) finds its nonce used and is refused.
import "server-only";
import type { Db } from "@/lib/db/client";
import { nonceHash } from "./state";

export const NONCE_TTL_S = 10 * 60;

export async function storeNonce(handle: Db, platformId: string, nonce: string, now = new Date()): Promise<void> {
  await handle.db
    .insertInto("lti_nonces")
    .values({ nonce_hash: nonceHash(nonce), platform_id: platformId, expires_at: new Date(now.getTime() + NONCE_TTL_S * 1000).toISOString(), used_at: null })
    .execute();
}

/** Marks the nonce used; true only the first time, for that platform, before it expires. */
export async function spendNonce(handle: Db, platformId: string, nonce: string, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  const result = await handle.db
    .updateTable("lti_nonces")
    .set({ used_at: at })
    .where("nonce_hash", "=", nonceHash(nonce))
    .where("platform_id", "=", platformId)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forgets nonces past their expiry (a used or expired nonce is refused either way). */
export async function pruneNonces(handle: Db, now = new Date()): Promise<void> {
  await handle.db.deleteFrom("lti_nonces").where("expires_at", "<", now.toISOString()).execute();
}
