"use client";
// Writes of a signed-in learner (answers, finished attempts, lessons done) and a live session's
// answers from phones (a nickname phone's too, whose cookie says who it is) wait in an outbox in
// localStorage and are sent in order, retried with backoff until the server acknowledges them.
// A hall with poor Wi-Fi loses nothing: the queue survives reloads and goes out when back online.
// Screens may follow one write's fate (outboxStatus, subscribeOutbox) to say "sent".
import { request } from "@/components/api/api";
import { setSignedInHint } from "./account-hint";

const KEY = "common-ground:outbox:v1";

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
}

/** pending: queued; sent: acknowledged; refused: the server said no for good (e.g. a closed round). */
export type OutboxStatus = "pending" | "sent" | "refused";

const CHANGE = "cg-outbox-change";
/** The fate of writes sent from this page (the queue itself holds only what is pending). */
const settled = new Map<string, Exclude<OutboxStatus, "pending">>();

function changed() {
  window.dispatchEvent(new Event(CHANGE));
}

/**
 * The queue while this browser refuses storage: a page in another site's frame where storage is
 * blocked (an LMS's, docs/lti.md), a private window, a full disk. Kept for the page's life, so the
 * writes still go out; only the survival across reloads is lost.
 */
let memory: OutboxItem[] | null = null;

function load(): OutboxItem[] {
  if (memory) return memory;
  try {
    const parsed = JSON.parse(window.localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((i) => i && typeof i.url === "string" && i.url.startsWith("/api/")) : [];
  } catch {
    return [];
  }
}

function save(items: OutboxItem[]) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(items));
    memory = null;
  } catch {
    // Storage full or blocked: the queue stays in this page's memory (above) and is still sent.
    memory = items;
  }
  changed();
}

/** A write's fate as far as this page knows; undefined for an id it has never seen. */
export function outboxStatus(id: string): OutboxStatus | undefined {
  if (load().some((i) => i.id === id)) return "pending";
  return settled.get(id);
}

/** Called after every change of the queue or of a write's fate (for useSyncExternalStore). */
export function subscribeOutbox(listener: () => void): () => void {
  window.addEventListener(CHANGE, listener);
  return () => window.removeEventListener(CHANGE, listener);
}

let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;

export function enqueue(item: OutboxItem) {
  const items = load();
  if (!items.some((i) => i.id === item.id)) save([...items, item]);
  void flush();
}

/** The writes still waiting to go, oldest first (a live phone finds its own answer after a reload). */
export function queuedItems(): readonly OutboxItem[] {
  return load();
}

export function pendingCount(): number {
  return load().length;
}

export function clearOutbox() {
  save([]);
}

/** Sends queued writes in order; resolves when the queue is empty or the network fails. */
export function flush(): Promise<void> {
  // One sender at a time. (The reset happens after assignment: the body may finish synchronously.)
  if (!flushing) flushing = send().finally(() => (flushing = null));
  return flushing;
}

async function send(): Promise<void> {
  for (let item = load()[0]; item; item = load()[0]) {
    let status = 0;
    try {
      // The API client's low-level call, not a react-query mutation: the queue outlives the page
      // and the tab, survives being offline, and retries on its own schedule (below).
      const res = await request(item.method, item.url, item.body);
      status = res.status;
    } catch {
      status = 0; // offline (request's ApiError with status 0)
    }
    if (status === 401) {
      // The session ended (signed out elsewhere): nothing of the account's may be sent as anyone
      // else. A live phone's answers carry their own cookie and stay.
      save(load().filter((i) => i.auth === "cookie" && i.id !== item.id));
      setSignedInHint(false);
      continue;
    }
    if (status === 0 || status >= 500 || status === 429 || status === 408) {
      failures++;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void flush(), Math.min(60_000, 1000 * 2 ** Math.min(failures, 6)));
      return;
    }
    // 2xx: stored. Other 4xx: the server refused it for good (e.g. lesson removed); drop it.
    failures = 0;
    settled.set(item.id, status < 300 ? "sent" : "refused");
    save(load().filter((i) => i.id !== item.id));
  }
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => void flush());
}
