// The hub and the event stream without a database: subscribers per session, tallies coalesced by
// one timer per session, the SSE encoding, a stream's first view and resumption, and that 1,000
// connect/disconnect cycles leave no listener, timer or abort handler behind.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodePayload, encodePayload, LiveHub, TALLY_EVERY_MS, type HubEvent, type Transport } from "./hub";
import { encodeComment, encodeEvent, heartbeats, lastEventIdOf, viewStream } from "./sse";

describe("the hub", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("delivers a session's events to its listeners only, and stops after unsubscribe", async () => {
    const hub = new LiveHub();
    const a: HubEvent[] = [];
    const b: HubEvent[] = [];
    const stopA = hub.subscribe("s1", (e) => a.push(e));
    hub.subscribe("s2", (e) => b.push(e));
    await hub.publishState("s1", 2);
    stopA();
    await hub.publishState("s1", 3);
    expect(a).toEqual([{ sessionId: "s1", seq: 2, kind: "state" }]);
    expect(b).toEqual([]);
    expect(hub.counts()).toEqual({ sessions: 1, listeners: 1, timers: 0 });
  });

  it("coalesces a burst of answers into one tally per interval, with one timer per session", () => {
    const hub = new LiveHub();
    const seen: HubEvent[] = [];
    hub.subscribe("s1", (e) => seen.push(e));
    for (let i = 0; i < 500; i++) hub.publishTally("s1", 4);
    expect(hub.counts().timers).toBe(1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(TALLY_EVERY_MS);
    expect(seen).toEqual([{ sessionId: "s1", seq: 4, kind: "tally" }]);
    expect(hub.counts().timers).toBe(0);
    hub.publishTally("s1", 4);
    vi.advanceTimersByTime(TALLY_EVERY_MS);
    expect(seen).toHaveLength(2);
  });

  it("sends ids only to other instances and ignores its own announcements coming back", async () => {
    const sent: string[] = [];
    let receive: (p: string) => void = () => {};
    const transport: Transport = {
      send: async (p) => void sent.push(p),
      start: async (r) => void (receive = r),
      close: async () => {},
    };
    const hub = new LiveHub(transport);
    const seen: HubEvent[] = [];
    hub.subscribe("s1", (e) => seen.push(e));
    await hub.ready();
    await hub.publishState("s1", 7);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^[0-9a-f]{12} s1 7 state$/);
    receive(sent[0]);
    receive(encodePayload("elsewhere", { sessionId: "s1", seq: 8, kind: "state" }));
    receive("junk");
    expect(seen.map((e) => e.seq)).toEqual([7, 8]);
  });

  it("decodes only well-formed payloads", () => {
    expect(decodePayload("i s 3 tally")).toEqual({ from: "i", event: { sessionId: "s", seq: 3, kind: "tally" } });
    expect(decodePayload("i s x state")).toBeUndefined();
    expect(decodePayload("i s 3 resync")).toBeUndefined();
  });
});

describe("the SSE encoding", () => {
  it("numbers events and keeps data on one line", () => {
    expect(encodeEvent({ id: 5, event: "view", data: { text: "a\nb" } })).toBe('id: 5\nevent: view\ndata: {"text":"a\\nb"}\n\n');
    expect(encodeComment("heartbeat")).toBe(": heartbeat\n\n");
  });
  it("reads Last-Event-ID from the header, or the query for a first connect", () => {
    expect(lastEventIdOf(new Request("http://x/e", { headers: { "Last-Event-ID": "12" } }))).toBe(12);
    expect(lastEventIdOf(new Request("http://x/e?lastEventId=9"))).toBe(9);
    expect(lastEventIdOf(new Request("http://x/e", { headers: { "Last-Event-ID": "x1" } }))).toBeUndefined();
  });
});

/** Reads what a stream has produced so far, as text. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, until: (text: string) => boolean): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("a view stream", () => {
  it("sends the current view at once, then one per new seq; a phone that has the seq gets nothing until it changes", async () => {
    const hub = new LiveHub();
    let seq = 3;
    const abort = new AbortController();
    const stream = viewStream({ hub, sessionId: "s", signal: abort.signal, read: async () => ({ seq, step: `step ${seq}` }), tallies: false });
    const reader = stream.getReader();
    expect(await drain(reader, (t) => t.includes("id: 3"))).toContain('data: {"seq":3,"step":"step 3"}');
    seq = 4;
    await hub.publishState("s", 4);
    expect(await drain(reader, (t) => t.includes("id: 4"))).toContain("event: view");
    abort.abort();
    expect((await reader.read()).done).toBe(true);
    expect(hub.counts()).toEqual({ sessions: 0, listeners: 0, timers: 0 });

    const resumed = viewStream({ hub, sessionId: "s", signal: new AbortController().signal, read: async () => ({ seq }), tallies: false, lastEventId: 4 }).getReader();
    const first = await drain(resumed, (t) => t.includes("retry"));
    expect(first).not.toContain("id: 4");
    seq = 5;
    await hub.publishState("s", 5);
    expect(await drain(resumed, (t) => t.includes("id: 5"))).toContain("id: 5");
    await resumed.cancel();
    expect(hub.counts().listeners).toBe(0);
  });

  it("reads again when a read started before the announced commit (a stale shared read)", async () => {
    const hub = new LiveHub();
    const answers = [{ seq: 1 }, { seq: 1 }, { seq: 2 }];
    const reader = viewStream({ hub, sessionId: "s", signal: new AbortController().signal, read: async () => answers.shift() ?? { seq: 2 }, tallies: false }).getReader();
    await drain(reader, (t) => t.includes("id: 1"));
    await hub.publishState("s", 2);
    expect(await drain(reader, (t) => t.includes("id: 2"))).toContain("id: 2");
    await reader.cancel();
  });

  it("sends heartbeats while idle", async () => {
    vi.useFakeTimers();
    try {
      const hub = new LiveHub();
      const abort = new AbortController();
      const reader = viewStream({ hub, sessionId: "s", signal: abort.signal, read: async () => ({ seq: 1 }), tallies: true, heartbeatMs: 15_000 }).getReader();
      await drain(reader, (t) => t.includes("id: 1"));
      vi.advanceTimersByTime(15_000);
      expect(await drain(reader, (t) => t.includes(": heartbeat"))).toContain(": heartbeat");
      abort.abort();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("beats every open stream from one timer, which stops with the last stream", async () => {
    vi.useFakeTimers();
    try {
      const hub = new LiveHub();
      const aborts = Array.from({ length: 50 }, () => new AbortController());
      const readers = aborts.map((abort) => viewStream({ hub, sessionId: "s", signal: abort.signal, read: async () => ({ seq: 1 }), tallies: false, heartbeatMs: 15_000 }).getReader());
      for (const r of readers) await drain(r, (t) => t.includes("id: 1"));
      expect(heartbeats.counts()).toEqual({ timers: 1, streams: 50 });
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(15_000);
      for (const r of readers) expect(await drain(r, (t) => t.includes(": heartbeat"))).toContain(": heartbeat");
      aborts.slice(1).forEach((a) => a.abort());
      expect(heartbeats.counts()).toEqual({ timers: 1, streams: 1 });
      aborts[0].abort();
      expect(heartbeats.counts()).toEqual({ timers: 0, streams: 0 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("leaves nothing behind after 1,000 connect/disconnect cycles", async () => {
    // Timers and other handles that keep the process alive, as Node itself counts them.
    const active = () => process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap").length;
    const before = active();
    const hub = new LiveHub();
    let opened = 0;
    for (let i = 0; i < 1000; i++) {
      const abort = new AbortController();
      const add = vi.spyOn(abort.signal, "addEventListener");
      const remove = vi.spyOn(abort.signal, "removeEventListener");
      const reader = viewStream({ hub, sessionId: `s${i % 7}`, signal: abort.signal, read: async () => ({ seq: 1 }), tallies: i % 2 === 0 }).getReader();
      if (i % 3 === 0) await drain(reader, (t) => t.includes("id: 1"));
      // While open, the stream is listening and has its heartbeat.
      opened = Math.max(opened, hub.counts().listeners);
      expect(heartbeats.counts().streams).toBe(1);
      hub.publishTally(`s${i % 7}`, 1);
      if (i % 2 === 0) abort.abort();
      else await reader.cancel();
      expect(remove.mock.calls.length).toBe(add.mock.calls.length);
    }
    expect(opened).toBe(1);
    expect(hub.counts().listeners).toBe(0);
    expect(hub.counts().sessions).toBe(0);
    expect(heartbeats.counts()).toEqual({ timers: 0, streams: 0 });
    await hub.close();
    expect(hub.counts().timers).toBe(0);
    expect(active()).toBe(before);
  });
});
