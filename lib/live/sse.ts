// Server-Sent Events for live sessions: the encoder, and the stream a route handler returns. Each
// view is sent as one event whose id is the session's seq, so a phone that reconnects says where
// it was (Last-Event-ID) and gets the current view at once if it missed a step. Comments keep the
// connection alive through proxies; the stream stops listening and clears its timers when the
// request is aborted, so nothing is left behind by a phone that walks out of the hall.
import type { HubEvent, LiveHub } from "./hub";

export const HEARTBEAT_MS = 15_000;

// Shared by every stream of the process: one encoder, and the bytes every stream sends alike.
const encoder = new TextEncoder();
const RETRY = encoder.encode("retry: 1000\n\n");

/**
 * The heartbeats of every open stream in this process, from ONE timer per interval rather than one
 * per stream. A timer of its own kept each stream's request context (Next's per-request stores)
 * alive for as long as the phone stayed connected (bench/README.md, suite 6, memory per phone).
 */
class Heartbeats {
  private readonly groups = new Map<number, { timer: ReturnType<typeof setInterval>; beats: Set<() => void> }>();

  /** Calls `beat` every `ms` until the returned function is called. */
  add(ms: number, beat: () => void): () => void {
    let group = this.groups.get(ms);
    if (!group) {
      const beats = new Set<() => void>();
      group = { beats, timer: setInterval(() => beats.forEach((b) => b()), ms) };
      this.groups.set(ms, group);
    }
    group.beats.add(beat);
    const mine = group;
    return () => {
      mine.beats.delete(beat);
      if (mine.beats.size === 0 && this.groups.get(ms) === mine) {
        clearInterval(mine.timer);
        this.groups.delete(ms);
      }
    };
  }

  /** For tests and leak checks: the timers running and the streams they serve. */
  counts(): { timers: number; streams: number } {
    let streams = 0;
    for (const g of this.groups.values()) streams += g.beats.size;
    return { timers: this.groups.size, streams };
  }
}

export const heartbeats = new Heartbeats();
const HEARTBEAT = encoder.encode(": heartbeat\n\n");

export interface SseEvent {
  id?: number;
  event?: string;
  data: unknown;
}

/** One event in the text/event-stream format; data is JSON on one line. */
export function encodeEvent(e: SseEvent): string {
  let out = "";
  if (e.id !== undefined) out += `id: ${e.id}\n`;
  if (e.event) out += `event: ${e.event.replace(/[\r\n]/g, "")}\n`;
  // JSON.stringify escapes line breaks inside strings, so the data is one line.
  return `${out}data: ${JSON.stringify(e.data)}\n\n`;
}

/** The same event with its data already serialised (one line of JSON), as a room shares it. */
export function encodeSerialised(e: { id?: number; event?: string; json: string }): string {
  let out = "";
  if (e.id !== undefined) out += `id: ${e.id}\n`;
  if (e.event) out += `event: ${e.event.replace(/[\r\n]/g, "")}\n`;
  return `${out}data: ${e.json}\n\n`;
}

/** A comment line: ignored by EventSource, enough to keep idle connections open. */
export const encodeComment = (text: string) => `: ${text.replace(/[\r\n]/g, " ")}\n\n`;

/** The Last-Event-ID a reconnecting EventSource sends (or ?lastEventId= for a first connect that resumes). */
export function lastEventIdOf(request: Request): number | undefined {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

export interface ViewStreamOptions<V extends { seq: number }> {
  hub: LiveHub;
  sessionId: string;
  signal: AbortSignal;
  /** The screen's current view, read from the database. Throwing ends the stream. */
  read: () => Promise<V>;
  /** Projector and facilitator follow the tallies; phones only steps (no per-answer broadcast to them). */
  tallies: boolean;
  lastEventId?: number;
  heartbeatMs?: number;
  /** A view after which nothing more can come (an ended session): sent, then the stream closes. */
  isLast?: (view: V) => boolean;
  /** The view's JSON when the reader serialised it already (once for the whole room, lib/live/read.ts). */
  serialised?: (view: V) => string;
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  // No "Connection: keep-alive": the server decides that per request (HTTP/2 forbids the header),
  // and overriding a client's "Connection: close" left its next request on a dead socket (400).
  // Nginx and similar proxies would otherwise buffer the stream.
  "X-Accel-Buffering": "no",
};

/**
 * The stream of one screen's views: the current one at once (unless a phone resumes at the seq it
 * already has), then one per change of state, and for room screens one per coalesced tally.
 * Reads are serialised: a change that arrives during a read is read once more afterwards.
 */
export function viewStream<V extends { seq: number }>(o: ViewStreamOptions<V>): ReadableStream<Uint8Array> {
  let unsubscribe: (() => void) | undefined;
  let stopHeartbeat: (() => void) | undefined;
  let closed = false;
  let lastSent = -1;
  let reading = false;
  let again: "force" | "if-newer" | undefined;
  // The highest seq announced: a read that started before that commit (one shared by many
  // screens, lib/live/read.ts) is stale, and is read again.
  let wanted = 0;
  let stale = 0;
  let stop = () => {
    closed = true;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        stopHeartbeat?.();
        o.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already closed by the reader going away.
        }
      };
      const write = (text: string | Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(typeof text === "string" ? encoder.encode(text) : text);
        } catch {
          stop();
        }
      };
      const refresh = async (mode: "force" | "if-newer") => {
        if (closed) return;
        if (reading) {
          again = again === "force" ? "force" : mode;
          return;
        }
        reading = true;
        try {
          const view = await o.read();
          if (mode === "force" || view.seq > lastSent) {
            lastSent = view.seq;
            write(o.serialised ? encodeSerialised({ id: view.seq, event: "view", json: o.serialised(view) }) : encodeEvent({ id: view.seq, event: "view", data: view }));
          }
          if (o.isLast?.(view)) stop();
          if (view.seq < wanted && stale++ < 3) again ??= "if-newer";
          else if (view.seq >= wanted) stale = 0;
        } catch {
          write(encodeEvent({ event: "gone", data: {} }));
          stop();
        } finally {
          reading = false;
        }
        const pending = again;
        again = undefined;
        if (pending) await refresh(pending);
      };
      const onEvent = (e: HubEvent) => {
        if (e.kind === "tally") {
          if (o.tallies) void refresh("force");
        } else if (e.kind === "resync" || e.seq > lastSent) {
          wanted = Math.max(wanted, e.seq);
          void refresh(o.tallies || e.kind === "resync" ? "force" : "if-newer");
        }
      };

      if (o.signal.aborted) return stop();
      o.signal.addEventListener("abort", stop);
      unsubscribe = o.hub.subscribe(o.sessionId, onEvent);
      stopHeartbeat = heartbeats.add(o.heartbeatMs ?? HEARTBEAT_MS, () => write(HEARTBEAT));
      // Reconnect quickly after a drop (EventSource's own default is about 3 s).
      write(RETRY);
      // Tallies are not numbered, so a room screen always gets the current view; a phone that
      // already has this seq has missed nothing.
      if (!o.tallies && o.lastEventId !== undefined) lastSent = o.lastEventId;
      void refresh(o.tallies ? "force" : "if-newer");
    },
    cancel() {
      stop();
    },
  });
}
