// npm run bench:reports — how long the facilitator reports (roster grid, item analysis, learning
// gain) take for a cohort of 30, 100 and 500 learners, on SQLite (always) and PostgreSQL (when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set). Each report is compared with a baseline
// measured in the same run on the same data: a bare count of the cohort's quiz responses, the
// floor for any report that touches them. Not a test: nothing here asserts on wall-clock time.
//
// Knobs (environment): BENCH_SIZES=30,100,500  BENCH_WARMUP=5  BENCH_RUNS=50  BENCH_KEEP=1 (keep the
// seeded databases for EXPLAIN).
// Results: a table on stdout and bench/results/reports.json (see bench/README.md). `npm run bench`
// (bench/run.ts) calls runReports() and puts the same entries in bench/results/latest.json.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { sql, type Insertable, type Kysely } from "kysely";
import { createDb, migrateToLatest, writeTx, type Db } from "../lib/db/client";
import type { Database, QuizAttemptsTable, QuizResponsesTable, LessonCompletionsTable, UsersTable, CohortMembersTable } from "../lib/db/schema";
import type { SessionUser } from "../lib/auth/accounts";
import { getForms, getCourses, getQuiz } from "../lib/content";
import { gradeAnswer } from "../lib/quiz/grade";
import { encodeAnswerSummary } from "../lib/progress/answer-summary";
import type { Question, Quiz } from "../lib/quiz/types";
import { createCohort } from "../lib/cohorts/mutations";
import { itemAnalysis, learningGain, rosterGrid } from "../lib/cohorts/reports";
import { entry, writeResults, type Entry } from "./lib/results";
import { pick, rng, type Random } from "../lib/testing/random";

const ROOT = path.resolve(__dirname, "..");
process.chdir(ROOT); // lib/content reads content/ from the working directory
process.env.LOG_SILENT ??= "1";

const intList = (v: string | undefined, d: number[]) => (v ? v.split(",").map((s) => Number.parseInt(s.trim(), 10)).filter((n) => n > 0) : d);
/** Defaults from the environment; runReports() takes overrides (quick mode). */
const DEFAULTS = {
  sizes: intList(process.env.BENCH_SIZES, [30, 100, 500]),
  warmup: intList(process.env.BENCH_WARMUP, [5])[0] ?? 5,
  runs: intList(process.env.BENCH_RUNS, [50])[0] ?? 50,
  pgUrl: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "",
};
/** BENCH_KEEP=1 keeps the seeded SQLite file and PostgreSQL schema for EXPLAIN (and says where). */
const KEEP = process.env.BENCH_KEEP === "1";
/** What to undo on exit or Ctrl-C: temp directories, PostgreSQL schemas. */
const cleanups: (() => Promise<void>)[] = [];
let interrupted = false;
const LOCALE = "en";
// A plan that covers every lesson: the seed completes them all, and the reports cover only the
// lessons of the group's plan (lib/cohorts/plan.ts), so a workshop plan would leave module 6 out.
const TRACK = "self-paced";
/** A fixed, syntactically plausible argon2id hash: nobody signs in during the benchmark. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2htYXJrLXNlZWQ$0000000000000000000000000000000000000000000";
/** Rows per multi-row INSERT: at most 11 columns, so well under SQLite's 32766 and PostgreSQL's 65535 parameters. */
const CHUNK = 500;
const SEEDED_TABLES = ["users", "cohorts", "cohort_members", "quiz_attempts", "quiz_responses", "lesson_completions"] as const;
/** Learners per write transaction while seeding. */
const LEARNERS_PER_TX = 100;

// ---------------------------------------------------------------------------------------------
// Content: the real course, its lesson quizzes and the two check forms.

const course = getCourses(LOCALE)[0];
if (!course) throw new Error(`no course in content/${LOCALE}`);
const lessons = course.modules.flatMap((m) => m.lessons);
const lessonQuizzes = lessons.flatMap((l) => {
  const quiz = l.quizId ? getQuiz(LOCALE, course.id, l.quizId) : undefined;
  return quiz ? [{ activity: l.id, quiz }] : [];
});
const quizOf = new Map(lessonQuizzes.map((x) => [x.activity, x.quiz]));
const forms = getForms(LOCALE, course.id);
if (!forms.a || !forms.b) throw new Error(`course ${course.id} has no check forms`);
const FORM_A = forms.a;
const FORM_B = forms.b;

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers (lib/testing/random.ts), so every run seeds the same answers.
type Rand = Random;

/** A wrong (or partly wrong) answer of the right shape for the question type. */
function wrongAnswer(q: Question, rand: Rand): string[] {
  switch (q.type) {
    case "sort": {
      // One item in another pile.
      const k = Math.floor(rand() * q.correct.length);
      return q.correct.map((c, i) => {
        if (i !== k) return c;
        const [item, pile] = c.split(":");
        const others = (q.categories ?? []).filter((p) => p.id !== pile);
        return others.length ? `${item}:${pick(rand, others).id}` : c;
      });
    }
    case "discern": {
      // One post judged the other way (a miss or a false alarm).
      const flip = pick(rand, q.options).id;
      const flagged = new Set(q.correct);
      if (flagged.has(flip)) flagged.delete(flip);
      else flagged.add(flip);
      return q.options.map((o) => o.id).filter((id) => flagged.has(id));
    }
    case "multiple": {
      // Any non-empty set of options that is not exactly the right one.
      const right = [...q.correct].sort().join();
      for (;;) {
        const chosen = q.options.filter(() => rand() < 0.5).map((o) => o.id);
        if (chosen.length && chosen.slice().sort().join() !== right) return chosen;
      }
    }
    default: {
      const wrong = q.options.filter((o) => !q.correct.includes(o.id));
      return wrong.length ? [pick(rand, wrong).id] : q.correct;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Seeding: users, one cohort with its owner, completions, attempts and responses.

const FIRST = ["Ada", "Bilal", "Chen", "Dana", "Emeka", "Fatima", "Gabriel", "Hana", "Ivan", "Jamila", "Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quinn", "Rosa", "Samir", "Tomasz", "Uma", "Viktor", "Wen", "Yusuf", "Zara"];
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

interface Rows {
  users: Insertable<UsersTable>[];
  members: Insertable<CohortMembersTable>[];
  attempts: Insertable<QuizAttemptsTable>[];
  responses: Insertable<QuizResponsesTable>[];
  completions: Insertable<LessonCompletionsTable>[];
}
const emptyRows = (): Rows => ({ users: [], members: [], attempts: [], responses: [], completions: [] });

function takeQuiz(rows: Rows, userId: string, activity: string, quiz: Quiz, pCorrect: number, startMs: number, rand: Rand): number {
  const attemptId = crypto.randomUUID();
  let t = startMs;
  let total = 0;
  const responses: Insertable<QuizResponsesTable>[] = [];
  for (const q of quiz.questions) {
    t += 20_000 + Math.floor(rand() * 60_000);
    const chosen = rand() < pCorrect ? q.correct : wrongAnswer(q, rand);
    const result = gradeAnswer(q, chosen);
    total += result.points;
    responses.push({
      id: crypto.randomUUID(),
      attempt_id: attemptId,
      user_id: userId,
      question_id: q.id,
      skill: q.skill,
      chosen: JSON.stringify(chosen),
      points: result.points,
      correct: result.verdict === "correct" ? 1 : 0,
      answered_at: iso(t),
    });
  }
  const finished = t + 5_000;
  // Finished as finishAttempt finishes it: the score and the summary of its answers.
  rows.attempts.push({
    id: attemptId,
    user_id: userId,
    course_id: course.id,
    lesson_id: activity,
    quiz_id: quiz.id,
    started_at: iso(startMs),
    finished_at: iso(finished),
    score: total / quiz.questions.length,
    source: "app",
    content_version: quiz.version ?? null,
    answer_summary: encodeAnswerSummary(responses),
  });
  rows.responses.push(...responses);
  return finished;
}

/** Everything one learner did: pre-assessment, every lesson (quiz + completion), post-assessment. */
function learnerRows(rows: Rows, cohortId: string, index: number, rand: Rand, startMs: number) {
  const id = crypto.randomUUID();
  const nickname = index % 3 === 2; // a third join with a nickname only, as in a workshop
  const name = `${pick(rand, FIRST)} ${String(index + 1).padStart(3, "0")}`;
  const created = startMs - DAY;
  rows.users.push({
    id,
    email: nickname ? null : `learner-${id.slice(0, 8)}@example.org`,
    display_name: name,
    password_hash: DUMMY_HASH,
    role: "learner",
    created_at: iso(created),
    login_name: nickname ? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id.slice(0, 6)}` : null,
    suspended_at: null,
  });
  rows.members.push({ cohort_id: cohortId, user_id: id, joined_at: iso(created + 60_000), pseudonymous: nickname ? 1 : 0 });

  const ability = 0.45 + 0.45 * rand(); // chance of answering a lesson question right
  // Counterbalanced as lib/experiments assigns: every other learner takes form B first.
  const [first, last] = index % 2 === 0 ? [FORM_A, FORM_B] : [FORM_B, FORM_A];
  takeQuiz(rows, id, "assessment-pre", first, Math.max(0.1, ability - 0.2), startMs, rand);
  lessons.forEach((lesson, k) => {
    // One lesson a day; the quiz (when the lesson has one) finishes it, as finishAttempt does.
    const at = startMs + (k + 1) * DAY + Math.floor(rand() * 3_600_000);
    const quiz = quizOf.get(lesson.id);
    const finished = quiz ? takeQuiz(rows, id, lesson.id, quiz, ability, at, rand) : at + 600_000;
    rows.completions.push({ user_id: id, course_id: course.id, lesson_id: lesson.id, completed_at: iso(finished) });
  });
  takeQuiz(rows, id, "assessment-post", last, Math.min(0.98, ability + 0.15), startMs + (lessons.length + 2) * DAY, rand);
}

function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function insertRows(trx: Kysely<Database>, rows: Rows) {
  // Parents before children: the foreign keys are enforced on both engines.
  for (const c of chunks(rows.users)) await trx.insertInto("users").values(c).execute();
  for (const c of chunks(rows.members)) await trx.insertInto("cohort_members").values(c).execute();
  for (const c of chunks(rows.attempts)) await trx.insertInto("quiz_attempts").values(c).execute();
  for (const c of chunks(rows.responses)) await trx.insertInto("quiz_responses").values(c).execute();
  for (const c of chunks(rows.completions)) await trx.insertInto("lesson_completions").values(c).execute();
}

interface Cohort {
  size: number;
  id: string;
  owner: SessionUser;
  responses: number;
}

async function seedCohort(handle: Db, size: number): Promise<Cohort> {
  const owner: SessionUser = { id: crypto.randomUUID(), role: "facilitator", displayName: `Facilitator ${size}` };
  await handle.db
    .insertInto("users")
    .values({ id: owner.id, email: `facilitator-${size}-${owner.id.slice(0, 8)}@example.org`, display_name: owner.displayName, password_hash: DUMMY_HASH, role: "facilitator", created_at: new Date().toISOString(), login_name: null, suspended_at: null })
    .execute();
  // The cohort itself goes through the real code path (join code, track -> course).
  const { id } = await createCohort(handle, owner, { name: `Bench cohort of ${size}`, kind: "workshop", locale: LOCALE, trackId: TRACK, coFacilitatorEmails: [] });
  const rand = rng(size * 7919 + 17);
  const start = Date.UTC(2025, 8, 1, 9, 0, 0);
  let responses = 0;
  for (let first = 0; first < size; first += LEARNERS_PER_TX) {
    const rows = emptyRows();
    for (let i = first; i < Math.min(size, first + LEARNERS_PER_TX); i++) learnerRows(rows, id, i, rand, start + Math.floor(rand() * 7) * DAY);
    responses += rows.responses.length;
    await writeTx(handle, (trx) => insertRows(trx, rows));
    await breathe();
  }
  return { size, id, owner, responses };
}

// ---------------------------------------------------------------------------------------------
// Timing.

type Op = "baseline" | "rosterGrid" | "itemAnalysis" | "learningGain";
const OPS: Op[] = ["baseline", "rosterGrid", "itemAnalysis", "learningGain"];
const REPORTS: Op[] = ["rosterGrid", "itemAnalysis", "learningGain"];

/** The floor: count the cohort's quiz responses, no joins to attempts, nothing sent back but one number. */
async function baseline(handle: Db, cohortId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from quiz_responses
      where user_id in (select user_id from cohort_members where cohort_id = ${cohortId})
  `.execute(handle.db);
  return Number(rows[0]?.n ?? 0);
}

function runner(handle: Db, c: Cohort): Record<Op, () => Promise<unknown>> {
  return {
    baseline: () => baseline(handle, c.id),
    rosterGrid: () => rosterGrid(handle, c.owner, c.id),
    itemAnalysis: () => itemAnalysis(handle, c.owner, c.id),
    learningGain: () => learningGain(handle, c.owner, c.id),
  };
}

/** Checks that the reports see the whole seeded cohort, so we never time an empty answer. */
async function sanityCheck(handle: Db, c: Cohort) {
  const counted = await baseline(handle, c.id);
  const grid = await rosterGrid(handle, c.owner, c.id);
  const items = await itemAnalysis(handle, c.owner, c.id);
  const gain = await learningGain(handle, c.owner, c.id);
  const answered = items.items.reduce((s, r) => s + r.answers, 0);
  const problems = [
    counted !== c.responses && `baseline counted ${counted} responses, seeded ${c.responses}`,
    grid.learners.length !== c.size && `roster has ${grid.learners.length} learners, expected ${c.size}`,
    grid.lessons.some((l) => l.completed !== c.size) && "roster: not every lesson completed by every learner",
    answered !== c.responses && `item analysis counted ${answered} answers, seeded ${c.responses}`,
    gain.n !== c.size && `learning gain over ${gain.n} learners, expected ${c.size}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`seeded data not seen as expected (cohort of ${c.size}):\n  ${problems.join("\n  ")}`);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

async function timeCohort(handle: Db, c: Cohort, WARMUP: number, RUNS: number): Promise<Record<Op, { p50: number; p99: number }>> {
  const ops = runner(handle, c);
  const samples: Record<Op, number[]> = { baseline: [], rosterGrid: [], itemAnalysis: [], learningGain: [] };
  for (let round = 0; round < WARMUP + RUNS; round++) {
    // Interleave: every round runs each operation once, in an order rotated round by round, so
    // a slow spell of the machine lands on all of them alike.
    for (let k = 0; k < OPS.length; k++) {
      if (interrupted) throw new Error("interrupted");
      const op = OPS[(round + k) % OPS.length];
      await breathe();
      const t0 = performance.now();
      await ops[op]();
      const ms = performance.now() - t0;
      if (round >= WARMUP) samples[op].push(ms);
    }
  }
  const out = {} as Record<Op, { p50: number; p99: number }>;
  for (const op of OPS) {
    const s = samples[op].sort((a, b) => a - b);
    out[op] = { p50: quantile(s, 0.5), p99: quantile(s, 0.99) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Engines.

/**
 * A run that was killed hard (tsx sends SIGKILL when a busy process does not answer Ctrl-C within
 * a few tens of milliseconds) leaves its temp directory or schema behind. The next run removes
 * them: temp directories whose process is gone (they hold its pid), schemas older than an hour
 * (their name holds the creation time; a run takes minutes). Kept ones (BENCH_KEEP=1) are named
 * differently and never swept.
 */
const STALE_MS = 3_600_000;
const PID_FILE = "bench.pid";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

function sweepStaleDirs() {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith("cg-bench-") || name.startsWith("cg-bench-kept-")) continue;
    const dir = path.join(tmp, name);
    let pid = NaN;
    try {
      pid = Number.parseInt(fs.readFileSync(path.join(dir, PID_FILE), "utf8"), 10);
    } catch {
      continue; // not ours, or still being created
    }
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
      fs.rmSync(dir, { recursive: true, force: true });
      console.log(`sqlite: removed ${dir}, left behind by an interrupted run`);
    }
  }
}

async function sweepStaleSchemas(admin: pg.Client) {
  const { rows } = await admin.query<{ nspname: string }>(`select nspname from pg_namespace where nspname ~ '^bench_[0-9]{10}_[0-9a-f]{8}$'`);
  for (const { nspname } of rows) {
    if (Date.now() - Number(nspname.split("_")[1]) * 1000 <= STALE_MS) continue;
    await admin.query(`drop schema if exists ${nspname} cascade`);
    console.log(`postgres: dropped schema ${nspname}, left behind by an interrupted run`);
  }
}

/** Lets the event loop turn (outside any timed section), so Ctrl-C is handled promptly. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Engine {
  name: "sqlite" | "postgres";
  open(): Promise<{ handle: Db; cleanup(): Promise<void> }>;
  /** After seeding: what the server would do by itself (PostgreSQL's autovacuum). */
  settle(handle: Db): Promise<void>;
}

function engines(PG_URL: string): Engine[] {
  const list: Engine[] = [
    {
      name: "sqlite",
      async open() {
        sweepStaleDirs();
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), KEEP ? "cg-bench-kept-" : "cg-bench-"));
        fs.writeFileSync(path.join(dir, PID_FILE), String(process.pid));
        const handle = createDb({ kind: "sqlite", file: path.join(dir, "bench.sqlite") });
        await migrateToLatest(handle);
        return {
          handle,
          async cleanup() {
            await handle.close();
            if (KEEP) console.log(`sqlite: kept ${path.join(dir, "bench.sqlite")} (delete it when done)`);
            else fs.rmSync(dir, { recursive: true, force: true });
          },
        };
      },
      // The app never runs ANALYZE on SQLite, so neither does the benchmark: plans as in production.
      async settle() {},
    },
  ];
  if (PG_URL) {
    list.push({
      name: "postgres",
      async open() {
        const schema = `${KEEP ? "bench_kept" : "bench"}_${Math.floor(Date.now() / 1000)}_${crypto.randomBytes(4).toString("hex")}`;
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        try {
          await sweepStaleSchemas(admin);
          await admin.query(`create schema ${schema}`);
        } finally {
          await admin.end();
        }
        const handle = createDb({ kind: "postgres", url: PG_URL, schema });
        const cleanup = async () => {
          await handle.close();
          if (KEEP) {
            console.log(`postgres: kept schema ${schema} (drop schema ${schema} cascade; when done)`);
            return;
          }
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`drop schema if exists ${schema} cascade`);
          await c.end();
        };
        try {
          await migrateToLatest(handle);
        } catch (e) {
          await cleanup();
          throw e;
        }
        return { handle, cleanup };
      },
      // Autovacuum would vacuum and analyse the freshly inserted tables within a minute; do it now,
      // for these tables only (the database may hold other schemas), so the plans are the steady
      // state ones. Without VACUUM the visibility map is empty and the planner avoids index-only scans.
      async settle(handle) {
        for (const table of SEEDED_TABLES) await sql`vacuum (analyze) ${sql.table(table)}`.execute(handle.db);
      },
    });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Targets and output.

/**
 * Targets for the largest cohort (see bench/README.md, "Facilitator reports: targets"): each report's
 * p50 within `p50` times the baseline's p50, and its p99 (the worst of the timed runs) within `p99`
 * times the same baseline p50. On an idle machine these come to about 85/140 ms (SQLite) and
 * 140/200 ms (PostgreSQL): a live facilitator view refreshes well under 250 ms. PostgreSQL's factors
 * are smaller because its baseline already pays a round trip. Smaller cohorts have no targets.
 */
export const REPORT_TARGETS = { learners: 500, sqlite: { p50: 15, p99: 25 }, postgres: { p50: 8, p99: 12 } };

function printTable(rows: string[][]) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  console.log(line(rows[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
}

/** Runs whatever cleanups are pending (temp directory, PostgreSQL schema), e.g. on Ctrl-C. */
export async function abortReports() {
  interrupted = true;
  await Promise.allSettled(cleanups.map((f) => f()));
}

export interface ReportsOptions {
  sizes?: number[];
  warmup?: number;
  runs?: number;
  /** PostgreSQL URL; empty: SQLite only. */
  pgUrl?: string;
  /** Print the per-report table (the CLI does; bench/run.ts prints one table of everything). */
  table?: boolean;
}

/** Seeds, checks and times the reports on every engine; returns the entries (see bench/README.md). */
export async function runReports(options: ReportsOptions = {}): Promise<Entry[]> {
  const SIZES = options.sizes ?? DEFAULTS.sizes;
  const WARMUP = options.warmup ?? DEFAULTS.warmup;
  const RUNS = options.runs ?? DEFAULTS.runs;
  const PG_URL = options.pgUrl ?? DEFAULTS.pgUrl;
  const questions = lessonQuizzes.reduce((s, x) => s + x.quiz.questions.length, 0);
  console.log(`Course "${course.id}" has ${lessons.length} lessons (the issue asked for 30; the course has ${lessons.length}, and the seed covers all of them).`);
  console.log(
    `Per learner: ${lessons.length} lesson completions, ${lessonQuizzes.length} finished lesson-quiz attempts (${questions} responses), ` +
      `pre and post assessments (${FORM_A.questions.length} + ${FORM_B.questions.length} responses): ${questions + FORM_A.questions.length + FORM_B.questions.length} responses in all.`,
  );
  console.log(`Cohorts of ${SIZES.join(", ")} learners share one database per engine. ${WARMUP} warm-up + ${RUNS} timed rounds, interleaving baseline and the three reports.`);
  if (!PG_URL) console.log("PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to include it.");
  const cores = os.cpus().length;
  const load = os.loadavg()[0];
  console.log(`Machine: ${cores} cores, load average ${load.toFixed(1)} (1 min).`);
  if (load > cores / 2) console.log(`Warning: the machine is busy (load ${load.toFixed(1)} on ${cores} cores); milliseconds will be inflated and noisy. Run nothing else meanwhile.`);
  console.log("");

  const table: string[][] = [["engine", "learners", "report", "p50 ms", "p99 ms", "baseline p50 ms", "ratio"]];
  const entries: Entry[] = [];

  for (const engine of engines(PG_URL)) {
    if (interrupted) break;
    const opened = await engine.open();
    const { handle } = opened;
    // Called from the finally below and maybe from the signal handler: both wait for the one cleanup.
    let closing: Promise<void> | undefined;
    const cleanup = () => (closing ??= opened.cleanup());
    cleanups.push(cleanup);
    try {
      const t0 = performance.now();
      const cohorts: Cohort[] = [];
      for (const size of SIZES) cohorts.push(await seedCohort(handle, size));
      await engine.settle(handle);
      const seedMs = performance.now() - t0;
      const total = cohorts.reduce((s, c) => s + c.responses, 0);
      console.log(`${engine.name}: seeded ${cohorts.reduce((s, c) => s + c.size, 0)} learners, ${total} quiz responses in ${(seedMs / 1000).toFixed(1)} s`);
      entries.push(entry(`reports.${engine.name}.seed`, Math.round(seedMs), "ms"));

      for (const c of cohorts) {
        if (interrupted) break;
        await sanityCheck(handle, c);
        const tc = performance.now();
        const result = await timeCohort(handle, c, WARMUP, RUNS);
        const base = result.baseline;
        console.log(`${engine.name}: timed the cohort of ${c.size} (${c.responses} responses) in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
        table.push([engine.name, String(c.size), "baseline", base.p50.toFixed(2), base.p99.toFixed(2), base.p50.toFixed(2), "1.0"]);
        for (const stat of ["p50", "p99"] as const) entries.push(entry(`reports.${engine.name}.${c.size}.baseline.${stat}`, base[stat], "ms"));
        const targeted = c.size === REPORT_TARGETS.learners;
        for (const op of REPORTS) {
          const r = result[op];
          table.push([engine.name, String(c.size), op, r.p50.toFixed(2), r.p99.toFixed(2), base.p50.toFixed(2), (r.p50 / base.p50).toFixed(1)]);
          // Both percentiles are compared with the baseline's p50: its p99 is the single slowest of the
          // runs, too noisy to divide by.
          const limit = REPORT_TARGETS[engine.name];
          entries.push(entry(`reports.${engine.name}.${c.size}.${op}.p50`, r.p50, "ms", base.p50, targeted ? `ratio <= ${limit.p50}` : null));
          entries.push(entry(`reports.${engine.name}.${c.size}.${op}.p99`, r.p99, "ms", base.p50, targeted ? `ratio <= ${limit.p99}` : null));
        }
      }
    } finally {
      await cleanup();
    }
  }

  if (options.table) {
    console.log("");
    printTable(table);
  }
  return entries;
}

async function main() {
  // Ctrl-C reaches both tsx and this process (and tsx passes it on), so expect it more than once.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      console.error(`\n${signal}: cleaning up (temp files, PostgreSQL schema)…`);
      void abortReports().then(() => process.exit(130));
    });
  }
  const entries = await runReports({ table: true });
  const file = path.join(ROOT, "bench", "results", "reports.json");
  writeResults(file, entries);
  console.log(`\nratio = report p50 / baseline p50 (same engine, same cohort, same run). Written: ${path.relative(ROOT, file)}`);
}

if (require.main === module) {
  main().catch(async (e) => {
    if (interrupted) return; // the signal handler cleans up and exits
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    await Promise.allSettled(cleanups.map((f) => f()));
    process.exit(1);
  });
}
