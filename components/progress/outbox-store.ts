// Where the outbox's writes wait: one storage interface, two backends chosen at run time.
// IndexedDB (database "common-ground", store "outbox") is shared by the page, its other tabs and
// the service worker; localStorage is the fallback where IndexedDB cannot be opened (some private
// modes), for the page alone. No React and no DOM beyond these two APIs: the service worker
// imports this file (components/progress/outbox-sw.ts).
import { addLocal, DB_NAME, LOCAL_KEY, OUTBOX_STORE, readLocalQueue, removeLocal, validItem } from "./outbox-local";

/** One write waiting to go. */
export interface OutboxItem {
  /** Unique per write; answers reuse the answer's own id so a resend is the same row. */
  id: string;
  method: "POST" | "DELETE";
  url: string;
  body: unknown;
  /**
   * "cookie": the write carries its own right to be made (a live nickname phone's cookie), not the
   * account's session, so an account's session ending does not drop it. Default: the account's.
   */
  auth?: "account" | "cookie";
  /**
   * Whose write it is (an account's writes only): the opaque marker of the account signed in when
   * it was queued (account-hint.ts). It is sent only under that account's session, never another's.
   */
  account?: string;
}

/** A lease on sending: whoever holds it alone sends, until it expires (a closed tab's lapses). */
export interface Lease {
  owner: string;
  expires: number;
}

export interface OutboxStore {
  readonly kind: "indexeddb" | "localstorage";
  /** The waiting writes, oldest first. */
  list(): Promise<OutboxItem[]>;
  /** Adds a write at the end unless one with its id waits already. */
  add(item: OutboxItem): Promise<void>;
  /** Removes the writes with these ids (gone already is fine). */
  remove(ids: readonly string[]): Promise<void>;
  /** Takes the lease if it is free, expired or already ours; true when we hold it now. */
  takeLease(owner: string, ttlMs: number, now: number): Promise<boolean>;
  releaseLease(owner: string): Promise<void>;
}

export { DB_NAME, LOCAL_KEY, OUTBOX_STORE, readLocalQueue, validItem };
export const DB_VERSION = 1;
const META_STORE = "meta";
const LEASE_KEY = "send-lease";
const LOCAL_LEASE_KEY = "common-ground:outbox:lease";

// ---- IndexedDB ----

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("aborted"));
  });
}

/** Opens (and creates or upgrades) the app's database; rejects where IndexedDB is unusable. */
export function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(e);
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      // Items keyed by an increasing number (their order), unique by their own id.
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) db.createObjectStore(OUTBOX_STORE, { autoIncrement: true }).createIndex("id", "id", { unique: true });
      if (!db.objectStoreNames.contains(META_STORE)) db.createObjectStore(META_STORE);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another context upgrading the schema later: step aside rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error("IndexedDB blocked"));
  });
}

export function indexedDbStore(db: IDBDatabase): OutboxStore {
  return {
    kind: "indexeddb",
    async list() {
      const tx = db.transaction(OUTBOX_STORE, "readonly");
      const all = await done(tx.objectStore(OUTBOX_STORE).getAll());
      return (all as unknown[]).filter(validItem);
    },
    async add(item) {
      await addAll(db, [item]);
    },
    async remove(ids) {
      const tx = db.transaction(OUTBOX_STORE, "readwrite");
      const store = tx.objectStore(OUTBOX_STORE);
      const index = store.index("id");
      for (const id of ids) {
        const req = index.getKey(id);
        req.onsuccess = () => {
          if (req.result !== undefined) store.delete(req.result);
        };
      }
      await finished(tx);
    },
    async takeLease(owner, ttlMs, now) {
      // Read and write in one transaction: IndexedDB runs overlapping read-write transactions one
      // after the other, so two contexts cannot both find the lease free.
      const tx = db.transaction(META_STORE, "readwrite");
      const meta = tx.objectStore(META_STORE);
      let taken = false;
      const req = meta.get(LEASE_KEY);
      req.onsuccess = () => {
        const lease = req.result as Lease | undefined;
        if (!lease || lease.expires <= now || lease.owner === owner) {
          meta.put({ owner, expires: now + ttlMs } satisfies Lease, LEASE_KEY);
          taken = true;
        }
      };
      await finished(tx);
      return taken;
    },
    async releaseLease(owner) {
      const tx = db.transaction(META_STORE, "readwrite");
      const meta = tx.objectStore(META_STORE);
      const req = meta.get(LEASE_KEY);
      req.onsuccess = () => {
        if ((req.result as Lease | undefined)?.owner === owner) meta.delete(LEASE_KEY);
      };
      await finished(tx);
    },
  };
}

/** Adds writes in order in one transaction, skipping ids already there (no duplicate, ever). */
function addAll(db: IDBDatabase, items: readonly OutboxItem[]): Promise<void> {
  const tx = db.transaction(OUTBOX_STORE, "readwrite");
  const store = tx.objectStore(OUTBOX_STORE);
  const index = store.index("id");
  // One after the other, so the order of the keys is the order given.
  const next = (i: number) => {
    if (i >= items.length) return;
    const req = index.getKey(items[i].id);
    req.onsuccess = () => {
      if (req.result === undefined) store.add(items[i]);
      next(i + 1);
    };
  };
  next(0);
  return finished(tx);
}

// ---- localStorage (the fallback, and the queue of earlier versions) ----

export function localStorageStore(storage: Storage): OutboxStore {
  return {
    kind: "localstorage",
    async list() {
      return readLocalQueue(storage);
    },
    async add(item) {
      addLocal(storage, item);
    },
    async remove(ids) {
      removeLocal(storage, new Set(ids));
    },
    async takeLease(owner, ttlMs, now) {
      // Best effort across tabs (localStorage has no transactions); the server is idempotent.
      try {
        const lease = JSON.parse(storage.getItem(LOCAL_LEASE_KEY) ?? "null") as Lease | null;
        if (lease && lease.expires > now && lease.owner !== owner) return false;
        storage.setItem(LOCAL_LEASE_KEY, JSON.stringify({ owner, expires: now + ttlMs } satisfies Lease));
      } catch {
        // Blocked storage: this tab is the only sender it can know of.
      }
      return true;
    },
    async releaseLease(owner) {
      try {
        const lease = JSON.parse(storage.getItem(LOCAL_LEASE_KEY) ?? "null") as Lease | null;
        if (lease?.owner === owner) storage.removeItem(LOCAL_LEASE_KEY);
      } catch {
        // as above
      }
    },
  };
}

/**
 * Moves the localStorage queue (of an earlier version, of a visit without IndexedDB, or this
 * page's journal) into IndexedDB: the items keep their order, an id already in IndexedDB is not
 * added again, and they leave localStorage only after the IndexedDB transaction committed (a crash
 * in between repeats the move, still without duplicates). Only the ids moved leave: a write
 * journalled meanwhile stays for the next move. Run it under the send lock (outbox-lock.ts), so no
 * other context sends an item between the copy and the removal.
 */
export async function migrateLocalQueue(db: IDBDatabase, storage: Storage): Promise<number> {
  const items = readLocalQueue(storage);
  if (items.length === 0) return 0;
  await addAll(db, items);
  removeLocal(storage, new Set(items.map((i) => i.id)));
  return items.length;
}
