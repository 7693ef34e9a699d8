// Deleting one's own account: the password once more, then every row the privacy registry
// declares, in one transaction, unless the registry says the person must first remove something
// themselves (the groups they run).
import "server-only";
import type { Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { SessionUser } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { throttledPasswordCheck } from "@/lib/auth/throttle";
import { PRIVACY_REGISTRY, signInName, type Subject } from "./privacy-registry";

/**
 * Deletes the account and every row about it, after checking the password once more. `deviceId`:
 * the browser's device cookie, for the sign-in throttle's buckets (null: untrusted).
 */
export async function deleteMyAccount(handle: Db, actor: SessionUser, password: string, deviceId: string | null = null): Promise<void> {
  const row = await handle.db.selectFrom("users").select(["password_hash", "email", "login_name"]).where("id", "=", actor.id).executeTakeFirst();
  if (!row) throw new AppError("not_found", "notFound.account");
  const who: Subject = { id: actor.id, email: row.email, loginName: row.login_name };
  const checked = await throttledPasswordCheck(handle, signInName(who), deviceId, () => verifyPassword(row.password_hash, password));
  if (!checked.ok && checked.retryAfterMs > 0) {
    const seconds = Math.ceil(checked.retryAfterMs / 1000);
    const minutes = Math.ceil(seconds / 60);
    throw new AppError("throttled", "auth.tooManyWrongPasswords", { minutes }, { field: "password", retryAfterSeconds: seconds });
  }
  if (!checked.ok) throw new AppError("forbidden", "auth.wrongPassword", {}, { field: "password" });
  await writeTx(handle, async (trx) => {
    // Checked in the transaction that deletes, so a group made meanwhile cannot go with the account.
    await refuseWhileHeld(trx, who);
    await eraseSubject(trx, who);
  });
  log("account.deleted", { userId: actor.id });
}

/** Throws the registry's refusal when the person still has rows they must remove themselves. */
async function refuseWhileHeld(trx: Kysely<Database>, who: Subject): Promise<void> {
  for (const entry of PRIVACY_REGISTRY) {
    if (entry.erase.action !== "refuse") continue;
    const rows = await entry.count(trx, who);
    if (rows > 0) throw entry.erase.refusal(rows);
  }
}

/**
 * Deletes every row the registry declares for this person, children first, so the delete does not
 * depend on the engine enforcing cascades. Run it inside the caller's transaction.
 */
export async function eraseSubject(trx: Kysely<Database>, who: Subject): Promise<void> {
  for (const entry of [...PRIVACY_REGISTRY].reverse()) {
    if (entry.erase.action === "delete") await entry.remove(trx, who);
  }
}
