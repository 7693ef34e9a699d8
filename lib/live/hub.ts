// Who is listening to which live session in this process, and how a change reaches them. A change
// is announced with ids only (session and seq); every listener reads the data from the database,
// so the database stays the one source of truth. On PostgreSQL, announcements also go through
// LISTEN/NOTIFY on ONE dedicated connection per process, so a step taken on instance A reaches a
// phone connected to instance B. On SQLite there is one instance, so in-process is everything.
//
// Tallies are coalesced here: an answer marks its session dirty, and one timer per session (not
// per answer) announces the new tally at most TALLY_EVERY_MS later, so a room of 1,000 answering
// at once costs a few tally reads a second, not 1,000 broadcasts.
import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";

/** state: the session changed (a new seq); tally: answers came in; resync: announcements may have been lost. */
export type HubEventKind = "state" | "tally" | "resync";
export interface HubEvent {
  sessionId: string;
  seq: number;
  kind: HubEventKind;
}
export type Listener = (event: HubEvent) => void;

/** At most four tally updates a second per session (issue #24). */
export const TALLY_EVERY_MS = 250;
const RECONNECT_MS = 1000;

/** How announcements leave this process (PostgreSQL) and come in from others. */
export interface Transport {
  send(payload: string): Promise<void>;
  /** Starts listening; `receive` gets each payload; `lost` is called when the connection was lost and regained. */
  start(receive: (payload: string) => void, lost: () => void): Promise<void>;
  close(): Promise<void>;
}

export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly tallyTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly instance = crypto.randomBytes(6).toString("hex");
  private started: Promise<void> | undefined;

  constructor(private readonly transport?: Transport) {}

  /** Listens to one session; returns the function that stops listening. */
  subscribe(sessionId: string, listener: Listener): () => void {
    void this.start();
    let set = this.listeners.get(sessionId);
    if (!set) this.listeners.set(sessionId, (set = new Set()));
    set.add(listener);
    return () => {
      const current = this.listeners.get(sessionId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(sessionId);
    };
  }

  /** The session's state changed: everyone listening here and on other instances re-reads it. */
  async publishState(sessionId: string, seq: number): Promise<void> {
    this.deliver({ sessionId, seq, kind: "state" });
    await this.send({ sessionId, seq, kind: "state" });
  }

  /** Answers came in: announced once per TALLY_EVERY_MS per session, whatever the number of answers. */
  publishTally(sessionId: string, seq: number): void {
    if (this.tallyTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.tallyTimers.delete(sessionId);
      this.deliver({ sessionId, seq, kind: "tally" });
      void this.send({ sessionId, seq, kind: "tally" });
    }, TALLY_EVERY_MS);
    // A pending tally never keeps a process alive on its own.
    timer.unref?.();
    this.tallyTimers.set(sessionId, timer);
  }

  /** For tests and leak checks: sessions listened to, listeners, and pending tally timers. */
  counts(): { sessions: number; listeners: number; timers: number } {
    let listeners = 0;
    for (const set of this.listeners.values()) listeners += set.size;
    return { sessions: this.listeners.size, listeners, timers: this.tallyTimers.size };
  }

  /** Waits until the transport listens (tests); a no-op without one. */
  ready(): Promise<void> {
    return this.start();
  }

  async close(): Promise<void> {
    for (const timer of this.tallyTimers.values()) clearTimeout(timer);
    this.tallyTimers.clear();
    this.listeners.clear();
    await this.transport?.close();
  }

  private start(): Promise<void> {
    if (!this.transport) return Promise.resolve();
    this.started ??= this.transport
      .start(
        (payload) => this.receive(payload),
        () => {
          // Announcements may have been missed while the connection was down: everyone re-reads.
          for (const sessionId of this.listeners.keys()) this.deliver({ sessionId, seq: 0, kind: "resync" });
        },
      )
      .catch((e) => {
        this.started = undefined;
        log("live.hub", { message: e instanceof Error ? e.message : String(e) });
      });
    return this.started;
  }

  private deliver(event: HubEvent) {
    const set = this.listeners.get(event.sessionId);
    if (!set) return;
    // A copy: a listener may unsubscribe while it is called.
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (e) {
        log("live.hub", { message: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  private async send(event: HubEvent) {
    if (!this.transport) return;
    try {
      await this.transport.send(encodePayload(this.instance, event));
    } catch (e) {
      log("live.hub", { message: e instanceof Error ? e.message : String(e) });
    }
  }

  private receive(payload: string) {
    const event = decodePayload(payload);
    // This instance delivered its own announcements already, without the round trip.
    if (event && event.from !== this.instance) this.deliver(event.event);
  }
}

/** "<instance> <session id> <seq> <kind>": ids only, far under NOTIFY's 8,000-byte limit. */
export function encodePayload(instance: string, e: HubEvent): string {
  return `${instance} ${e.sessionId} ${e.seq} ${e.kind}`;
}

export function decodePayload(payload: string): { from: string; event: HubEvent } | undefined {
  const [from, sessionId, seq, kind] = payload.split(" ");
  if (!from || !sessionId || !/^\d+$/.test(seq ?? "") || (kind !== "state" && kind !== "tally")) return undefined;
  return { from, event: { sessionId, seq: Number(seq), kind } };
}

/** The NOTIFY channel of a database schema (tests and benchmarks each use a schema of their own). */
export function channelOf(schema: string | undefined): string {
  return `cg_live_${(schema ?? "public").replace(/[^a-z0-9_]/gi, "_").toLowerCase()}`;
}

/** LISTEN on one dedicated connection, reconnecting after a loss; NOTIFY through the app's pool. */
export function postgresTransport(pool: pg.Pool, schema: string | undefined): Transport {
  const channel = channelOf(schema);
  let client: pg.Client | undefined;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function connect(receive: (payload: string) => void, lost: () => void, again: boolean): Promise<void> {
    const c = new pg.Client(pool.options);
    c.on("notification", (n) => {
      if (n.channel === channel && n.payload) receive(n.payload);
    });
    c.on("error", (e) => {
      log("live.hub", { message: e.message });
      reconnect(c, receive, lost);
    });
    c.on("end", () => reconnect(c, receive, lost));
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    if (again) lost();
  }

  function reconnect(c: pg.Client, receive: (payload: string) => void, lost: () => void) {
    if (closed || retry || (client && client !== c)) return;
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      connect(receive, lost, true).catch(() => reconnect(c, receive, lost));
    }, RECONNECT_MS);
    retry.unref?.();
  }

  return {
    async send(payload) {
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    start: (receive, lost) => connect(receive, lost, false),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}

/**
 * One hub per handle per PROCESS: Next bundles this module into every route handler, and a step
 * published from the control route must reach streams opened by the events route (lib/process-singleton.ts).
 */
const hubs = processSingleton("live-hubs", () => new WeakMap<Db, LiveHub>());

/** The hub of a database handle (one per process for the app's handle). */
export function hubFor(handle: Db): LiveHub {
  let hub = hubs.get(handle);
  if (!hub) {
    hub = new LiveHub(handle.store.kind === "postgres" ? postgresTransport(handle.store.pool, handle.schema) : undefined);
    hubs.set(handle, hub);
  }
  return hub;
}
