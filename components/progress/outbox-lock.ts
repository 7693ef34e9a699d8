// One sender at a time across the page, its other tabs and the service worker, so a write is sent
// once even when they all flush together. The Web Locks API where there is one (pages and
// service workers of secure origins); elsewhere (a hall's plain-http LAN address, older browsers)
// a lease record in the outbox's own storage, with an expiry so a closed tab's lease lapses.
import type { OutboxStore } from "./outbox-store";

export const LOCK_NAME = "cg-outbox";
/** A lease outlives any one send (SEND_TIMEOUT_MS) and is renewed before each. */
export const LEASE_MS = 30_000;
export const SEND_TIMEOUT_MS = 20_000;

interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

export interface LockEnv {
  store: OutboxStore;
  /** navigator.locks (page) or self.navigator.locks (worker), when present. */
  locks?: LockManagerLike;
  /** This context's name on a lease. */
  owner: string;
  now?: () => number;
}

/** What the work inside the lock may call before each step: keeps a lease from expiring. */
export type Renew = () => Promise<boolean>;

/** A random name for this context's leases (no crypto needed: it only tells contexts apart). */
export function contextName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/**
 * Runs `work` holding the send lock, and returns what it returns; `{ busy: true }` when another
 * context holds the lease (it sends what waits, and whoever asked retries a little later). With
 * Web Locks the call waits for its turn instead: the holder never waits on the network for long.
 */
export async function withSendLock<T>(env: LockEnv, work: (renew: Renew) => Promise<T>): Promise<{ busy: false; value: T } | { busy: true }> {
  const now = env.now ?? Date.now;
  if (env.locks) {
    let value!: T;
    await env.locks.request(LOCK_NAME, async () => {
      value = await work(async () => true);
    });
    return { busy: false, value };
  }
  if (!(await env.store.takeLease(env.owner, LEASE_MS, now()))) return { busy: true };
  try {
    const value = await work(() => env.store.takeLease(env.owner, LEASE_MS, now()));
    return { busy: false, value };
  } finally {
    await env.store.releaseLease(env.owner).catch(() => undefined);
  }
}
