// The outbox's names, and its localStorage queue: small, because the page module (outbox.ts, on
// every page that writes) imports it; the engine and the service worker agree on the same names.
//
// The localStorage queue is three things: the queue of earlier versions; the whole queue where
// IndexedDB cannot be opened; and, with IndexedDB, a journal written at once on each enqueue, so a
// write made just before the page goes away (the engine still loading, the IndexedDB transaction
// not yet committed) is not lost. The engine moves it into IndexedDB, under the send lock.
import type { OutboxItem } from "./outbox-store";

/** IndexedDB database and store of the queue (outbox-store.ts). */
export const DB_NAME = "common-ground";
export const OUTBOX_STORE = "outbox";
/** The localStorage queue's key (the same as earlier versions'). */
export const LOCAL_KEY = "common-ground:outbox:v1";
/** The Background Sync tag the page registers and the service worker answers. */
export const OUTBOX_SYNC_TAG = "cg-outbox";
/** The BroadcastChannel on which pages and the service worker say the queue changed. */
export const OUTBOX_CHANNEL = "cg-outbox";

/** Only the app's own API paths are ever stored or sent (a tampered entry goes nowhere else). */
export function validItem(i: unknown): i is OutboxItem {
  const item = i as OutboxItem | null;
  return Boolean(item && typeof item.id === "string" && typeof item.url === "string" && item.url.startsWith("/api/") && (item.method === "POST" || item.method === "DELETE"));
}

export function readLocalQueue(storage: Storage): OutboxItem[] {
  try {
    const parsed = JSON.parse(storage.getItem(LOCAL_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(validItem) : [];
  } catch {
    return [];
  }
}

export function writeLocalQueue(storage: Storage, items: OutboxItem[]) {
  try {
    storage.setItem(LOCAL_KEY, JSON.stringify(items));
  } catch {
    // Storage full or blocked: the in-flight send still happens.
  }
}

/** Appends a write unless its id is there already. */
export function addLocal(storage: Storage, item: OutboxItem) {
  const items = readLocalQueue(storage);
  if (!items.some((i) => i.id === item.id)) writeLocalQueue(storage, [...items, item]);
}

/** Removes the writes with these ids (read and written at once: no other code of this tab runs between). */
export function removeLocal(storage: Storage, ids: ReadonlySet<string>) {
  const items = readLocalQueue(storage);
  if (items.some((i) => ids.has(i.id))) writeLocalQueue(storage, items.filter((i) => !ids.has(i.id)));
}
