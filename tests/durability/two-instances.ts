// Two `next start` instances of the build on one PostgreSQL database (issue #24): the facilitator
// and the projector on instance A, the phones on instance B. A step taken on A reaches the phones'
// streams on B (LISTEN/NOTIFY, ids only, the view read from the database); the tally of answers
// sent to B reaches the projector on A; a step taken from B (the facilitator moved to another
// device) reaches the projector on A; and after both instances' LISTEN connections are killed,
// a step taken at that moment still reaches every stream (the hub reconnects and re-reads).
//
//   npm run test:two-instances     (needs `npm run build`; TEST_DATABASE_URL or the local
//                                   postgres://postgres@127.0.0.1:5432/test; a fresh database)
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Learner } from "./client";
import { assertBuilt, freePort, Server } from "./server";
import { Browser, EventStream, type LiveEvent } from "./sse";
import { postgresStore } from "./stores";
import { loadActivities } from "./workload";

const PHONES = 20;

interface View {
  seq: number;
  phase: string;
  step: { key: string; round?: string };
  answered?: number;
  reveal?: { answered: number; counts: Record<string, number> };
  answer?: string[] | null;
}

const isView = (seq: number) => (e: LiveEvent<View>) => e.event === "view" && e.data.seq >= seq;

async function main() {
  assertBuilt();
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cg-two-instances-"));
  const store = await postgresStore(adminUrl, path.join(work, "data"));
  // Both instances share the database and the secret (a session cookie of A is valid on B); each
  // keeps its own data directory, as separate machines would.
  const env = (dir: string) => ({ ...store.serverEnv, DATA_DIR: path.join(work, dir), LOG_SILENT: "1" });
  const a = new Server({ port: await freePort(), env: env("a"), logFile: path.join(work, "a.log"), startTimeoutMs: 180_000 });
  const b = new Server({ port: await freePort(), env: env("b"), logFile: path.join(work, "b.log"), startTimeoutMs: 180_000 });
  const streams: EventStream<View>[] = [];
  const steps: string[] = [];
  let failed = false;
  const started = Date.now();
  try {
    // One after the other: the first migrates the database, the second finds it migrated.
    await a.start();
    await b.start();
    // The facilitator's browser talks to A until they move to a device that B serves.
    let facilitatorAt = a.url;
    const facilitator = new Learner(() => facilitatorAt);
    await facilitator.signUpAndIn("facilitator");
    const activity = loadActivities().find((x) => x.quiz.questions.filter((q) => q.type === "single").length >= 2);
    if (!activity) throw new Error("no lesson quiz with two single-choice questions");
    const [q1, q2] = activity.quiz.questions.filter((q) => q.type === "single");
    const created = await facilitator.request("/api/live", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale: activity.locale, courseId: activity.courseId }) });
    if (created.status !== 200 && created.status !== 201) throw new Error(`POST /api/live on A answered ${created.status}: ${await created.text()}`);
    const session = (await created.json()) as { id: string; code: string };
    const base = `/api/live/${session.id}`;
    const control = async (via: Learner, action: unknown): Promise<number> => {
      const res = await via.request(`${base}/control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(action) });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`control ${JSON.stringify(action)} answered ${res.status}: ${text}`);
      return (JSON.parse(text) as { seq: number }).seq;
    };

    const phones = Array.from({ length: PHONES }, (_, i) => new Browser(() => b.url, `198.19.0.${i + 1}`));
    for (const [i, p] of phones.entries()) await p.post("/api/live/join", { code: session.code, nickname: `Phone ${i + 1}` });
    const projector = new EventStream<View>(facilitator, `${base}/events?view=projector`);
    const phoneStreams = phones.map((p) => new EventStream<View>(p, `${base}/events?view=participant`));
    streams.push(projector, ...phoneStreams);
    await projector.waitFor(isView(0), "the projector's first view on A");
    await Promise.all(phoneStreams.map((s) => s.waitFor(isView(0), "a phone's first view on B")));

    // 1. A step on A reaches every phone on B.
    const s1 = await control(facilitator, { type: "add", step: { kind: "question", lesson: activity.lessonId, question: q1.id } });
    const seen = await Promise.all(phoneStreams.map((s) => s.waitFor(isView(s1), `seq ${s1} (a step taken on A) on a phone on B`)));
    const round = seen[0].data.step.round;
    if (!round || seen.some((e) => e.data.seq !== s1 || e.data.step.round !== round)) throw new Error(`the phones on B got ${JSON.stringify(seen.map((e) => [e.data.seq, e.data.step.round]))}, expected seq ${s1} round ${round}`);
    steps.push(`step on A (seq ${s1}) reached ${PHONES} phones on B`);

    // 2. Answers sent to B: the projector on A counts them all.
    await Promise.all(phones.map((p, i) => p.post(`${base}/answers`, { id: crypto.randomUUID(), round, chosen: [q1.options[i % q1.options.length].id] })));
    await projector.waitFor((e) => e.event === "view" && e.data.seq === s1 && e.data.answered === PHONES, `the projector on A to count ${PHONES} answers sent to B`);
    steps.push(`tally of ${PHONES} answers on B reached the projector on A`);

    // 3. The facilitator moves to a device served by B: the reveal taken there reaches A's projector.
    facilitatorAt = b.url;
    const s2 = await control(facilitator, { type: "reveal" });
    facilitatorAt = a.url;
    const revealed = await projector.waitFor(isView(s2), `seq ${s2} (a reveal taken on B) on the projector on A`);
    const total = Object.values(revealed.data.reveal?.counts ?? {}).reduce((x, y) => x + y, 0);
    if (revealed.data.phase !== "revealed" || total !== PHONES) throw new Error(`the projector's reveal on A: ${JSON.stringify(revealed.data).slice(0, 300)}`);
    await Promise.all(phoneStreams.map((s) => s.waitFor(isView(s2), `seq ${s2} on a phone on B`)));
    steps.push(`reveal on B (seq ${s2}) reached the projector on A and the phones on B`);

    // 4. Both instances lose their LISTEN connection; a step taken at once still reaches everyone.
    const dbUrl = store.serverEnv.DATABASE_URL;
    const admin = new pg.Client({ connectionString: dbUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ killed: boolean }>(
        "select pg_terminate_backend(pid) as killed from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN %'",
      );
      if (rows.length !== 2 || !rows.every((r) => r.killed)) throw new Error(`expected one LISTEN connection per instance, terminated ${rows.length}`);
    } finally {
      await admin.end();
    }
    const s3 = await control(facilitator, { type: "add", step: { kind: "question", lesson: activity.lessonId, question: q2.id } });
    await Promise.all(phoneStreams.map((s) => s.waitFor(isView(s3), `seq ${s3} on a phone on B after the LISTEN connections were killed`)));
    await projector.waitFor(isView(s3), `seq ${s3} on the projector on A`);
    steps.push(`after both LISTEN connections were terminated, a step on A (seq ${s3}) reached every stream`);
    await control(facilitator, { type: "end" });
  } catch (e) {
    failed = true;
    console.error(`two instances: FAILED\n${(e as Error).stack ?? e}\n--- A (tail):\n${a.logTail()}\n--- B (tail):\n${b.logTail()}`);
  } finally {
    await Promise.all(streams.map((s) => s.close()));
    await a.kill();
    await b.kill();
    await store.dispose(failed);
  }
  for (const s of steps) console.log(`  ${s}`);
  if (failed) {
    console.error(`(logs kept in ${work})`);
    process.exitCode = 1;
  } else {
    fs.rmSync(work, { recursive: true, force: true });
    console.log(`two instances on PostgreSQL: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
