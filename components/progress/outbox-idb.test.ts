// The outbox in IndexedDB (issue #26): shared by the page, its tabs and the service worker;
// the localStorage queue of earlier versions moves over once; localStorage remains where
// IndexedDB cannot be opened; one sender at a time, so each write reaches the server once; and an
// account's writes go under that account's session only.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { accountMarker } from "./account-marker";
import { contextName, withSendLock } from "./outbox-lock";
import { indexedDbStore, LOCAL_KEY, openDatabase } from "./outbox-store";
import { flushFromWorker } from "./outbox-sw";
import { fakeOrigin, fakeWorker, signIn, stubPage, write, type Origin } from "./outbox-test-kit";

async function loadOutbox() {
  vi.resetModules();
  return import("./outbox");
}

/** What waits in the origin's IndexedDB, by id. */
async function stored(origin: Origin): Promise<string[]> {
  const db = await openDatabase(origin.indexedDB!);
  try {
    return (await indexedDbStore(db).list()).map((i) => i.id);
  } finally {
    db.close();
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the outbox's storage", () => {
  it("keeps the queue in IndexedDB, where the next page load finds it and sends it once", async () => {
    const origin = fakeOrigin();
    stubPage(origin);
    origin.server.online = false;
    const first = await loadOutbox();
    first.enqueue(write("w1", "cookie"));
    first.enqueue(write("w1", "cookie")); // the same write twice is one item
    // Kept at once (a page that goes away now loses nothing), before IndexedDB has it.
    expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY)!).map((i: { id: string }) => i.id)).toEqual(["w1"]);
    await first.flush();
    expect(await stored(origin)).toEqual(["w1"]);
    expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY) ?? "[]")).toEqual([]);

    // A reload: the new page shows the waiting write at once, and sends it when back online.
    const second = await loadOutbox();
    await vi.waitFor(() => expect(second.outboxStatus("w1")).toBe("pending"));
    origin.server.online = true;
    await second.flush();
    expect(second.outboxStatus("w1")).toBe("sent");
    expect(origin.server.ids()).toEqual(["w1"]);
    expect(await stored(origin)).toEqual([]);
  });

  it("moves the localStorage queue of an earlier version into IndexedDB once: no loss, no duplicate", async () => {
    const origin = fakeOrigin();
    // An earlier version's queue, with a stray entry that is no API write; and a move that was
    // cut short before (l2 already copied, the old key not yet removed).
    origin.localStorage.setItem(LOCAL_KEY, JSON.stringify([write("l1", "cookie"), write("l2", "cookie"), { id: "x", method: "POST", url: "https://elsewhere.example/", body: {} }]));
    const db = await openDatabase(origin.indexedDB!);
    await indexedDbStore(db).add(write("l2", "cookie"));
    db.close();
    stubPage(origin);
    origin.server.online = false;
    const outbox = await loadOutbox();
    await outbox.flush();
    expect((await stored(origin)).sort()).toEqual(["l1", "l2"]);
    expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY) ?? "[]")).toEqual([]);
    expect(outbox.queuedItems().map((i) => i.id).sort()).toEqual(["l1", "l2"]);

    origin.server.online = true;
    await outbox.flush();
    const again = await loadOutbox();
    await again.flush();
    expect(origin.server.ids().sort()).toEqual(["l1", "l2"]);
  });

  it("falls back to localStorage where IndexedDB cannot be opened (some private modes)", async () => {
    const origin = fakeOrigin();
    stubPage(origin);
    vi.stubGlobal("indexedDB", {
      open() {
        throw new DOMException("The user denied permission to access the database.", "SecurityError");
      },
    });
    origin.server.online = false;
    const outbox = await loadOutbox();
    outbox.enqueue(write("f1", "cookie"));
    await outbox.flush();
    expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY)!).map((i: { id: string }) => i.id)).toEqual(["f1"]);
    origin.server.online = true;
    await outbox.flush();
    expect(origin.server.ids()).toEqual(["f1"]);
    expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY)!)).toEqual([]);
  });

  it("keeps writes in localStorage when its sending code cannot load (offline, not cached)", async () => {
    const origin = fakeOrigin();
    stubPage(origin);
    vi.resetModules();
    vi.doMock("./outbox-engine", () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    try {
      const outbox = await import("./outbox");
      outbox.enqueue(write("k1", "cookie"));
      outbox.enqueue(write("k2", "cookie"));
      await outbox.flush();
      expect(outbox.pendingCount()).toBe(2);
      expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY)!).map((i: { id: string }) => i.id)).toEqual(["k1", "k2"]);
      await outbox.keepOnlyAccount("someone");
      expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY)!).map((i: { id: string }) => i.id)).toEqual(["k1", "k2"]);
      await outbox.clearOutbox();
      expect(JSON.parse(origin.localStorage.getItem(LOCAL_KEY)!)).toEqual([]);
    } finally {
      vi.doUnmock("./outbox-engine");
    }
    expect(origin.server.received).toEqual([]);
  });
});

describe("one sender at a time", () => {
  for (const locks of [true, false]) {
    it(`sends each write once when two tabs and the service worker flush together (${locks ? "Web Locks" : "IndexedDB lease"})`, async () => {
      const origin = fakeOrigin({ locks });
      signIn(origin, "user-a");
      stubPage(origin);
      origin.server.online = false;
      const tab1 = await loadOutbox();
      const ids = Array.from({ length: 12 }, (_, i) => `w${i}`);
      for (const [n, id] of ids.entries()) tab1.enqueue(write(id, n % 3 === 0 ? "cookie" : undefined));
      await tab1.flush();
      const tab2 = await loadOutbox();
      const worker = fakeWorker(origin);
      origin.server.online = true;
      // Each contender retries until the queue is empty (a lease holder makes the others wait).
      const drain = async (run: () => Promise<unknown>) => {
        for (let i = 0; i < 50 && (await stored(origin)).length > 0; i++) {
          await run();
          await vi.advanceTimersByTimeAsync(2000);
        }
      };
      await Promise.all([drain(() => tab1.flush()), drain(() => tab2.flush()), drain(() => flushFromWorker(worker.scope))]);
      expect(origin.server.ids()).toEqual(ids);
      expect(origin.server.received.every((r) => r.user === "user-a")).toBe(true);
    });
  }

  it("a lease keeps others out until it is released or has expired", async () => {
    const origin = fakeOrigin();
    const db = await openDatabase(origin.indexedDB!);
    const store = indexedDbStore(db);
    let now = 1_000_000;
    const a = { store, owner: contextName(), now: () => now };
    const b = { store, owner: contextName(), now: () => now };
    let inside: Awaited<ReturnType<typeof withSendLock>> | undefined;
    const held = await withSendLock(a, async () => {
      inside = await withSendLock(b, async () => "b ran");
      return "a ran";
    });
    expect(held).toEqual({ busy: false, value: "a ran" });
    expect(inside).toEqual({ busy: true });
    expect(await withSendLock(b, async () => "b ran")).toEqual({ busy: false, value: "b ran" });
    // A tab closed while holding the lease: the lease lapses.
    expect(await store.takeLease(a.owner, 30_000, now)).toBe(true);
    expect(await store.takeLease(b.owner, 30_000, now + 29_999)).toBe(false);
    now += 30_000;
    expect(await withSendLock(b, async () => "b ran")).toEqual({ busy: false, value: "b ran" });
    db.close();
  });
});

describe("whose writes they are (a shared computer)", () => {
  it("never sends an account's writes under another account's session; they go when B signs in", async () => {
    const origin = fakeOrigin({ locks: true });
    signIn(origin, "user-a");
    stubPage(origin);
    origin.server.online = false;
    const outbox = await loadOutbox();
    outbox.enqueue(write("a1"));
    outbox.enqueue(write("phone", "cookie"));
    await outbox.flush();
    expect(outbox.queuedItems().find((i) => i.id === "a1")?.account).toBe(accountMarker("user-a"));

    // A never signed out; B signs in on the same browser.
    signIn(origin, "user-b");
    origin.server.online = true;
    await outbox.flush();
    await flushFromWorker(fakeWorker(origin).scope);
    expect(origin.server.ids()).toEqual(["phone"]);
    expect(outbox.outboxStatus("a1")).toBe("pending");

    // Signing in drops the other account's writes (sync.ts): nothing of A's stays for B to see.
    await outbox.keepOnlyAccount(accountMarker("user-b"));
    expect(outbox.queuedItems()).toEqual([]);
    expect(await stored(origin)).toEqual([]);
    expect(origin.server.received.some((r) => r.id === "a1")).toBe(false);
  });

  it("keeps an account's own writes when the same account signs in again", async () => {
    const origin = fakeOrigin();
    signIn(origin, "user-a");
    stubPage(origin);
    origin.server.online = false;
    const outbox = await loadOutbox();
    outbox.enqueue(write("a1"));
    await outbox.flush();
    await outbox.keepOnlyAccount(accountMarker("user-a"));
    origin.server.online = true;
    await outbox.flush();
    expect(origin.server.received.map((r) => [r.id, r.user])).toEqual([["a1", "user-a"]]);
  });

  it("after a 401 drops the account's writes from IndexedDB too, and forgets the account", async () => {
    const origin = fakeOrigin();
    signIn(origin, "user-a");
    stubPage(origin);
    origin.server.replies = [401];
    const outbox = await loadOutbox();
    outbox.enqueue(write("a1"));
    outbox.enqueue(write("a2"));
    outbox.enqueue(write("phone", "cookie"));
    await outbox.flush();
    await outbox.flush();
    expect(origin.server.ids()).toEqual(["a1", "phone"]);
    expect(await stored(origin)).toEqual([]);
    expect(origin.cookies.has("cg_signed_in")).toBe(false);
    expect(origin.cookies.has("cg_account")).toBe(false);
  });

  it("before signing out, says how many writes could not be sent; clearing forgets them everywhere", async () => {
    const origin = fakeOrigin();
    signIn(origin, "user-a");
    stubPage(origin);
    origin.server.online = false;
    const outbox = await loadOutbox();
    outbox.enqueue(write("a1"));
    outbox.enqueue(write("a2"));
    expect(await outbox.sendWithin(5_000)).toBe(2);
    await outbox.clearOutbox();
    expect(await stored(origin)).toEqual([]);
    const next = await loadOutbox();
    origin.server.online = true;
    await next.flush();
    expect(origin.server.received).toEqual([]);

    // Online, the writes go first and nothing is left to lose.
    const online = await loadOutbox();
    online.enqueue(write("a3"));
    expect(await online.sendWithin(5_000)).toBe(0);
    expect(origin.server.ids()).toEqual(["a3"]);
  });
});

describe("Background Sync", () => {
  it("asks the service worker to send when a write is queued offline", async () => {
    const origin = fakeOrigin();
    stubPage(origin);
    const register = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { onLine: false, serviceWorker: { getRegistration: async () => ({ sync: { register } }) } });
    origin.server.online = false;
    const outbox = await loadOutbox();
    outbox.enqueue(write("w1", "cookie"));
    await outbox.flush();
    expect(register).toHaveBeenCalledWith("cg-outbox");
  });

  it("learns from the service worker that a write was sent (a live phone's screen says so)", async () => {
    const origin = fakeOrigin();
    stubPage(origin);
    origin.server.online = false;
    const outbox = await loadOutbox();
    outbox.enqueue(write("w1", "cookie"));
    await outbox.flush();
    origin.server.online = true;
    expect(await flushFromWorker(fakeWorker(origin).scope)).toBe("empty");
    await vi.waitFor(() => expect(outbox.outboxStatus("w1")).toBe("sent"));
    expect(outbox.queuedItems()).toEqual([]);
  });
});
