/// <reference lib="webworker" />
// The service worker's half of the outbox: Background Sync. A page that queues a write while
// offline (or fails to send one) registers the sync tag; the browser wakes the service worker
// when the network returns, even with every tab closed, and this sends the IndexedDB queue with
// the page's own lock, headers and rules (outbox-send.ts). No React, no DOM, no localStorage.
//
// Whose writes go: a live phone's (its own cookie) always; an account's only when the session the
// server sees now is that account's (asked of the session endpoint first): a write queued under
// one account is never sent under another's session, even if that one signed in meanwhile.
import { markerFromSession } from "./account-marker";
import { contextName, withSendLock } from "./outbox-lock";
import { OUTBOX_CHANNEL, OUTBOX_SYNC_TAG } from "./outbox-local";
import { drainOutbox, sendWithFetch, type OutboxMessage } from "./outbox-send";
import { indexedDbStore, openDatabase, type OutboxItem } from "./outbox-store";

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/** What the worker's flush ended with (the sync event is retried by the browser on "retry"). */
export type WorkerFlush = "empty" | "retry" | "busy" | "unavailable";

const owner = contextName();

/** Adds the 'sync' listener that sends the outbox (app/sw.ts installs it). */
export function installOutboxSync(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener("sync", (event) => {
    const sync = event as SyncEvent;
    if (sync.tag !== OUTBOX_SYNC_TAG) return;
    sync.waitUntil(
      flushFromWorker(sw).then((end) => {
        // A rejected promise tells the browser to try this sync again later, with its own backoff.
        if (end === "retry") throw new Error("The outbox could not reach the server; the browser retries later.");
      }),
    );
  });
}

/** The session's account marker as the server sees it now; null when signed out, undefined offline. */
async function sessionMarker(fetchFn: typeof fetch): Promise<string | null | undefined> {
  try {
    const res = await fetchFn("/api/auth/session", { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
    if (!res.ok) return undefined;
    return markerFromSession(await res.json());
  } catch {
    return undefined;
  }
}

/** Sends what waits in the IndexedDB outbox, as the page would; exported for tests. */
export async function flushFromWorker(sw: ServiceWorkerGlobalScope): Promise<WorkerFlush> {
  let db: IDBDatabase;
  try {
    db = await openDatabase(sw.indexedDB);
  } catch {
    return "unavailable";
  }
  const fetchFn: typeof fetch = (input, init) => sw.fetch(input, init);
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(OUTBOX_CHANNEL);
  const tell = (message: OutboxMessage) => channel?.postMessage(message);
  try {
    const store = indexedDbStore(db);
    const waiting = await store.list();
    if (waiting.length === 0) return "empty";
    // Only asked when an account's write waits: a live phone's answers need no session.
    let marker: string | null | undefined = null;
    if (waiting.some((i) => i.auth !== "cookie")) {
      marker = await sessionMarker(fetchFn);
      if (marker === undefined) return "retry";
    }
    const mayGo = (item: OutboxItem) => item.auth === "cookie" || (marker !== null && item.account === marker);
    const outcome = await withSendLock({ store, locks: sw.navigator?.locks, owner }, (renew) =>
      drainOutbox({
        store,
        send: (item) => sendWithFetch(fetchFn, item),
        eligible: mayGo,
        // The session checked above has ended: that account's writes can never be sent now. Writes
        // without a marker or of another account are the page's to decide (sync.ts).
        lostWithSession: (item) => item.auth !== "cookie" && marker !== null && item.account === marker,
        renew,
        onSettled: (id, status) => tell({ type: "settled", id, status }),
        onChange: () => tell({ type: "changed" }),
      }),
    );
    if (outcome.busy) return "busy";
    return outcome.value.end === "empty" ? "empty" : outcome.value.end === "retry" ? "retry" : "busy";
  } finally {
    channel?.close();
    db.close();
  }
}
