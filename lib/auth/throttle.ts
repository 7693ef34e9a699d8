// Sign-in throttling per account *and* client address. Failures from one address slow down only
// that address for that account, so nobody can lock another person out by failing on purpose.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";

export const THROTTLE = {
  /** Failures allowed in a window before the pair is blocked. */
  freeFailures: 5,
  windowMs: 15 * 60_000,
  /** First block, doubled for every further failure, up to the maximum. */
  baseBlockMs: 60_000,
  maxBlockMs: 15 * 60_000,
};

export interface ThrottleKey {
  account_hash: string;
  address_hash: string;
}

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export function accountHash(account: string): string {
  return sha256(`account\u0000${account.trim().toLowerCase()}`);
}

export function throttleKey(account: string, clientAddress: string): ThrottleKey {
  return { account_hash: accountHash(account), address_hash: sha256(`address\u0000${clientAddress}`) };
}


/** Milliseconds until this pair may try again, or 0. */
export async function throttleWait(handle: Db, key: ThrottleKey, now = new Date()): Promise<number> {
  const row = await handle.db
    .selectFrom("login_throttle")
    .select("blocked_until")
    .where("account_hash", "=", key.account_hash)
    .where("address_hash", "=", key.address_hash)
    .executeTakeFirst();
  if (!row?.blocked_until) return 0;
  return Math.max(0, Date.parse(row.blocked_until) - now.getTime());
}

export async function recordFailure(handle: Db, key: ThrottleKey, now = new Date()): Promise<void> {
  const row = await handle.db
    .selectFrom("login_throttle")
    .selectAll()
    .where("account_hash", "=", key.account_hash)
    .where("address_hash", "=", key.address_hash)
    .executeTakeFirst();
  const inWindow = row && now.getTime() - Date.parse(row.window_started_at) < THROTTLE.windowMs;
  const failures = inWindow ? row.failures + 1 : 1;
  const windowStart = inWindow ? row.window_started_at : now.toISOString();
  const over = failures - THROTTLE.freeFailures;
  const blockedUntil =
    over >= 0 ? new Date(now.getTime() + Math.min(THROTTLE.maxBlockMs, THROTTLE.baseBlockMs * 2 ** over)).toISOString() : null;
  await handle.db
    .insertInto("login_throttle")
    .values({ ...key, failures, window_started_at: windowStart, blocked_until: blockedUntil })
    .onConflict((oc) => oc.columns(["account_hash", "address_hash"]).doUpdateSet({ failures, window_started_at: windowStart, blocked_until: blockedUntil }))
    .execute();
}

export async function clearFailures(handle: Db, key: ThrottleKey): Promise<void> {
  await handle.db.deleteFrom("login_throttle").where("account_hash", "=", key.account_hash).where("address_hash", "=", key.address_hash).execute();
}

/** Lifts every throttle on an account (used when a facilitator helps, and on account deletion). */
export async function clearAccountThrottles(handle: Db, account: string): Promise<void> {
  await handle.db.deleteFrom("login_throttle").where("account_hash", "=", accountHash(account)).execute();
}

/** Forgets throttle rows older than a day; called opportunistically, so the table stays small. */
export async function pruneThrottles(handle: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60_000).toISOString();
  await handle.db.deleteFrom("login_throttle").where("window_started_at", "<", cutoff).execute();
}
