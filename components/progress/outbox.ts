"use client";
// Writes of a signed-in learner (answers, finished attempts, lessons done) and a live session's
// answers from phones (a nickname phone's too, whose cookie says who it is) wait in an outbox and
// are sent in order, retried with backoff until the server acknowledges them. A hall with poor
// Wi-Fi loses nothing: the queue survives reloads and goes out when back online (on the 'online'
// event, on the next page load, or by Background Sync in the service worker, outbox-sw.ts).
//
// The queue lives in IndexedDB, shared with the other tabs and the service worker, or in
// localStorage where IndexedDB cannot be opened (outbox-store.ts); one sender at a time
// (outbox-lock.ts). This page keeps a copy in memory so screens can read it at once; the copy
// follows the store, also when another context changed it (a BroadcastChannel says so).
// Each account write records whose it is (account-marker.ts): it is sent only while that account
// is signed in here, and dropped when another signs in (sync.ts) or the session ends.
// Screens may follow one write's fate (outboxStatus, subscribeOutbox) to say "sent".
import { request } from "@/components/api/api";
import { readAccountMarker, setSignedInHint } from "./account-hint";
import { contextName, SEND_TIMEOUT_MS, withSendLock } from "./outbox-lock";
import { drainOutbox, OUTBOX_CHANNEL, OUTBOX_SYNC_TAG, type OutboxMessage, type Settled } from "./outbox-send";
import { indexedDbStore, localStorageStore, migrateLocalQueue, openDatabase, readLocalQueue, type OutboxItem, type OutboxStore } from "./outbox-store";

export type { OutboxItem } from "./outbox-store";

/** pending: queued; sent: acknowledged; refused: the server said no for good (e.g. a closed round). */
export type OutboxStatus = "pending" | Settled;

const CHANGE = "cg-outbox-change";
/** The fate of writes sent from this page or told by another context (the queue holds only what is pending). */
const settled = new Map<string, Settled>();
/** The queue as this page last read it (plus its own writes on their way to the store). */
let mirror: OutboxItem[] = [];
/** Ids this page queued whose write to the store has not finished yet. */
const unwritten = new Set<string>();
/** This page's writes to the store, one after the other. */
let writes: Promise<unknown> = Promise.resolve();
let opened: Promise<{ store: OutboxStore; db?: IDBDatabase }> | null = null;
const owner = contextName();
let channel: BroadcastChannel | null = null;

function changed() {
  window.dispatchEvent(new Event(CHANGE));
}

function tell(message: OutboxMessage) {
  try {
    channel?.postMessage(message);
  } catch {
    // closed: nobody to tell
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null; // blocked (some private modes throw on access)
  }
}

/** A Storage that forgets on reload, where localStorage is blocked too: the page still sends. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

/** IndexedDB when it opens, else localStorage: chosen once per page. */
function outboxStore(): Promise<{ store: OutboxStore; db?: IDBDatabase }> {
  opened ??= (async () => {
    const factory = typeof indexedDB === "undefined" ? undefined : indexedDB;
    if (factory) {
      try {
        const db = await openDatabase(factory);
        return { store: indexedDbStore(db), db };
      } catch {
        // Private mode or storage disabled: the fallback below.
      }
    }
    return { store: localStorageStore(localStorageOrNull() ?? memoryStorage()) };
  })();
  return opened;
}

function webLocks() {
  return typeof navigator !== "undefined" && navigator.locks ? navigator.locks : undefined;
}

/** The copy becomes what the store holds, plus this page's writes still on their way to it. */
function follow(stored: OutboxItem[]) {
  const ids = new Set(stored.map((i) => i.id));
  mirror = [...stored, ...mirror.filter((i) => unwritten.has(i.id) && !ids.has(i.id))];
  changed();
}

/** Reads the queue again from the store (after this page's own writes) and tells the screens. */
async function reload() {
  const { store } = await outboxStore();
  await writes;
  follow(await store.list());
}

/** A write's fate as far as this page knows; undefined for an id it has never seen. */
export function outboxStatus(id: string): OutboxStatus | undefined {
  if (mirror.some((i) => i.id === id)) return "pending";
  return settled.get(id);
}

/** Called after every change of the queue or of a write's fate (for useSyncExternalStore). */
export function subscribeOutbox(listener: () => void): () => void {
  window.addEventListener(CHANGE, listener);
  return () => window.removeEventListener(CHANGE, listener);
}

let flushing: Promise<void> | null = null;
let again = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;

export function enqueue(item: OutboxItem) {
  // An account's write is marked as the signed-in account's; a live phone's carries its own cookie.
  const marker = item.auth === "cookie" ? "" : readAccountMarker();
  const mine: OutboxItem = marker ? { ...item, account: marker } : item;
  if (!mirror.some((i) => i.id === item.id)) {
    mirror = [...mirror, mine];
    unwritten.add(mine.id);
    changed();
  }
  writes = writes
    .then(async () => {
      const { store } = await outboxStore();
      await store.add(mine);
      tell({ type: "changed" });
    })
    .catch(() => undefined)
    .finally(() => unwritten.delete(mine.id));
  if (typeof navigator !== "undefined" && navigator.onLine === false) void registerBackgroundSync();
  void flush();
}

/** The writes still waiting to go, oldest first (a live phone finds its own answer after a reload). */
export function queuedItems(): readonly OutboxItem[] {
  return mirror;
}

export function pendingCount(): number {
  return mirror.length;
}

/**
 * Tries to send what waits, for at most `ms`; resolves to the number of writes still unsent
 * (before signing out: the sign-out screen warns that these will be lost).
 */
export async function sendWithin(ms: number): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([flush(), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
  return pendingCount();
}

/** Forgets every waiting write (signing out); resolves once the store has forgotten them too. */
export function clearOutbox(): Promise<void> {
  return dropWhere(() => true);
}

/**
 * After an account signed in: the account writes that are not its own (queued under an account
 * that never signed out here, or before their owner was known) are dropped, never sent.
 */
export function keepOnlyAccount(marker: string): Promise<void> {
  return dropWhere((i) => i.auth !== "cookie" && i.account !== marker);
}

async function dropWhere(drop: (item: OutboxItem) => boolean): Promise<void> {
  mirror = mirror.filter((i) => !drop(i));
  changed();
  const done = writes.then(async () => {
    const { store } = await outboxStore();
    await store.remove((await store.list()).filter(drop).map((i) => i.id));
    tell({ type: "changed" });
  });
  writes = done.catch(() => undefined);
  await done.catch(() => undefined);
}

/** Sends queued writes in order; resolves when the queue is empty or the network fails. */
export function flush(): Promise<void> {
  // One sender per page; a call while it runs makes it look once more before it stops.
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    let end: Awaited<ReturnType<typeof sendAll>>;
    do {
      again = false;
      end = await sendAll();
    } while (again && end === "empty");
  })().finally(() => (flushing = null));
  return flushing;
}

function retryIn(ms: number) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flush(), ms);
}

async function sendAll(): Promise<"empty" | "retry" | "busy"> {
  let store: OutboxStore;
  let db: IDBDatabase | undefined;
  try {
    ({ store, db } = await outboxStore());
    await writes;
  } catch {
    return "retry";
  }
  const locks = webLocks();
  const outcome = await withSendLock({ store, locks, owner }, async (renew) => {
    // The queue of an earlier version (or of a visit when IndexedDB failed) moves over first,
    // under the lock so that no other tab sends an item between the copy and the removal.
    const local = db ? localStorageOrNull() : null;
    if (db && local && readLocalQueue(local).length > 0 && (await migrateLocalQueue(db, local).catch(() => 0)) > 0) follow(await store.list());
    return drainOutbox({
      store,
      send: async (item) => (await request(item.method, item.url, item.body, timeoutSignal())).status,
      eligible: (item) => {
        if (item.auth === "cookie") return true;
        // Read afresh for each item: signing in as someone else changes it (sync.ts).
        const marker = readAccountMarker();
        // Unmarked: queued before this browser knew the account's marker; every change of account
        // here drops those (keepOnlyAccount, a 401, signing out), so they are this session's.
        return item.account === undefined || item.account === marker;
      },
      lostWithSession: (item) => item.auth !== "cookie",
      renew,
      onSettled: (id, status) => {
        settled.set(id, status);
        tell({ type: "settled", id, status });
      },
      onChange: async () => {
        follow(await store.list());
        tell({ type: "changed" });
      },
    });
  }).catch(() => ({ busy: false as const, value: { end: "retry" as const, sessionEnded: false } }));
  if (outcome.busy) {
    // Another tab (or the service worker) is sending; look again shortly in case it has stopped.
    retryIn(2000);
    return "busy";
  }
  const { end, sessionEnded } = outcome.value;
  if (sessionEnded) setSignedInHint(false);
  if (end === "retry") {
    failures++;
    retryIn(Math.min(60_000, 1000 * 2 ** Math.min(failures, 6)));
    void registerBackgroundSync();
    return "retry";
  }
  if (end === "lease") {
    retryIn(2000);
    return "busy";
  }
  failures = 0;
  // Writes of another account (or unknown while signing in) stay, unsent, until sync.ts decides.
  await reload().catch(() => undefined);
  return "empty";
}

function timeoutSignal(): AbortSignal | undefined {
  return typeof AbortSignal !== "undefined" && "timeout" in AbortSignal ? AbortSignal.timeout(SEND_TIMEOUT_MS) : undefined;
}

/**
 * Asks the service worker to send the queue when the network returns, even if this page is closed
 * by then (Background Sync, where the browser has it; elsewhere the next load or 'online' sends).
 */
async function registerBackgroundSync() {
  try {
    if (typeof navigator === "undefined" || !navigator.serviceWorker) return;
    // getRegistration, not `ready`: `ready` never settles on a page without a service worker.
    const registration = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await registration?.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not allowed (permissions) or not supported: the page's own retries remain.
  }
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => void flush());
  if (typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.onmessage = (e: MessageEvent<OutboxMessage>) => {
      if (e.data?.type === "settled") settled.set(e.data.id, e.data.status);
      void reload().catch(() => undefined);
    };
    (channel as unknown as { unref?: () => void }).unref?.();
  }
  // What waited from an earlier visit shows at once, and goes now.
  void reload()
    .then(() => {
      const local = localStorageOrNull();
      if (mirror.length > 0 || (local && readLocalQueue(local).length > 0)) void flush();
    })
    .catch(() => undefined);
}
