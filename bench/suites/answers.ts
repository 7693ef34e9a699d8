// Suite 3: POST /api/progress/answers from many signed-in learners, at fixed rates (latency) and
// unthrottled (throughput), against a bare route handler doing the one INSERT the answer needs.
import crypto from "node:crypto";
import { createDb, type DbConfig } from "../../lib/db/client";
import { runLoad, type AnswerPlan, type LoadResult } from "../lib/load";
import { CookieJar } from "../lib/http";
import { processTreePgQueries, type Server } from "../lib/proc";
import { entry, median, type Entry } from "../lib/results";
import type { Bench } from "../run";

const PASSWORD = "river lamp orchard 7";

interface Learner {
  userId: string;
  cookie: string;
}

export async function signUpAndIn(origin: string, n: number, role: "learner" | "facilitator" = "learner"): Promise<Learner> {
  const email = `bench-${n}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const signUp = await fetch(`${origin}/api/account`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, displayName: `Bench learner ${n}`, ...(role === "learner" ? {} : { role }) }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const { id } = (await signUp.json()) as { id: string };

  // As e2e/fixtures.ts signInApi does: next-auth's CSRF token, then the credentials callback.
  const jar = new CookieJar();
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  jar.take(signIn);
  await signIn.arrayBuffer();
  const session = (await (await fetch(`${origin}/api/auth/session`, { headers: { cookie: jar.header() } })).json()) as { user?: { id?: string } };
  if (session.user?.id !== id) throw new Error(`sign-in of learner ${n} failed (status ${signIn.status})`);
  return { userId: id, cookie: jar.header() };
}

async function makeLearners(origin: string, count: number): Promise<Learner[]> {
  const out: Learner[] = [];
  // A few at a time: each sign-up and sign-in hashes a password with argon2 on the server core.
  for (let i = 0; i < count; i += 5) out.push(...(await Promise.all(Array.from({ length: Math.min(5, count - i) }, (_, k) => signUpAndIn(origin, i + k)))));
  return out;
}

export interface AnswerTarget {
  engine: "sqlite" | "postgres";
  app: Server;
  base: Server;
  db: DbConfig;
}

export async function answersSuite(b: Bench, t: AnswerTarget): Promise<Entry[]> {
  const learnerCount = 50;
  const t0 = Date.now();
  const learners = await makeLearners(t.app.origin, learnerCount);
  console.log(`answers/${t.engine}: ${learnerCount} learners signed up and signed in in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const { quiz } = b.content;
  // One open attempt per learner for the baseline, made directly in the database (the bare handler only inserts answers).
  const handle = createDb(t.db);
  const baseAttempts = learners.map(() => crypto.randomUUID());
  await handle.db
    .insertInto("quiz_attempts")
    .values(learners.map((l, i) => ({ id: baseAttempts[i], user_id: l.userId, course_id: b.content.courseId, lesson_id: quiz.lessonId, quiz_id: quiz.quizId, started_at: new Date().toISOString(), finished_at: null, score: null, source: "app" })))
    .execute();
  const countRows = async () => Number((await handle.db.selectFrom("quiz_responses").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  const plan = (mode: AnswerPlan["mode"]): AnswerPlan => ({
    mode,
    learners: learners.map((l, i) => ({ cookie: l.cookie, userId: l.userId, ...(mode === "baseline" ? { attemptId: baseAttempts[i] } : {}) })),
    locale: b.content.locale,
    courseId: b.content.courseId,
    lessonId: quiz.lessonId,
    questions: quiz.questions,
  });
  const plans = { app: plan("app"), base: plan("baseline") };
  const servers = { app: { server: t.app, path: "/api/progress/answers" }, base: { server: t.base, path: "/api/answers" } };

  try {
    // The first answer a server takes loads the course content and the route's code: 2 to 10 s
    // on this shared machine (9.9 s at load 13), longer than the sanity check's run below waits
    // for one request. One answer each, untimed, first.
    const [first] = learners;
    const q0 = quiz.questions[0];
    const warmBodies = {
      app: { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: b.content.locale, courseId: b.content.courseId, lessonId: quiz.lessonId, questionId: q0.id, chosen: q0.chosen },
      base: { id: crypto.randomUUID(), attemptId: baseAttempts[0], userId: first.userId, questionId: `bench-${crypto.randomUUID()}`, chosen: q0.chosen },
    };
    for (const who of ["app", "base"] as const) {
      const res = await fetch(servers[who].server.origin + servers[who].path, { method: "POST", headers: { "content-type": "application/json", cookie: first.cookie }, body: JSON.stringify(warmBodies[who]) });
      if (!res.ok) throw new Error(`answers/${t.engine}: the first answer to ${who} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
    // Sanity: one request to each stores one row, so the load below measures real inserts.
    for (const who of ["app", "base"] as const) {
      const before = await countRows();
      const r = await runLoad({ url: servers[who].server.origin, path: servers[who].path, method: "POST", connections: 1, durationS: 5, rate: 2, answers: plans[who] });
      const after = await countRows();
      // A request still in flight when the run stops may be stored without being counted.
      if (r.ok === 0 || r.non2xx > 0 || after - before < r.ok || after - before > r.sent) {
        throw new Error(`answers/${t.engine}: sanity check of ${who} failed: ${r.ok} acknowledged, ${after - before} rows stored, statuses ${JSON.stringify(r.statuses)} ${r.firstError ?? ""}`);
      }
    }

    // 3 s of unthrottled warm-up in quick runs too: after 1 s the app's code was still being
    // compiled (a quick run at load 6 to 11 had PostgreSQL at 0.61 of the bare handler with 1.70
    // of its CPU per answer, a full one at load 20 at 1.02 and 1.00; bench/README.md).
    const { rounds, seconds, warmup } = b.quick ? { rounds: 2, seconds: 3, warmup: 3 } : { rounds: 3, seconds: 10, warmup: 3 };
    for (const who of ["app", "base"] as const) await runLoad({ url: servers[who].server.origin, path: servers[who].path, method: "POST", connections: 10, durationS: warmup, answers: plans[who] });
    // A rate both servers keep up with: 0.8 of what the bare handler answers unthrottled once warm
    // (3 s more, after the warm-up; during the warm-up it answered 40 % of that). At 500/s neither
    // kept up on this machine (7 December: PostgreSQL's bare handler 499 a second, the app 388),
    // so that p99 measures two queues; this one measures the requests.
    const calibration = await runLoad({ url: servers.base.server.origin, path: servers.base.path, method: "POST", connections: 10, durationS: 3, answers: plans.base });
    const sustained = Math.max(10, Math.round((0.8 * calibration.rps) / 10) * 10);
    console.log(`answers/${t.engine}: the bare handler answered ${calibration.rps.toFixed(0)} a second unthrottled; sustained rate ${sustained}/s`);

    type Scenario = { who: "app" | "base"; load: "200" | "500" | "sustained" | "max" };
    const scenarios: Scenario[] = (["200", "500", "sustained", "max"] as const).flatMap((load) => (["app", "base"] as const).map((who) => ({ who, load })));
    const results = new Map<string, LoadResult[]>();
    /** Server CPU µs per acknowledged answer in the unthrottled runs. */
    const cpuPerAnswer = { app: [] as number[], base: [] as number[] };
    /** PostgreSQL: queries sent and answers acknowledged in the unthrottled runs (bench/lib/heap-probe.mjs counts). */
    const pgQueries = { app: { queries: 0, answers: 0 }, base: { queries: 0, answers: 0 } };
    let failed = 0;
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < scenarios.length; k++) {
        const s = scenarios[(r + k) % scenarios.length];
        const rate = s.load === "max" ? undefined : s.load === "sustained" ? sustained : Number(s.load);
        const queriesBefore = s.load === "max" && t.engine === "postgres" ? await processTreePgQueries(servers[s.who].server) : 0;
        const cpuBefore = servers[s.who].server.cpuMs();
        const res = await runLoad({
          url: servers[s.who].server.origin,
          path: servers[s.who].path,
          method: "POST",
          // At a fixed rate, enough connections that a slow answer never holds the next one back;
          // unthrottled, enough to keep a one-thread server busy.
          connections: rate ? 50 : 10,
          durationS: seconds,
          rate,
          answers: plans[s.who],
        });
        if (s.who === "app") failed += res.non2xx + res.errors + res.timeouts;
        const key = `${s.who}.${s.load}`;
        results.set(key, [...(results.get(key) ?? []), res]);
        if (s.load === "max") cpuPerAnswer[s.who].push(((servers[s.who].server.cpuMs() - cpuBefore) * 1000) / Math.max(1, res.ok));
        if (s.load === "max" && t.engine === "postgres") {
          // A request still in flight when the run stops counts its queries but not its answer: a few in thousands.
          pgQueries[s.who].queries += (await processTreePgQueries(servers[s.who].server)) - queriesBefore;
          pgQueries[s.who].answers += res.ok;
        }
      }
      // A run with no answer at all has no latencies (null in the worker's JSON).
      const m = (key: string, f: (x: LoadResult) => number | null) => (f(results.get(key)!.at(-1)!) ?? NaN).toFixed(1);
      console.log(
        `answers/${t.engine}: round ${r + 1}/${rounds}: p99 at 200/s app ${m("app.200", (x) => x.latency.p99)} bare ${m("base.200", (x) => x.latency.p99)} ms; ` +
          `at 500/s app ${m("app.500", (x) => x.latency.p99)} bare ${m("base.500", (x) => x.latency.p99)} ms; ` +
          `at ${sustained}/s app ${m("app.sustained", (x) => x.latency.p99)} bare ${m("base.sustained", (x) => x.latency.p99)} ms; max app ${m("app.max", (x) => x.rps)} bare ${m("base.max", (x) => x.rps)} req/s`,
      );
    }
    const med = (key: string, f: (x: LoadResult) => number) => median(results.get(key)!.map(f));
    const e = `answers.${t.engine}`;
    const out: Entry[] = [];
    for (const load of ["200", "500"] as const) {
      out.push(entry(`${e}.${load}rps.p50`, med(`app.${load}`, (x) => x.latency.p50), "ms", med(`base.${load}`, (x) => x.latency.p50)));
      // Issue #26: at 500/s, p99 at most 1.1 x the bare handler's in the same run (the absolute
      // 50 ms measured the machine more than the app: both servers queue on one shared core).
      out.push(entry(`${e}.${load}rps.p99`, med(`app.${load}`, (x) => x.latency.p99), "ms", med(`base.${load}`, (x) => x.latency.p99), load === "500" ? "ratio <= 1.1" : null));
      out.push(entry(`${e}.${load}rps.achieved`, med(`app.${load}`, (x) => x.rps), "rps", med(`base.${load}`, (x) => x.rps)));
    }
    // Proposed on 7 December (evening) as the nearest honest form of the 500/s target: p99 at a
    // rate both sustain at most 1.25 x the bare handler's (bench/README.md, suite 3).
    out.push(entry(`${e}.sustained.rate`, sustained, "rps"));
    out.push(entry(`${e}.sustained.p50`, med("app.sustained", (x) => x.latency.p50), "ms", med("base.sustained", (x) => x.latency.p50)));
    out.push(entry(`${e}.sustained.p99`, med("app.sustained", (x) => x.latency.p99), "ms", med("base.sustained", (x) => x.latency.p99), "ratio <= 1.25"));
    out.push(entry(`${e}.sustained.achieved`, med("app.sustained", (x) => x.rps), "rps", med("base.sustained", (x) => x.rps)));
    out.push(entry(`${e}.max.rps`, med("app.max", (x) => x.rps), "rps", med("base.max", (x) => x.rps), "ratio >= 0.8"));
    // The same comparison as server CPU per answer (lower is better; 0.8 of the bare handler's
    // throughput is about 1.25 of its CPU per answer), steadier on a shared machine.
    out.push(entry(`${e}.cpu_per_answer`, median(cpuPerAnswer.app), "us", median(cpuPerAnswer.base)));
    if (t.engine === "postgres") {
      const per = (w: "app" | "base") => pgQueries[w].queries / Math.max(1, pgQueries[w].answers);
      console.log(`answers/${t.engine}: ${per("app").toFixed(2)} queries to PostgreSQL per answer (bare handler ${per("base").toFixed(2)})`);
      out.push(entry(`${e}.queries_per_answer`, per("app"), "count", per("base")));
    }
    out.push(entry(`${e}.failed_requests`, failed, "count", null, "value <= 0"));
    return out;
  } finally {
    await handle.close();
  }
}
