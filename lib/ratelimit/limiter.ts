// The limits of lib/ratelimit/limits.ts, counted by rate-limiter-flexible in the app's own
// database (table rate_limits, migration 0007), so every instance sharing the database shares
// the counts. SQLite: the limiter runs its statements on the same better-sqlite3 connection as
// Kysely; they are synchronous, so each one runs whole, at worst inside a group commit that is
// open at that moment (lib/db/client.ts writeTx), never blocking on it. PostgreSQL: the same pool.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Client } from "./client";
import { LIMITS, type LimitName } from "./limits";

const TABLE = "rate_limits";
const limiters = new WeakMap<Db, Map<LimitName, RateLimiterStoreAbstract>>();

function limiter(handle: Db, name: LimitName): RateLimiterStoreAbstract {
  let byName = limiters.get(handle);
  if (!byName) limiters.set(handle, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    const { points, duration } = LIMITS[name];
    // The table comes from the migration; the library's own timer-driven cleanup is replaced by
    // prune() below, which needs no timer to outlive a closed handle.
    const common = { keyPrefix: name, points, duration, tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
    found =
      handle.store.kind === "sqlite"
        ? new RateLimiterSQLite({ ...common, storeClient: handle.store.database, storeType: "better-sqlite3" })
        : new RateLimiterPostgres({ ...common, storeClient: handle.store.pool, storeType: "pool", ...(handle.schema ? { schemaName: handle.schema } : {}) });
    byName.set(name, found);
  }
  return found;
}

/** A 429 with the wait: the handler turns retryAfterSeconds into a Retry-After header. */
export function throttled(msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError("throttled", "rateLimit.tooManyAttempts", { minutes }, {
    retryAfterSeconds: seconds,
  });
}

const PRUNE_EVERY_MS = 5 * 60_000;
const lastPrune = new WeakMap<Db, number>();

/** Forgets counters whose window ended over an hour ago, at most every five minutes per handle. */
async function prune(handle: Db, now = Date.now()): Promise<void> {
  if (now - (lastPrune.get(handle) ?? 0) < PRUNE_EVERY_MS) return;
  lastPrune.set(handle, now);
  await handle.db.deleteFrom("rate_limits").where("expire", "<", now - 60 * 60_000).execute();
}

/**
 * Counts one request against each limit, in order, and refuses (throttled) at the first one that
 * is used up. Earlier limits keep the point they counted.
 */
export async function consume(handle: Db, ...checks: [LimitName, string][]): Promise<void> {
  await prune(handle);
  for (const [name, key] of checks) {
    try {
      await limiter(handle, name).consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      log("ratelimit.refused", { limit: name });
      throw throttled(e.msBeforeNext);
    }
  }
}

/** Refuses (throttled) if any of these limits is already used up; counts nothing. */
export async function refuseIfSpent(handle: Db, ...checks: [LimitName, string][]): Promise<void> {
  for (const [name, key] of checks) {
    const res = await limiter(handle, name).get(key);
    if (res && res.consumedPoints >= LIMITS[name].points) {
      log("ratelimit.refused", { limit: name });
      throw throttled(res.msBeforeNext);
    }
  }
}

/** Counts one failure against each limit without refusing (refuseIfSpent refuses the next). */
export async function countFailure(handle: Db, ...checks: [LimitName, string][]): Promise<void> {
  await prune(handle);
  for (const [name, key] of checks) await limiter(handle, name).penalty(key, 1);
}

/** The checks of a per-device and a per-address limit for this client (no device: address only). */
export function perClient(client: Client, device: LimitName, address: LimitName): [LimitName, string][] {
  return client.device ? [[device, client.device], [address, client.address]] : [[address, client.address]];
}
