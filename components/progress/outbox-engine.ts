"use client";
// The page's outbox engine, loaded by outbox.ts with import() after the page: it opens the store
// (IndexedDB, else localStorage), moves an earlier version's localStorage queue over once, sends
// under the lock shared with other tabs and the service worker, retries with backoff, asks for
// Background Sync when offline, and keeps the page's copy of the queue in step with the store
// (a BroadcastChannel says when another context changed it).
import { request } from "@/components/api/api";
import { readAccountMarker, setSignedInHint } from "./account-hint";
import { OUTBOX_CHANNEL, OUTBOX_SYNC_TAG, readLocalQueue, removeLocal, writeLocalQueue } from "./outbox-local";
import { contextName, SEND_TIMEOUT_MS, withSendLock } from "./outbox-lock";
import { drainOutbox, type OutboxMessage, type Settled } from "./outbox-send";
import { indexedDbStore, localStorageStore, migrateLocalQueue, openDatabase, type OutboxItem, type OutboxStore } from "./outbox-store";

/** What the page module (outbox.ts) shares with its engine. */
export interface OutboxView {
  /** The page's copy of the queue. */
  items(): OutboxItem[];
  /** Replaces the copy and tells the screens. */
  show(items: OutboxItem[]): void;
  settle(id: string, status: Settled): void;
  /** Ids the page queued whose write to the store has not finished yet. */
  unwritten: Set<string>;
}

export interface OutboxEngine {
  /** After loading: shows what waited from an earlier visit, and sends it. */
  start(): Promise<void>;
  add(item: OutboxItem): void;
  drop(drop: (item: OutboxItem) => boolean): Promise<void>;
  flush(): Promise<void>;
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
async function openStore(): Promise<{ store: OutboxStore; db?: IDBDatabase }> {
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

export function createEngine(view: OutboxView): OutboxEngine {
  const opened = openStore();
  const owner = contextName();
  /** This page's writes to the store, one after the other. */
  let writes: Promise<unknown> = Promise.resolve();
  let flushing: Promise<void> | null = null;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let channel: BroadcastChannel | null = null;

  const tell = (message: OutboxMessage) => {
    try {
      channel?.postMessage(message);
    } catch {
      // closed: nobody to tell
    }
  };

  /** The copy becomes what the store holds, plus this page's writes still on their way to it. */
  const follow = (stored: OutboxItem[]) => {
    const ids = new Set(stored.map((i) => i.id));
    view.show([...stored, ...view.items().filter((i) => view.unwritten.has(i.id) && !ids.has(i.id))]);
  };

  /** Reads the queue again from the store (after this page's own writes) and tells the screens. */
  const reload = async () => {
    const { store } = await opened;
    await writes;
    follow(await store.list());
  };

  const retryIn = (ms: number) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flush(), ms);
  };

  /** Sends queued writes in order; resolves when the queue is empty or the network fails. */
  const flush = (): Promise<void> => {
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
  };

  const sendAll = async (): Promise<"empty" | "retry" | "busy"> => {
    let store: OutboxStore;
    let db: IDBDatabase | undefined;
    try {
      ({ store, db } = await opened);
      await writes;
    } catch {
      return "retry";
    }
    const locks = typeof navigator !== "undefined" && navigator.locks ? navigator.locks : undefined;
    const outcome = await withSendLock({ store, locks, owner }, async (renew) => {
      // The queue of an earlier version (or of a visit whose engine did not load) moves over
      // first, under the lock, so that no other tab sends an item between the copy and the removal.
      const local = db ? localStorageOrNull() : null;
      if (db && local && readLocalQueue(local).length > 0 && (await migrateLocalQueue(db, local).catch(() => 0)) > 0) follow(await store.list());
      return drainOutbox({
        store,
        send: async (item) => (await request(item.method, item.url, item.body, timeoutSignal())).status,
        eligible: (item) => {
          if (item.auth === "cookie") return true;
          // Read afresh for each item: signing in as someone else changes it (sync.ts).
          const marker = readAccountMarker();
          // Unmarked: queued before this browser knew the account's marker; every change of
          // account here drops those (keepOnlyAccount, a 401, signing out), so they are this session's.
          return item.account === undefined || item.account === marker;
        },
        lostWithSession: (item) => item.auth !== "cookie",
        renew,
        onSettled: (id, status) => {
          view.settle(id, status);
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
  };

  if (typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.onmessage = (e: MessageEvent<OutboxMessage>) => {
      if (e.data?.type === "settled") view.settle(e.data.id, e.data.status);
      void reload().catch(() => undefined);
    };
    (channel as unknown as { unref?: () => void }).unref?.();
  }

  return {
    async start() {
      await reload();
      const local = localStorageOrNull();
      if (view.items().length > 0 || (local && readLocalQueue(local).length > 0)) await flush();
    },
    add(item) {
      writes = writes
        .then(async () => {
          const { store, db } = await opened;
          await store.add(item);
          // In IndexedDB now: out of the journal (outbox.ts wrote it there at once).
          const local = db ? localStorageOrNull() : null;
          if (local) removeLocal(local, new Set([item.id]));
          tell({ type: "changed" });
        })
        .catch(() => undefined)
        .finally(() => view.unwritten.delete(item.id));
      if (typeof navigator !== "undefined" && navigator.onLine === false) void registerBackgroundSync();
      void flush();
    },
    async drop(drop) {
      const done = writes.then(async () => {
        const { store, db } = await opened;
        await store.remove((await store.list()).filter(drop).map((i) => i.id));
        const local = db ? localStorageOrNull() : null;
        if (local) writeLocalQueue(local, readLocalQueue(local).filter((i) => !drop(i)));
        tell({ type: "changed" });
      });
      writes = done.catch(() => undefined);
      await done.catch(() => undefined);
    },
    flush,
  };
}
