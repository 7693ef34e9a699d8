"use client";
// Writes of a signed-in learner (answers, finished attempts, lessons done) and a live session's
// answers from phones (a nickname phone's too, whose cookie says who it is) wait in an outbox and
// are sent in order, retried with backoff until the server acknowledges them. A hall with poor
// Wi-Fi loses nothing: the queue survives reloads and goes out when back online (on the 'online'
// event, on the next page load, or by Background Sync in the service worker, outbox-sw.ts).
//
// The queue lives in IndexedDB, shared with the other tabs and the service worker, or in
// localStorage where IndexedDB cannot be opened (outbox-store.ts); one sender at a time
// (outbox-lock.ts). This module is what screens use, and small: it keeps the queue's copy in
// memory so they can read it at once, and journals each write in localStorage at once
// (outbox-local.ts); the storage, the lock and the sending load after the page (outbox-engine.ts,
// by import(): page weight, bench/README.md).
// Each account write records whose it is (account-marker.ts): it is sent only while that account
// is signed in here, and dropped when another signs in (sync.ts) or the session ends.
// Screens may follow one write's fate (outboxStatus, subscribeOutbox) to say "sent".
import { readAccountMarker } from "./account-hint";
import type { OutboxEngine, OutboxView } from "./outbox-engine";
import type { Settled } from "./outbox-send";
import { addLocal, readLocalQueue, writeLocalQueue } from "./outbox-local";
import type { OutboxItem } from "./outbox-store";

export type { OutboxItem } from "./outbox-store";

/** pending: queued; sent: acknowledged; refused: the server said no for good (e.g. a closed round). */
export type OutboxStatus = "pending" | Settled;

const CHANGE = "cg-outbox-change";
/** The fate of writes sent from this page or told by another context (the queue holds only what is pending). */
const settled = new Map<string, Settled>();
/** The queue as this page last read it, plus its own writes on their way to the store. */
let mirror: OutboxItem[] = [];

const view: OutboxView = {
  items: () => mirror,
  show(items) {
    mirror = items;
    window.dispatchEvent(new Event(CHANGE));
  },
  settle(id, status) {
    settled.set(id, status);
  },
  unwritten: new Set<string>(),
};

let engine: Promise<OutboxEngine> | null = null;

function loadEngine(): Promise<OutboxEngine> {
  engine ??= import("./outbox-engine").then(
    (m) => m.createEngine(view),
    (e: unknown) => {
      engine = null; // a later call tries again
      throw e;
    },
  );
  return engine;
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null; // blocked (some private modes throw on access)
  }
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

export function enqueue(item: OutboxItem) {
  // An account's write is marked as the signed-in account's; a live phone's carries its own cookie.
  const marker = item.auth === "cookie" ? "" : readAccountMarker();
  const mine: OutboxItem = marker ? { ...item, account: marker } : item;
  if (!mirror.some((i) => i.id === item.id)) {
    view.unwritten.add(mine.id);
    view.show([...mirror, mine]);
  }
  // Kept at once in localStorage (outbox-local.ts): the page may go away before the engine has
  // loaded or IndexedDB has committed. The engine moves it over (or, offline with the engine's
  // code not in the browser's cache, its next load does).
  const local = localStorageOrNull();
  if (local) addLocal(local, mine);
  loadEngine().then(
    (e) => e.add(mine),
    () => undefined,
  );
}

/** The writes still waiting to go, oldest first (a live phone finds its own answer after a reload). */
export function queuedItems(): readonly OutboxItem[] {
  return mirror;
}

export function pendingCount(): number {
  return mirror.length;
}

/** Sends queued writes in order; resolves when the queue is empty or the network fails. */
export function flush(): Promise<void> {
  return loadEngine().then(
    (e) => e.flush(),
    () => undefined,
  );
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

function dropWhere(drop: (item: OutboxItem) => boolean): Promise<void> {
  view.show(mirror.filter((i) => !drop(i)));
  return loadEngine().then(
    (e) => e.drop(drop),
    () => {
      const local = localStorageOrNull();
      if (local) writeLocalQueue(local, readLocalQueue(local).filter((i) => !drop(i)));
    },
  );
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => void flush());
  // What waited from an earlier visit shows, and goes, once the engine has loaded.
  void loadEngine()
    .then((e) => e.start())
    .catch(() => undefined);
}
