// Sending what waits in the outbox, oldest first, by the page (outbox.ts) or the service worker
// (outbox-sw.ts), always inside the send lock (outbox-lock.ts). Each item is read from the store
// just before it goes and removed once the server has answered for good, so a write another
// context has sent meanwhile is not sent again. No React, no DOM.
import type { Renew } from "./outbox-lock";
import { SEND_TIMEOUT_MS } from "./outbox-lock";
import type { OutboxItem, OutboxStore } from "./outbox-store";

export type OutboxMessage = { type: "changed" } | { type: "settled"; id: string; status: Settled };

/** sent: acknowledged; refused: the server said no for good (e.g. a closed round). */
export type Settled = "sent" | "refused";

export interface DrainOptions {
  store: OutboxStore;
  /** Sends one write; resolves to the HTTP status, 0 when it never reached the server. */
  send: (item: OutboxItem) => Promise<number>;
  /** Whether this item may be sent now, under the session this context has (account separation). */
  eligible: (item: OutboxItem) => boolean;
  /** After a 401 (the session ended): which waiting items can never be sent and go. */
  lostWithSession: (item: OutboxItem) => boolean;
  renew: Renew;
  onSettled?: (id: string, status: Settled) => void;
  /** After each change of the store. */
  onChange?: () => void | Promise<void>;
}

export interface DrainResult {
  /** empty: nothing eligible waits; retry: the network or the server failed, try later; lease: lost the lease. */
  end: "empty" | "retry" | "lease";
  sessionEnded: boolean;
}

/** Statuses worth another try later: no answer at all, a server fault, too many requests, a timeout. */
export function retryable(status: number): boolean {
  return status === 0 || status >= 500 || status === 429 || status === 408;
}

export async function drainOutbox(o: DrainOptions): Promise<DrainResult> {
  let sessionEnded = false;
  for (;;) {
    const item = (await o.store.list()).find(o.eligible);
    if (!item) return { end: "empty", sessionEnded };
    if (!(await o.renew())) return { end: "lease", sessionEnded };
    let status = 0;
    try {
      status = await o.send(item);
    } catch {
      status = 0;
    }
    if (status === 401) {
      // The session ended (signed out elsewhere, expired): nothing of the account's may be sent as
      // anyone else. A live phone's answers carry their own cookie and stay.
      sessionEnded = true;
      const waiting = await o.store.list();
      await o.store.remove(waiting.filter((i) => i.id === item.id || o.lostWithSession(i)).map((i) => i.id));
      await o.onChange?.();
      continue;
    }
    if (retryable(status)) return { end: "retry", sessionEnded };
    // 2xx: stored. Other 4xx: the server refused it for good (e.g. lesson removed); drop it.
    await o.store.remove([item.id]);
    o.onSettled?.(item.id, status < 300 ? "sent" : "refused");
    await o.onChange?.();
  }
}

/**
 * One write as the page's API client sends it (components/api/api.ts `request`): same origin with
 * its cookies, exactly application/json; the browser adds the Origin. For the service worker.
 */
export async function sendWithFetch(fetchFn: typeof fetch, item: OutboxItem): Promise<number> {
  const timeout = typeof AbortSignal !== "undefined" && "timeout" in AbortSignal ? AbortSignal.timeout(SEND_TIMEOUT_MS) : undefined;
  try {
    const res = await fetchFn(item.url, {
      method: item.method,
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(item.body ?? {}),
      signal: timeout,
    });
    return res.status;
  } catch {
    return 0;
  }
}
