// The load generator: one autocannon run in its own process, which bench/run.ts starts pinned to
// the load core (`taskset -c 1 node --import tsx bench/lib/load-worker.ts <job.json>`). Prints one
// JSON line (LoadResult) on stdout.
//
// Two things autocannon does not do the way the benchmark needs, added through its setupClient hook:
// - a smooth fixed rate. autocannon's own overallRate/connectionRate sends each connection's quota
//   for the second back to back as soon as the second starts, so every second begins with a burst
//   of `connections` simultaneous requests and p99 measures that burst. Here every connection sends
//   on its own schedule (one request every connections/rate seconds, phases spread evenly), so the
//   server sees the rate as a steady stream; a late response makes the next request go at once.
// - exact latencies: autocannon's histogram keeps whole milliseconds; the answer baseline takes
//   about one, so latencies are collected from each response's own duration (fractional ms).
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import type { LoadJob, LoadResult } from "./load";

type Client = {
  _doRequest: (...args: unknown[]) => void;
  destroyed: boolean;
  on(event: "response", fn: (status: number, bytes: number, durationMs: number) => void): void;
};
type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as LoadJob;

const latencies: number[] = [];
const statuses: Record<string, number> = {};
let firstBadBody: string | undefined;

/** The answer to send next: a fresh answer id every time, a new attempt every `questions.length` answers of a learner. */
function answerFactory(a: NonNullable<LoadJob["answers"]>) {
  let n = 0;
  const perLearner = a.learners.map((l) => ({ ...l, count: 0, attemptId: l.attemptId ?? crypto.randomUUID() }));
  return (req: Req): Req => {
    const learner = perLearner[n++ % perLearner.length];
    const q = a.questions[learner.count % a.questions.length];
    if (a.mode === "app" && learner.count > 0 && learner.count % a.questions.length === 0) learner.attemptId = crypto.randomUUID();
    learner.count++;
    const body =
      a.mode === "app"
        ? { id: crypto.randomUUID(), attemptId: learner.attemptId, locale: a.locale, courseId: a.courseId, lessonId: a.lessonId, questionId: q.id, chosen: q.chosen }
        : // The baseline inserts into one pre-made attempt per learner, so each row needs its own question id.
          { id: crypto.randomUUID(), attemptId: learner.attemptId, userId: learner.userId, questionId: `bench-${crypto.randomUUID()}`, chosen: q.chosen };
    return { ...req, headers: { ...req.headers, cookie: learner.cookie, "content-type": "application/json" }, body: JSON.stringify(body) };
  };
}

function pace(client: Client, index: number, start: number) {
  if (!job.rate) return;
  const interval = (1000 * job.connections) / job.rate;
  let next = start + (index * interval) / job.connections;
  const send = client._doRequest.bind(client);
  client._doRequest = (...args: unknown[]) => {
    const wait = next - performance.now();
    next += interval;
    if (wait <= 0) return send(...args);
    setTimeout(() => {
      if (!client.destroyed) send(...args);
    }, wait);
  };
}

async function main() {
  const nextAnswer = job.answers ? answerFactory(job.answers) : undefined;
  const start = performance.now() + 20;
  let clients = 0;
  const result = await autocannon({
    url: job.url + job.path,
    method: job.method,
    connections: job.connections,
    duration: job.durationS,
    pipelining: 1,
    headers: job.headers ?? {},
    requests: nextAnswer ? [{ method: job.method, path: job.path, setupRequest: nextAnswer }] : undefined,
    setupClient: (c: unknown) => {
      const client = c as Client;
      pace(client, clients++, start);
      client.on("response", (status, _bytes, durationMs) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        latencies.push(durationMs);
      });
    },
    // Keep the body of the first failing response, to say why.
    verifyBody: (body: string) => {
      if (firstBadBody === undefined && /"error"/.test(body)) firstBadBody = body.slice(0, 300);
      return true;
    },
  });

  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] : NaN);
  const ok = Object.entries(statuses).reduce((s, [code, n]) => (code.startsWith("2") ? s + n : s), 0);
  const out: LoadResult = {
    sent: result.requests.sent,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
    rps: ok / result.duration,
    latency: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) },
    statuses,
    ...(firstBadBody ? { firstError: firstBadBody } : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
