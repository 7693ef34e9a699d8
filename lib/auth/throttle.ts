// Sign-in throttling that cannot be used to lock someone out (OWASP "device cookies"):
// failures are counted per account and per client bucket. A browser that has signed in to the
// account before has its own bucket; every other client shares the "untrusted" bucket. An
// attacker guessing a password only ever blocks untrusted clients, never the owner's devices.
// (Client addresses are not used: X-Forwarded-For is set by whoever sends the request.)
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";

export const THROTTLE = {
  /** Failures allowed in a window before the bucket is blocked. */
  freeFailures: 5,
  windowMs: 15 * 60_000,
  /** First block, doubled for every further failure, up to the maximum. */
  baseBlockMs: 60_000,
  maxBlockMs: 15 * 60_000,
};

export interface ThrottleKey {
  account_hash: string;
  client_hash: string;
}

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export function accountHash(account: string): string {
  return sha256(`account\u0000${account.trim().toLowerCase()}`);
}

export function deviceHash(deviceId: string): string {
  return sha256(`device\u0000${deviceId}`);
}

/** The bucket for this account and browser: the device's own if it signed in here before. */
export async function throttleKeyFor(handle: Db, account: string, deviceId: string | null): Promise<ThrottleKey> {
  const account_hash = accountHash(account);
  if (deviceId) {
    const device_hash = deviceHash(deviceId);
    const known = await handle.db
      .selectFrom("login_devices")
      .select("device_hash")
      .where("account_hash", "=", account_hash)
      .where("device_hash", "=", device_hash)
      .executeTakeFirst();
    if (known) return { account_hash, client_hash: device_hash };
  }
  return { account_hash, client_hash: "untrusted" };
}

/** Remembers that this browser signed in to the account, giving it its own bucket from now on. */
export async function trustDevice(handle: Db, account: string, deviceId: string): Promise<void> {
  const row = { account_hash: accountHash(account), device_hash: deviceHash(deviceId), last_seen_at: new Date().toISOString() };
  await handle.db
    .insertInto("login_devices")
    .values(row)
    .onConflict((oc) => oc.columns(["account_hash", "device_hash"]).doUpdateSet({ last_seen_at: row.last_seen_at }))
    .execute();
}

/** Milliseconds until this bucket may try again, or 0. */
export async function throttleWait(handle: Db, key: ThrottleKey, now = new Date()): Promise<number> {
  const row = await handle.db
    .selectFrom("login_throttle")
    .select("blocked_until")
    .where("account_hash", "=", key.account_hash)
    .where("client_hash", "=", key.client_hash)
    .executeTakeFirst();
  if (!row?.blocked_until) return 0;
  return Math.max(0, Date.parse(row.blocked_until) - now.getTime());
}

export async function recordFailure(handle: Db, key: ThrottleKey, now = new Date()): Promise<void> {
  const row = await handle.db
    .selectFrom("login_throttle")
    .selectAll()
    .where("account_hash", "=", key.account_hash)
    .where("client_hash", "=", key.client_hash)
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
    .onConflict((oc) => oc.columns(["account_hash", "client_hash"]).doUpdateSet({ failures, window_started_at: windowStart, blocked_until: blockedUntil }))
    .execute();
}

export async function clearFailures(handle: Db, key: ThrottleKey): Promise<void> {
  await handle.db.deleteFrom("login_throttle").where("account_hash", "=", key.account_hash).where("client_hash", "=", key.client_hash).execute();
}

/**
 * A password check other than sign-in (deleting the account, changing the password) under the
 * sign-in throttle: the same account and device buckets, refused unchecked while blocked, a wrong
 * password recorded as a failure, a right one clearing the bucket. Otherwise a stolen session
 * would be an unthrottled way to guess the account's password.
 */
export async function throttledPasswordCheck(
  handle: Db,
  account: string,
  deviceId: string | null,
  check: () => Promise<boolean>,
): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  const key = await throttleKeyFor(handle, account, deviceId);
  const wait = await throttleWait(handle, key);
  if (wait > 0) return { ok: false, retryAfterMs: wait };
  if (!(await check())) {
    await recordFailure(handle, key);
    return { ok: false, retryAfterMs: 0 };
  }
  await clearFailures(handle, key);
  return { ok: true };
}

/** Lifts every throttle and forgets every device of an account (help from a facilitator; deletion). */
export async function forgetAccountSignInState(handle: Db, account: string): Promise<void> {
  const hash = accountHash(account);
  await handle.db.deleteFrom("login_throttle").where("account_hash", "=", hash).execute();
  await handle.db.deleteFrom("login_devices").where("account_hash", "=", hash).execute();
}

/** Forgets throttle rows whose window ended more than a day ago (run at start; the table stays small). */
export async function pruneThrottles(handle: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60_000).toISOString();
  await handle.db.deleteFrom("login_throttle").where("window_started_at", "<", cutoff).execute();
}
