// Test doubles for the outbox's tests: a browser page (window, cookies, localStorage), a service
// worker scope, a server that records what it stores and whose session sent it, and Web Locks.
// One fake-indexeddb factory stands for the origin's IndexedDB, shared by page and worker.
import { IDBFactory } from "fake-indexeddb";
import { vi } from "vitest";
import { accountMarker } from "./account-marker";

export type Reply = number | "offline";

/** The app's server as far as the outbox sees it: one session cookie at a time, writes by id. */
export class FakeServer {
  /** The account whose session cookie the browser holds now (null: signed out). */
  session: string | null = null;
  online = true;
  /** Queued replies for writes (after them: 200, or 401 when signed out and the write is an account's). */
  replies: Reply[] = [];
  /** Every write that reached the server: its id, under whose session, and the request. */
  readonly received: { id: string; user: string | null; url: string; init: RequestInit }[] = [];
  readonly stored = new Set<string>();

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    // A turn of the event loop, so page and worker interleave as they would (setImmediate: the
    // tests fake setTimeout, so that a page's retry timer never outlives its test).
    await new Promise((r) => setImmediate(r));
    if (!this.online) throw new TypeError("Failed to fetch");
    const url = String(input);
    if (url === "/api/auth/session") return Response.json(this.session ? { user: { id: this.session, name: "x", role: "learner" } } : {});
    if ((init.method ?? "GET") === "GET") return Response.json({ error: "not in this fake" }, { status: 404 });
    const body = JSON.parse(String(init.body)) as { id?: string };
    const id = body.id ?? url;
    const reply = this.replies.shift() ?? 200;
    if (reply === "offline") throw new TypeError("Failed to fetch");
    this.received.push({ id, user: this.session, url, init });
    if (reply >= 200 && reply < 300) this.stored.add(id);
    return new Response("{}", { status: reply });
  };

  /** The ids that reached the server, in order. */
  ids(): string[] {
    return this.received.map((r) => r.id);
  }
}

/** navigator.locks within one origin: one holder at a time, the others wait their turn. */
export function fakeLocks() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request(_name: string, callback: () => Promise<unknown>) {
      const run = tail.then(() => callback());
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

export function memoryLocalStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => void data.delete(k),
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

export interface Origin {
  server: FakeServer;
  indexedDB: IDBFactory | undefined;
  localStorage: Storage;
  locks: ReturnType<typeof fakeLocks> | undefined;
  cookies: Map<string, string>;
}

export function fakeOrigin(options: { indexedDB?: boolean; locks?: boolean } = {}): Origin {
  return {
    server: new FakeServer(),
    indexedDB: options.indexedDB === false ? undefined : new IDBFactory(),
    localStorage: memoryLocalStorage(),
    locks: options.locks ? fakeLocks() : undefined,
    cookies: new Map(),
  };
}

/** The page's globals for one origin (import the outbox module after this, fresh). */
export function stubPage(origin: Origin) {
  const win = Object.assign(new EventTarget(), { localStorage: origin.localStorage });
  vi.stubGlobal("window", win);
  vi.stubGlobal("document", {
    get cookie() {
      return [...origin.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    },
    set cookie(text: string) {
      const [pair, ...attrs] = text.split("; ");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (attrs.includes("Max-Age=0") || !value) origin.cookies.delete(name);
      else origin.cookies.set(name, value);
    },
  });
  vi.stubGlobal("fetch", origin.server.fetch);
  vi.stubGlobal("indexedDB", origin.indexedDB);
  vi.stubGlobal("navigator", { onLine: true, locks: origin.locks });
  return win;
}

/** A service worker scope of the same origin (only what the outbox uses). */
export function fakeWorker(origin: Origin) {
  const listeners = new Map<string, ((e: Event) => void)[]>();
  const scope = {
    indexedDB: origin.indexedDB,
    fetch: origin.server.fetch,
    navigator: { locks: origin.locks },
    addEventListener(type: string, listener: (e: Event) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
  };
  /** Fires a 'sync' event; resolves to what its waitUntil promise did. */
  async function sync(tag: string): Promise<"resolved" | "rejected" | "ignored"> {
    let waited: Promise<unknown> | undefined;
    const event = Object.assign(new Event("sync"), { tag, waitUntil: (p: Promise<unknown>) => void (waited = p) });
    for (const l of listeners.get("sync") ?? []) l(event);
    if (!waited) return "ignored";
    return (waited as Promise<unknown>).then(
      () => "resolved" as const,
      () => "rejected" as const,
    );
  }
  return { scope: scope as unknown as ServiceWorkerGlobalScope, sync, listeners };
}

/** Signs an account in on this origin as the app does: the session cookie, and the marker cookie. */
export function signIn(origin: Origin, user: string) {
  origin.server.session = user;
  origin.cookies.set("cg_signed_in", "1");
  origin.cookies.set("cg_account", accountMarker(user));
}

export const write = (id: string, auth?: "cookie") => ({ id, method: "POST" as const, url: "/api/progress/answers", body: { id, chosen: ["a"] }, ...(auth ? { auth } : {}) });
