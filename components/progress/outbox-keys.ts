// The outbox's names, in one place: the page (outbox.ts, loaded on every page that writes, so it
// imports only this), its engine, and the service worker (outbox-sw.ts) must agree on them.

/** IndexedDB database and store of the queue (outbox-store.ts). */
export const DB_NAME = "common-ground";
export const OUTBOX_STORE = "outbox";
/** The localStorage queue of earlier versions, and the fallback's key today. */
export const LOCAL_KEY = "common-ground:outbox:v1";
/** The Background Sync tag the page registers and the service worker answers. */
export const OUTBOX_SYNC_TAG = "cg-outbox";
/** The BroadcastChannel on which pages and the service worker say the queue changed. */
export const OUTBOX_CHANNEL = "cg-outbox";
