// A simulated phone or projector for the live tests: a cookie jar with its own address, and a
// fetch-based Server-Sent Events reader that parses `id:`, `event:` and `data:` lines as an
// EventSource does, remembers the last event id, and can reconnect with Last-Event-ID.
import crypto from "node:crypto";

export interface LiveEvent<V = unknown> {
  id: number | undefined;
  event: string;
  data: V;
}

/** Anything that sends requests with its own cookies (a Browser, or a signed-in Learner). */
export interface Requester {
  request(pathname: string, init?: RequestInit): Promise<Response>;
}

/** A browser's state: cookies and (for the rate limits) a public address of its own. */
export class Browser implements Requester {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: () => string,
    readonly address = `198.18.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(pathname: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    headers.set("x-forwarded-for", this.address);
    const signal = init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 60_000);
    const res = await fetch(`${this.baseUrl()}${pathname}`, { ...init, headers, redirect: "manual", signal });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }

  /** POSTs JSON; the parsed body on 2xx, else a thrown error with the status. */
  async post<T>(pathname: string, body: unknown): Promise<T> {
    const res = await this.request(pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status < 200 || res.status >= 300) throw new Error(`POST ${pathname} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

/**
 * One open event stream. `events` holds every event received (newest last); `ended` settles when
 * the connection ends for any reason (the server killed, aborted, or closed by the server).
 */
export class EventStream<V = unknown> {
  readonly events: LiveEvent<V>[] = [];
  readonly ended: Promise<void>;
  /** The response's status once its headers came (0 if the connection failed). */
  readonly opened: Promise<number>;
  private setOpened: (status: number) => void = () => {};
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  status = 0;
  done = false;

  constructor(browser: Requester, pathname: string, lastEventId?: number) {
    this.opened = new Promise((resolve) => (this.setOpened = resolve));
    this.ended = this.run(browser, pathname, lastEventId);
  }

  get last(): LiveEvent<V> | undefined {
    return this.events.at(-1);
  }

  /** The id of the last numbered event, as an EventSource keeps it for its reconnection. */
  get lastEventId(): number | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i].id !== undefined) return this.events[i].id;
    return undefined;
  }

  /** Resolves with the first event (received so far or later) that matches; rejects after timeoutMs or at the stream's end. */
  waitFor(match: (e: LiveEvent<V>) => boolean, what: string, timeoutMs = 30_000): Promise<LiveEvent<V>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last event: ${JSON.stringify(this.last)?.slice(0, 300)}`)), timeoutMs);
      const check = () => {
        const found = this.events.find(match);
        if (found) finish(undefined, found);
        else if (this.done) finish(new Error(`the stream ended (status ${this.status}) before ${what}; last event: ${JSON.stringify(this.last)?.slice(0, 300)}`));
      };
      const finish = (error?: Error, found?: LiveEvent<V>) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        if (error) reject(error);
        else resolve(found!);
      };
      this.waiters.push(check);
      check();
    });
  }

  close(): Promise<void> {
    this.abort.abort();
    return this.ended;
  }

  private notify() {
    for (const w of [...this.waiters]) w();
  }

  private async run(browser: Requester, pathname: string, lastEventId?: number): Promise<void> {
    try {
      const res = await browser.request(pathname, {
        headers: { accept: "text/event-stream", ...(lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) }) },
        signal: this.abort.signal,
      });
      this.status = res.status;
      this.setOpened(res.status);
      if (res.status !== 200 || !res.body) {
        await res.body?.cancel();
        return;
      }
      const decoder = new TextDecoder();
      let buffer = "";
      let id: number | undefined;
      let event = "";
      let data = "";
      const reader = res.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, "");
          buffer = buffer.slice(nl + 1);
          if (line === "") {
            if (data) this.events.push({ id, event: event || "message", data: JSON.parse(data) as V });
            id = undefined;
            event = "";
            data = "";
            this.notify();
          } else if (line.startsWith("id:")) id = Number(line.slice(3).trim());
          else if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data += (data ? "\n" : "") + line.slice(5).replace(/^ /, "");
        }
      }
    } catch {
      // Reset by a killed server or aborted by close(): both simply end the stream.
    } finally {
      this.done = true;
      this.setOpened(this.status);
      this.notify();
    }
  }
}
