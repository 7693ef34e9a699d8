// Suite 6: live sessions (issue #24). Simulated phones (bench/lib/live-worker.ts, pinned to the
// load core) join an ad hoc session by nickname, hold the participant event stream open, follow the
// facilitator's steps and answer a question; the floor is a bare SSE broadcast route of
// bench/baseline-app (/api/sse) with as many clients, driven the same way in the same run.
import path from "node:path";
import readline from "node:readline";
import { createDb, type DbConfig } from "../../lib/db/client";
import { pinning, processTreeHeapBytes, processTreeRssBytes, ROOT, spawnPiped, type Server } from "../lib/proc";
import { entry, median, type Entry } from "../lib/results";
import type { Bench } from "../run";
import { signUpAndIn } from "./answers";

const WORKER = path.join(ROOT, "bench", "lib", "live-worker.ts");

/** The worker: one command out, one answer back. */
function startWorker(logDir: string) {
  const child = spawnPiped(pinning.load, process.execPath, ["--import", "tsx", WORKER], { log: path.join(logDir, "live-worker.log") });
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => waiting.shift()?.(line));
  return {
    async send<T>(command: Record<string, unknown>): Promise<T> {
      const line = await new Promise<string>((resolve) => {
        waiting.push(resolve);
        child.stdin!.write(`${JSON.stringify(command)}\n`);
      });
      const reply = JSON.parse(line) as { ok: boolean; result?: T; error?: string };
      if (!reply.ok) throw new Error(`live worker: ${command.cmd}: ${reply.error}`);
      return reply.result as T;
    },
    stop() {
      child.stdin!.end();
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN;
};
const rss = (s: Server) => (s.child.pid ? processTreeRssBytes(s.child.pid) : 0);

interface StepReply {
  seq: number;
  missing: number;
  latencies: number[];
}
interface AnswerReply {
  ack: { count: number; p50: number; p95: number; p99: number; max: number };
  statuses: Record<string, number>;
  firstError?: string;
  resendStatuses: Record<string, number>;
  tallyAfterLastAckMs: number;
  roundMs: number;
}

/** `label` names the entries: `live.<n>.*` on SQLite, `live.postgres.<n>.*` on PostgreSQL. */
export async function liveSuite(b: Bench, db: DbConfig, label = "live"): Promise<Entry[]> {
  const { app, base } = b;
  const facilitator = await signUpAndIn(app.origin, 9000, "facilitator");
  const worker = startWorker(b.tmp);
  const handle = createDb(db);
  const out: Entry[] = [];
  const { quiz } = b.content;
  // One step per quiz question (each `add` is one change every phone receives), at most 5.
  const steps = quiz.questions.slice(0, b.quick ? 3 : 5);
  try {
    for (const n of b.quick ? [100, 500] : [100, 500, 1000]) {
      const created = await fetch(`${app.origin}/api/live`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: facilitator.cookie },
        body: JSON.stringify({ locale: b.content.locale, courseId: b.content.courseId }),
      });
      if (created.status !== 200 && created.status !== 201) throw new Error(`POST /api/live answered ${created.status}: ${await created.text()}`);
      const session = (await created.json()) as { id: string; code: string };
      const g = `app-${n}`;
      const joined = await worker.send<{ statuses: Record<string, number>; ms: number }>({ cmd: "join", group: g, origin: app.origin, code: session.code, count: n });
      if (joined.statuses["200"] !== n) throw new Error(`${label}/${n}: joins answered ${JSON.stringify(joined.statuses)}`);

      // Memory: the server's RSS with N streams open minus with none (phones joined), over N. RSS
      // moves with the collector, so the streams are opened and closed a few times and the median
      // difference is taken; the last opening stays for the steps.
      await worker.send({ cmd: "clients", group: `base-${n}`, count: n, cookie: "" });
      // Heap: what the server's processes hold after a full collection (bench/lib/heap-probe.mjs),
      // with the streams open minus without, over N: what a connection retains, without the
      // collector's timing in it.
      const perPhone = { app: [] as number[], base: [] as number[] };
      const heapPerPhone = { app: [] as number[], base: [] as number[] };
      const cycles = b.quick ? 2 : 3;
      for (let c = 0; c < cycles; c++) {
        for (const who of ["app", "base"] as const) {
          const [server, group, url] = who === "app" ? [app, g, `${app.origin}/api/live/${session.id}/events?view=participant`] : [base, `base-${n}`, `${base.origin}/api/sse`];
          await sleep(1500);
          const heapNone = await processTreeHeapBytes(server);
          const none = rss(server);
          await worker.send({ cmd: "open", group, url, firstEvent: who === "app" });
          await sleep(1500);
          perPhone[who].push((rss(server) - none) / n);
          heapPerPhone[who].push(((await processTreeHeapBytes(server)) - heapNone) / n);
          if (c < cycles - 1) await worker.send({ cmd: "close", group, keep: true });
        }
      }
      await worker.send({ cmd: "clients", group: `proj-${n}`, count: 1, cookie: facilitator.cookie });
      await worker.send({ cmd: "open", group: `proj-${n}`, url: `${app.origin}/api/live/${session.id}/events?view=projector`, firstEvent: true });
      const kb = (xs: number[]) => xs.map((x) => (x / 1024).toFixed(1)).join(", ");
      console.log(`${label}/${n}: ${n} phones joined in ${(joined.ms / 1000).toFixed(1)} s; memory per phone (RSS) app ${kb(perPhone.app)} KB, bare ${kb(perPhone.base)} KB; heap after GC app ${kb(heapPerPhone.app)} KB, bare ${kb(heapPerPhone.base)} KB`);

      // Step delivery: the app's steps and the bare broadcasts, alternating which goes first.
      const lat = { app: [] as number[], base: [] as number[] };
      const cpu = { app: [] as number[], base: [] as number[] };
      let missing = 0;
      for (let k = 0; k < steps.length; k++) {
        const order = k % 2 ? (["base", "app"] as const) : (["app", "base"] as const);
        for (const who of order) {
          const server = who === "app" ? app : base;
          const cpu0 = server.cpuMs();
          const r =
            who === "app"
              ? await worker.send<StepReply>({ cmd: "step", group: g, url: `${app.origin}/api/live/${session.id}/control`, cookie: facilitator.cookie, body: { type: "add", step: { kind: "question", lesson: quiz.lessonId, question: steps[k].id } }, timeoutMs: 30_000 })
              : await worker.send<StepReply>({ cmd: "step", group: `base-${n}`, url: `${base.origin}/api/sse/broadcast`, cookie: "", body: {}, timeoutMs: 30_000 });
          cpu[who].push(((server.cpuMs() - cpu0) * 1000) / Math.max(1, r.latencies.length));
          lat[who].push(...r.latencies);
          if (who === "app") missing += r.missing;
          else if (r.missing) console.log(`  warning: ${label}/${n}: ${r.missing} bare clients missed broadcast ${r.seq}`);
          await sleep(300);
        }
      }
      console.log(`${label}/${n}: step p99 app ${quantile(lat.app, 0.99).toFixed(1)} ms, bare ${quantile(lat.base, 0.99).toFixed(1)} ms over ${steps.length} steps`);

      // Answers: every phone answers the last step's question within 10 s.
      const view = await worker.send<{ step?: { round?: string } } | null>({ cmd: "last", group: g });
      const round = view?.step?.round;
      if (!round) throw new Error(`${label}/${n}: the phone's view has no round: ${JSON.stringify(view).slice(0, 300)}`);
      const a = await worker.send<AnswerReply>({ cmd: "answer", group: g, projector: `proj-${n}`, origin: app.origin, sessionId: session.id, round, chosen: steps.at(-1)!.chosen, windowMs: 10_000, resend: 20 });
      const stored = Number(
        (await handle.db.selectFrom("live_answers").where("session_id", "=", session.id).where("round", "=", round).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n,
      );
      if (a.firstError) console.log(`  warning: ${label}/${n}: answers answered ${JSON.stringify(a.statuses)}: ${a.firstError}`);
      console.log(`${label}/${n}: answers ack p99 ${a.ack.p99.toFixed(1)} ms; ${stored} stored of ${n}; resends ${JSON.stringify(a.resendStatuses)}; projector tally ${a.tallyAfterLastAckMs.toFixed(0)} ms after the last ack`);

      for (const grp of [g, `proj-${n}`, `base-${n}`]) await worker.send({ cmd: "close", group: grp });
      await fetch(`${app.origin}/api/live/${session.id}/control`, { method: "POST", headers: { "content-type": "application/json", cookie: facilitator.cookie }, body: JSON.stringify({ type: "end" }) }).then((r) => r.arrayBuffer());

      const e = `${label}.${n}`;
      const stepTarget = (q: string) => (q === "p99" ? (n === 500 ? "value <= 40" : "ratio <= 1.25") : null);
      for (const [q, p] of [["p50", 0.5], ["p95", 0.95], ["p99", 0.99]] as const) out.push(entry(`${e}.step_delivery.${q}`, quantile(lat.app, p), "ms", quantile(lat.base, p), stepTarget(q)));
      // At 500 phones both step targets apply: the ratio gets its own line.
      if (n === 500) out.push(entry(`${e}.step_delivery.p99_vs_bare`, quantile(lat.app, 0.99), "ms", quantile(lat.base, 0.99), "ratio <= 1.25"));
      out.push(entry(`${e}.step_delivery.missed`, missing, "count", null, "value <= 0"));
      out.push(entry(`${e}.cpu_per_event`, median(cpu.app), "us", median(cpu.base)));
      out.push(entry(`${e}.answer_ack.p50`, a.ack.p50, "ms"));
      out.push(entry(`${e}.answer_ack.p99`, a.ack.p99, "ms", null, n === 500 ? "value <= 100" : n === 1000 ? "value <= 250" : null));
      out.push(entry(`${e}.answers_stored_vs_phones`, stored / n, "ratio", null, "value <= 1"));
      out.push(entry(`${e}.answers_missing`, n - Math.min(stored, a.statuses["200"] ?? 0), "count", null, "value <= 0"));
      out.push(entry(`${e}.projector_tally_after_last_ack`, a.tallyAfterLastAckMs, "ms"));
      out.push(entry(`${e}.memory_per_phone`, median(perPhone.app), "bytes", median(perPhone.base), "value < 65536"));
      // Next.js itself holds ~70-80 KB per open streamed response (bench/README.md, suite 6), so
      // the app's target is a ratio to the bare route's, measured after a full collection.
      out.push(entry(`${e}.heap_per_phone`, median(heapPerPhone.app), "bytes", median(heapPerPhone.base), "ratio <= 1.1"));
    }
    return out;
  } finally {
    worker.stop();
    await handle.close();
  }
}
