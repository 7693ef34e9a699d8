// The service worker's Background Sync (issue #26): on the "cg-outbox" sync it sends the IndexedDB
// queue as the page would (same origin, exactly application/json), tells the browser to retry when
// still offline, and sends an account's writes only under that account's session, as the server
// sees it (not as a cookie on the page says).
import { afterEach, describe, expect, it, vi } from "vitest";
import { accountMarker } from "./account-marker";
import { indexedDbStore, openDatabase, type OutboxItem } from "./outbox-store";
import { flushFromWorker, installOutboxSync } from "./outbox-sw";
import { fakeOrigin, fakeWorker, write, type Origin } from "./outbox-test-kit";

async function queue(origin: Origin, ...items: OutboxItem[]) {
  const db = await openDatabase(origin.indexedDB!);
  for (const item of items) await indexedDbStore(db).add(item);
  db.close();
}

async function waiting(origin: Origin): Promise<string[]> {
  const db = await openDatabase(origin.indexedDB!);
  try {
    return (await indexedDbStore(db).list()).map((i) => i.id);
  } finally {
    db.close();
  }
}

const of = (user: string, item: OutboxItem): OutboxItem => ({ ...item, account: accountMarker(user) });

afterEach(() => vi.unstubAllGlobals());

describe("installOutboxSync", () => {
  it("sends the queue on the outbox's sync, in order, as the page's API client would", async () => {
    const origin = fakeOrigin({ locks: true });
    await queue(origin, write("w1", "cookie"), write("w2", "cookie"));
    const worker = fakeWorker(origin);
    installOutboxSync(worker.scope);
    expect(await worker.sync("another-tag")).toBe("ignored");
    expect(origin.server.received).toEqual([]);

    expect(await worker.sync("cg-outbox")).toBe("resolved");
    expect(origin.server.ids()).toEqual(["w1", "w2"]);
    const { init, url } = origin.server.received[0];
    expect(url).toBe("/api/progress/answers");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
    expect(JSON.parse(String(init.body))).toEqual({ id: "w1", chosen: ["a"] });
    expect(await waiting(origin)).toEqual([]);
  });

  it("fails the sync while still offline (the browser retries it later) and keeps the queue", async () => {
    const origin = fakeOrigin();
    await queue(origin, write("w1", "cookie"));
    origin.server.online = false;
    const worker = fakeWorker(origin);
    installOutboxSync(worker.scope);
    expect(await worker.sync("cg-outbox")).toBe("rejected");
    expect(await waiting(origin)).toEqual(["w1"]);
    origin.server.online = true;
    expect(await worker.sync("cg-outbox")).toBe("resolved");
    expect(origin.server.ids()).toEqual(["w1"]);
  });

  it("drops a write the server refuses for good and goes on with the next", async () => {
    const origin = fakeOrigin();
    await queue(origin, write("late", "cookie"), write("next", "cookie"));
    origin.server.replies = [409];
    expect(await flushFromWorker(fakeWorker(origin).scope)).toBe("empty");
    expect(origin.server.ids()).toEqual(["late", "next"]);
    expect(await waiting(origin)).toEqual([]);
  });
});

describe("the worker and accounts", () => {
  it("sends an account's writes only when the server's session is that account's", async () => {
    const origin = fakeOrigin();
    await queue(origin, of("user-a", write("a1")), write("phone", "cookie"), of("user-b", write("b1")), write("unmarked"));
    const worker = fakeWorker(origin);

    // Signed out: the live phone's answer goes, no account's.
    origin.server.session = null;
    await flushFromWorker(worker.scope);
    expect(origin.server.ids()).toEqual(["phone"]);

    // B's session: B's write only; A's and the unmarked one are never sent under it.
    origin.server.session = "user-b";
    await flushFromWorker(worker.scope);
    expect(origin.server.received.map((r) => [r.id, r.user])).toEqual([
      ["phone", null],
      ["b1", "user-b"],
    ]);
    expect(await waiting(origin)).toEqual(["a1", "unmarked"]);
  });

  it("waits when it cannot ask whose session it is (offline)", async () => {
    const origin = fakeOrigin();
    await queue(origin, of("user-a", write("a1")));
    origin.server.session = "user-a";
    origin.server.online = false;
    expect(await flushFromWorker(fakeWorker(origin).scope)).toBe("retry");
    expect(await waiting(origin)).toEqual(["a1"]);
  });

  it("drops the account's writes when its session ended (401), keeping others'", async () => {
    const origin = fakeOrigin();
    await queue(origin, of("user-a", write("a1")), of("user-a", write("a2")), of("user-b", write("b1")), write("phone", "cookie"));
    origin.server.session = "user-a";
    origin.server.replies = [401];
    await flushFromWorker(fakeWorker(origin).scope);
    expect(origin.server.ids()).toEqual(["a1", "phone"]);
    expect(await waiting(origin)).toEqual(["b1"]);
  });
});
