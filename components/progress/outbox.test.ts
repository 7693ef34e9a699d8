// The outbox for a live phone (issue #24): an answer's fate can be followed (pending, sent,
// refused), and an account's session ending (401) drops the account's writes but keeps a live
// phone's, whose right to be sent is its own cookie.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Reply = number | "offline";

function fakeBrowser(replies: Reply[], { storageBlocked = false } = {}) {
  const store = new Map<string, string>();
  const events = new EventTarget();
  const sent: string[] = [];
  const localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  const win = Object.defineProperty(events, "localStorage", {
    // A third-party frame with storage blocked (an LMS's) throws on the very property read.
    get: () => {
      if (storageBlocked) throw new DOMException("Access is denied for this document.", "SecurityError");
      return localStorage;
    },
  });
  vi.stubGlobal("window", win);
  vi.stubGlobal("document", { cookie: "" });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push(`${url} ${String(init.body)}`);
      const reply = replies.shift() ?? 200;
      if (reply === "offline") throw new TypeError("network");
      return new Response("{}", { status: reply });
    }),
  );
  return { sent };
}

const answer = (id: string, auth?: "cookie") => ({ id, method: "POST" as const, url: "/api/live/s/answers", body: { id, round: "r", chosen: ["a"] }, ...(auth ? { auth } : {}) });

describe("outbox", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it("follows an answer from pending to sent, and tells its listeners", async () => {
    fakeBrowser([200]);
    const outbox = await import("./outbox");
    const seen: (string | undefined)[] = [];
    outbox.subscribeOutbox(() => seen.push(outbox.outboxStatus("a1")));
    outbox.enqueue(answer("a1", "cookie"));
    expect(outbox.outboxStatus("a1")).toBe("pending");
    await outbox.flush();
    expect(outbox.outboxStatus("a1")).toBe("sent");
    expect(seen).toContain("pending");
    expect(seen.at(-1)).toBe("sent");
    expect(outbox.queuedItems()).toEqual([]);
  });

  it("still sends when the browser refuses storage (a learning platform's frame), from the page's memory", async () => {
    const { sent } = fakeBrowser([200, 200], { storageBlocked: true });
    const outbox = await import("./outbox");
    outbox.enqueue(answer("m1"));
    outbox.enqueue(answer("m2"));
    await outbox.flush();
    await outbox.flush();
    expect(sent).toHaveLength(2);
    expect([outbox.outboxStatus("m1"), outbox.outboxStatus("m2")]).toEqual(["sent", "sent"]);
    expect(outbox.queuedItems()).toEqual([]);
  });

  it("marks a refusal for good (a closed round's 409) as refused, and goes on with the next", async () => {
    fakeBrowser([409, 200]);
    const outbox = await import("./outbox");
    outbox.enqueue(answer("late", "cookie"));
    outbox.enqueue(answer("next", "cookie"));
    await outbox.flush();
    await outbox.flush();
    expect(outbox.outboxStatus("late")).toBe("refused");
    expect(outbox.outboxStatus("next")).toBe("sent");
  });

  it("keeps an answer queued while offline, with the same id for the resend", async () => {
    const { sent } = fakeBrowser(["offline", 200]);
    const outbox = await import("./outbox");
    outbox.enqueue(answer("a1", "cookie"));
    await outbox.flush();
    expect(outbox.outboxStatus("a1")).toBe("pending");
    await outbox.flush();
    expect(outbox.outboxStatus("a1")).toBe("sent");
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(1);
  });

  it("on an account's 401 drops the account's writes but sends a live phone's", async () => {
    const { sent } = fakeBrowser([401, 200]);
    const outbox = await import("./outbox");
    outbox.enqueue(answer("account-1"));
    outbox.enqueue(answer("account-2"));
    outbox.enqueue(answer("phone-1", "cookie"));
    await outbox.flush();
    expect(outbox.outboxStatus("account-2")).toBeUndefined();
    expect(outbox.outboxStatus("phone-1")).toBe("sent");
    expect(sent.map((s) => JSON.parse(s.split(" ").slice(1).join(" ")).id)).toEqual(["account-1", "phone-1"]);
  });
});
