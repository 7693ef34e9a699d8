// The simulated phones of the live-session suite (bench/suites/live.ts), in a process of their own
// pinned to the load core: plain HTTP streaming clients that read `id:` / `data:` lines as an
// EventSource does (no browser). The suite drives it with one JSON command per stdin line and gets
// one JSON answer per stdout line, so it can read the server's CPU and memory between commands.
// Times are performance.now() of this process: the step's POST and the phones' receipts are timed
// on the same clock.
import crypto from "node:crypto";
import http from "node:http";
import readline from "node:readline";

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body === undefined ? headers : { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A phone (or the projector): its cookie, its address, and what its stream has received. */
interface Client {
  cookie: string;
  address: string;
  /** Receipt time of each event id. */
  seen: Map<number, number>;
  last?: { id: number; data: unknown; at: number };
  req?: http.ClientRequest;
  onEvent?: (id: number, data: unknown, at: number) => void;
}

const groups = new Map<string, Client[]>();
/** Every phone gets its own address of 198.18.0.0/15 (the benchmarking range), never reused in a run. */
let addressCount = 0;
const nextAddress = () => {
  const n = ++addressCount;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
};

async function inBatches<T>(items: T[], size: number, fn: (item: T, i: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, k) => fn(item, i + k)));
}

/** Opens one event stream; resolves at its response headers (and first event, if `firstEvent`). */
function openStream(client: Client, url: string, firstEvent: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: "text/event-stream", cookie: client.cookie, "x-forwarded-for": client.address } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream ${url} answered ${res.statusCode}`));
      }
      if (!firstEvent) resolve();
      res.setEncoding("utf8");
      let buffer = "";
      let id: number | undefined;
      let data = "";
      res.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, "");
          buffer = buffer.slice(nl + 1);
          if (line === "") {
            // End of an event: dispatch it if it had data.
            if (data && id !== undefined) {
              let parsed: unknown = data;
              try {
                parsed = JSON.parse(data);
              } catch {
                // keep the text
              }
              client.seen.set(id, at);
              client.last = { id, data: parsed, at };
              client.onEvent?.(id, parsed, at);
              if (firstEvent) resolve();
            }
            data = "";
            continue;
          }
          if (line.startsWith("id:")) id = Number(line.slice(3).trim());
          else if (line.startsWith("data:")) data += (data ? "\n" : "") + line.slice(5).replace(/^ /, "");
        }
      });
      res.on("error", () => {});
    });
    req.on("error", (e) => reject(e));
    client.req = req;
  });
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN);
  return { count: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) };
}

type Command =
  | { cmd: "join"; group: string; origin: string; code: string; count: number }
  | { cmd: "clients"; group: string; count: number; cookie: string }
  | { cmd: "open"; group: string; url: string; firstEvent: boolean }
  | { cmd: "step"; group: string; url: string; cookie: string; body: unknown; timeoutMs: number }
  | { cmd: "last"; group: string }
  | { cmd: "answer"; group: string; projector: string; origin: string; sessionId: string; round: string; chosen: string[]; windowMs: number; resend: number }
  | { cmd: "close"; group: string; keep?: boolean };

async function handle(c: Command): Promise<unknown> {
  switch (c.cmd) {
    case "join": {
      const phones: Client[] = Array.from({ length: c.count }, () => ({ cookie: "", address: nextAddress(), seen: new Map() }));
      const statuses: Record<string, number> = {};
      const t0 = performance.now();
      // A few at a time, as a room's phones arrive over a minute or so.
      await inBatches(phones, 20, async (p, i) => {
        const r = await request(`${c.origin}/api/live/join`, "POST", { "x-forwarded-for": p.address }, JSON.stringify({ code: c.code, nickname: `Phone ${i + 1}` }));
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        const set = ([] as string[]).concat(r.headers["set-cookie"] ?? []);
        p.cookie = set.map((s) => s.split(";")[0]).join("; ");
        if (r.status !== 200 && !statuses.firstError) Object.assign(statuses, { firstError: r.body.slice(0, 200) });
      });
      groups.set(c.group, phones);
      return { statuses, ms: performance.now() - t0 };
    }
    case "clients":
      groups.set(
        c.group,
        Array.from({ length: c.count }, () => ({ cookie: c.cookie, address: nextAddress(), seen: new Map() })),
      );
      return {};
    case "open": {
      const t0 = performance.now();
      await inBatches(groups.get(c.group)!, 50, (p) => openStream(p, c.url, c.firstEvent));
      return { ms: performance.now() - t0 };
    }
    case "step": {
      const phones = groups.get(c.group)!;
      const t0 = performance.now();
      const r = await request(c.url, "POST", { cookie: c.cookie }, JSON.stringify(c.body));
      if (r.status !== 200) throw new Error(`step ${c.url} answered ${r.status}: ${r.body.slice(0, 300)}`);
      const { seq } = JSON.parse(r.body) as { seq: number };
      const until = t0 + c.timeoutMs;
      const done = () => phones.every((p) => [...p.seen.keys()].some((id) => id >= seq));
      while (!done() && performance.now() < until) await new Promise((res) => setTimeout(res, 5));
      const latencies: number[] = [];
      let missing = 0;
      for (const p of phones) {
        const at = [...p.seen].filter(([id]) => id >= seq).map(([, t]) => t);
        if (at.length) latencies.push(Math.min(...at) - t0);
        else missing++;
      }
      return { seq, missing, latencies };
    }
    case "last":
      return groups.get(c.group)![0]?.last?.data ?? null;
    case "answer": {
      const phones = groups.get(c.group)!;
      const projector = groups.get(c.projector)![0];
      const n = phones.length;
      let tallyAt = NaN;
      const seenAll = (data: unknown) => (data as { answered?: number } | null)?.answered === n;
      projector.onEvent = (_id, data, at) => {
        if (Number.isNaN(tallyAt) && seenAll(data)) tallyAt = at;
      };
      const statuses: Record<string, number> = {};
      const acks: number[] = [];
      const ids: string[] = [];
      let firstError: string | undefined;
      let lastAck = 0;
      const t0 = performance.now() + 20;
      const send = async (p: Client, id: string) => {
        const start = performance.now();
        const r = await request(`${c.origin}/api/live/${c.sessionId}/answers`, "POST", { cookie: p.cookie, "x-forwarded-for": p.address }, JSON.stringify({ id, round: c.round, chosen: c.chosen }));
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status !== 200) firstError ??= r.body.slice(0, 300);
        return { ms: performance.now() - start, at: performance.now() };
      };
      // Every phone answers once, spread evenly over the window.
      await Promise.all(
        phones.map(async (p, i) => {
          const wait = t0 + (i * c.windowMs) / n - performance.now();
          if (wait > 0) await new Promise((res) => setTimeout(res, wait));
          const id = crypto.randomUUID();
          ids[i] = id;
          const r = await send(p, id);
          acks.push(r.ms);
          lastAck = Math.max(lastAck, r.at);
        }),
      );
      const until = performance.now() + 15_000;
      while (Number.isNaN(tallyAt) && performance.now() < until) await new Promise((res) => setTimeout(res, 5));
      projector.onEvent = undefined;
      // A few resends of answers already acknowledged (the outbox's retry): must not be stored again.
      const resendStatuses: Record<string, number> = {};
      await inBatches(phones.slice(0, c.resend), 10, async (p, i) => {
        const r = await request(`${c.origin}/api/live/${c.sessionId}/answers`, "POST", { cookie: p.cookie, "x-forwarded-for": p.address }, JSON.stringify({ id: ids[i], round: c.round, chosen: c.chosen }));
        resendStatuses[r.status] = (resendStatuses[r.status] ?? 0) + 1;
      });
      return { ack: stats(acks), statuses, firstError, resendStatuses, tallyAfterLastAckMs: tallyAt - lastAck, roundMs: lastAck - t0, projectorLast: projector.last?.data ?? null };
    }
    case "close": {
      for (const p of groups.get(c.group) ?? []) {
        p.req?.destroy();
        p.req = undefined;
        p.seen.clear();
        p.last = undefined;
      }
      // keep: the phones stay joined (cookies kept), to open their streams again.
      if (!c.keep) groups.delete(c.group);
      return {};
    }
  }
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    try {
      process.stdout.write(`${JSON.stringify({ ok: true, result: await handle(JSON.parse(line) as Command) })}\n`);
    } catch (e) {
      process.stdout.write(`${JSON.stringify({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
    }
  });
});
lines.on("close", () => {
  void queue.then(() => process.exit(0));
});
