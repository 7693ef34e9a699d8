// npm run bench — every benchmark of issue #6 in one run, each figure a ratio against a baseline
// measured in the same run: lesson page throughput, page weight, answer submission, live
// sessions (issue #24), facilitator reports and Lighthouse scores. Needs a prior `npm run build` (it serves .next with `next start`);
// builds the bare baseline app (bench/baseline-app) itself. Prints one table of medians and writes
// bench/results/latest.json. See bench/README.md.
//
//   npm run bench                       full run (about 12-15 minutes)
//   npm run bench -- --quick            smoke run (about 3 minutes); also BENCH_QUICK=1
//   npm run bench -- --only=lesson,weight,answers,live,reports,lighthouse,cache,hall
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   adds PostgreSQL
//   BENCH_PORT_BASE=3700 npm run bench  servers on 3701-3708 instead of 3201-3208
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { getCourses, getQuiz } from "../lib/content";
import { appStylesheet, buildBaselineApp, shapeParagraphsFor } from "./lib/baseline-app";
import { killAll, pinning, ROOT, startNext, type Server } from "./lib/proc";
import { entry, printTable, writeResults, type Entry } from "./lib/results";
import { abortReports, runReports } from "./reports";
import { answersSuite } from "./suites/answers";
import { nginxBinary } from "./lib/nginx";
import { cacheSuite } from "./suites/cache";
import { hallSuite } from "./suites/hall";
import { lighthouseChrome, lighthouseSuite } from "./suites/lighthouse";
import { liveSuite } from "./suites/live";
import { lessonPageSuite, pageWeightSuite } from "./suites/pages";

process.chdir(ROOT); // lib/content reads content/ from the working directory
process.env.LOG_SILENT ??= "1";

const SUITES = ["lesson", "weight", "cache", "lighthouse", "answers", "live", "reports", "hall"] as const;
type Suite = (typeof SUITES)[number];

const args = process.argv.slice(2);
const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1";
const onlyArg = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const only = new Set<Suite>(onlyArg ? (onlyArg.split(",").map((s) => s.trim()) as Suite[]) : SUITES);
for (const s of only) if (!SUITES.includes(s)) throw new Error(`unknown suite "${s}" (known: ${SUITES.join(", ")})`);
const PG_URL = process.env.BENCH_DATABASE_URL ?? "";

/** Ports 3200-3299 belong to the bench; BENCH_PORT_BASE moves them (a run beside CI's, e.g. 3700). */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3200);
if (!Number.isInteger(PORT_BASE) || PORT_BASE < 1024 || PORT_BASE > 65000) throw new Error("BENCH_PORT_BASE must be a port number from 1024 to 65000");
const PORTS = { app: PORT_BASE + 1, base: PORT_BASE + 2, static: PORT_BASE + 3, appPg: PORT_BASE + 4, basePg: PORT_BASE + 5, nginxCache: PORT_BASE + 6, nginxStatic: PORT_BASE + 7, hall: PORT_BASE + 8 };
const RESULTS_DIR = path.join(ROOT, "bench", "results");

/** What the suites share: the running servers, the pages to load, the content to answer. */
export interface Bench {
  root: string;
  quick: boolean;
  tmp: string;
  resultsDir: string;
  app: Server;
  base: Server;
  ports: { static: number };
  paths: { home: string; lesson: string; quiz: string };
  content: { locale: string; courseId: string; quiz: { lessonId: string; quizId: string; questions: { id: string; chosen: string[] }[] } };
}

function contentPlan(): Pick<Bench, "paths" | "content"> {
  const locale = "en";
  const course = getCourses(locale)[0];
  if (!course) throw new Error("no course in content/en");
  const lessons = course.modules.flatMap((m) => m.lessons);
  const quizLesson = lessons.find((l) => l.quizId);
  const quiz = quizLesson?.quizId ? getQuiz(locale, course.id, quizLesson.quizId) : undefined;
  if (!quizLesson || !quiz) throw new Error(`course ${course.id} has no lesson with a quiz`);
  return {
    paths: { home: `/${locale}`, lesson: `/${locale}/courses/${course.id}/${lessons[0].id}`, quiz: `/${locale}/courses/${course.id}/${quizLesson.id}/quiz` },
    content: { locale, courseId: course.id, quiz: { lessonId: quizLesson.id, quizId: quiz.id, questions: quiz.questions.map((q) => ({ id: q.id, chosen: q.correct })) } },
  };
}

let tmp = "";
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  killAll();
  await abortReports();
  for (const f of cleanups.splice(0)) await f().catch(() => {});
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping servers and cleaning up…`);
    void cleanUp().then(() => process.exit(130));
  });
}

/** A fresh PostgreSQL database for the answer suite; dropped at the end. */
async function freshPgDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cg_bench_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Something to set up before the bench can run: printed as one line, without a stack. */
class SetupError extends Error {}

const loadavg = () => fs.readFileSync("/proc/loadavg", "utf8").trim();

async function main() {
  const started = Date.now();
  const appBuild = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(appBuild)) throw new SetupError(`no production build in ${path.join(ROOT, ".next")}: run \`npm run build\` first`);
  // Checked before anything runs, so a missing browser does not cost the suites measured before it.
  const chrome = only.has("lighthouse") ? lighthouseChrome() : undefined;
  if (chrome?.missing) throw new SetupError(chrome.missing);
  // No nginx: the cache suite is skipped with one line, and the rest runs.
  const nginx = only.has("cache") ? nginxBinary() : undefined;
  if (nginx?.missing) {
    console.log(`bench: ${nginx.missing}`);
    only.delete("cache");
  }
  console.log(`bench: ${quick ? "quick" : "full"} run of ${[...only].join(", ")}; app build ${fs.readFileSync(appBuild, "utf8").trim()} from ${fs.statSync(appBuild).mtime.toISOString()}`);
  console.log(`bench: ${pinning.cores} cores; ${pinning.on ? "servers pinned to core 0, load generators (autocannon) to core 1, Lighthouse unpinned" : "NOT pinned (needs 2+ cores and taskset): server and load generator share the CPU"}`);
  console.log(`bench: load average at start ${loadavg()}`);
  const load1 = os.loadavg()[0];
  if (load1 > pinning.cores / 2) console.log(`bench: warning: the machine is busy (load ${load1.toFixed(1)} on ${pinning.cores} cores); figures will be noisy, ratios less so`);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cg-benchrun-"));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const entries: Entry[] = [entry("machine.loadavg_1min.start", load1, "load")];
  const notes: string[] = [];
  // A suite that fails is reported and the others still run, so one failure keeps what the rest
  // measured (the run still exits with 1). Failing to start a server stops the run.
  const failed: string[] = [];
  const suite = async (name: string, run: () => Promise<Entry[]>) => {
    try {
      entries.push(...(await run()));
    } catch (e) {
      failed.push(name);
      console.error(`bench: ${name} FAILED: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    }
  };
  const plan = contentPlan();

  const needServers = only.has("lesson") || only.has("weight") || only.has("cache") || only.has("lighthouse") || only.has("answers") || only.has("live");
  if (needServers) {
    // The same-shape page weighs what the lesson the pages suite serves weighs (its prerendered HTML).
    const lessonHtml = path.join(ROOT, ".next", "server", "app", `${plan.paths.lesson.slice(1)}.html`);
    const baseDir = await buildBaselineApp({
      shapeParagraphs: fs.existsSync(lessonHtml) ? shapeParagraphsFor(fs.statSync(lessonHtml).size) : undefined,
      stylesheet: appStylesheet(lessonHtml),
    });
    const dataDir = path.join(tmp, "data");
    const sqliteFile = path.join(dataDir, "common-ground.sqlite");
    const app = await startNext("app", ROOT, PORTS.app, { DATA_DIR: dataDir, LOG_SILENT: "1" }, "/api/health", tmp);
    // The app migrates its database on start; the bare handler writes into the same file. Both
    // are probed through a route handler (/api/health): once Next has run one, Node's async hooks
    // are on for good and every page it serves costs more (bench/README.md, suite 1). A real app's
    // server always has, so the floor must have too.
    const base = await startNext("bare-next", baseDir, PORTS.base, { BENCH_DB_FILE: sqliteFile }, "/api/health", tmp);
    const b: Bench = { root: ROOT, quick, tmp, resultsDir: RESULTS_DIR, app, base, ports: { static: PORTS.static }, ...plan };
    console.log(`bench: app on ${app.origin} (SQLite in ${dataDir}), bare Next.js on ${base.origin}`);

    if (only.has("lesson")) await suite("lesson page", () => lessonPageSuite(b));
    if (only.has("weight")) await suite("page weight", () => pageWeightSuite(b));
    if (only.has("cache") && nginx) await suite("cache (nginx)", () => cacheSuite(b, { nginx: nginx.path, cachePort: PORTS.nginxCache, staticPort: PORTS.nginxStatic }));
    if (only.has("lighthouse")) {
      await suite("lighthouse", async () => {
        const lh = await lighthouseSuite(b);
        notes.push(...lh.notes);
        return lh.entries;
      });
    }
    if (only.has("answers")) await suite("answers (SQLite)", () => answersSuite(b, { engine: "sqlite", app, base, db: { kind: "sqlite", file: sqliteFile } }));
    if (only.has("live")) await suite("live sessions (SQLite)", () => liveSuite(b, { kind: "sqlite", file: sqliteFile }));
    await app.stop();
    await base.stop();

    if ((only.has("answers") || only.has("live")) && PG_URL) {
      const database = await freshPgDatabase(PG_URL);
      cleanups.push(database.drop);
      const env = { DATABASE_URL: database.url, NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"), DATA_DIR: path.join(tmp, "data-pg"), LOG_SILENT: "1" };
      const appPg = await startNext("app-pg", ROOT, PORTS.appPg, env, "/api/health", tmp);
      const basePg = await startNext("bare-next-pg", baseDir, PORTS.basePg, { BENCH_DB_URL: database.url }, "/api/health", tmp);
      try {
        if (only.has("answers")) await suite("answers (PostgreSQL)", () => answersSuite({ ...b, app: appPg, base: basePg }, { engine: "postgres", app: appPg, base: basePg, db: { kind: "postgres", url: database.url } }));
        if (only.has("live")) await suite("live sessions (PostgreSQL)", () => liveSuite({ ...b, app: appPg, base: basePg }, { kind: "postgres", url: database.url }, "live.postgres"));
      } finally {
        await appPg.stop();
        await basePg.stop();
      }
    }
  }

  // Its own server, as `npm run hall` runs it, so the other suites' rows do not weigh on it.
  if (only.has("hall")) await suite("hall", () => hallSuite({ quick, tmp, port: PORTS.hall, ...plan }));

  if (only.has("reports")) {
    console.log("");
    await suite("reports", () => runReports({ pgUrl: PG_URL, ...(quick ? { warmup: 2, runs: 10 } : {}) }));
  }

  const load1End = os.loadavg()[0];
  entries.push(entry("machine.loadavg_1min.end", load1End, "load"));
  console.log(`\nbench: load average at end ${loadavg()}; took ${((Date.now() - started) / 60_000).toFixed(1)} min\n`);
  printTable(entries);
  for (const n of notes) console.log(`\n${n}`);
  const file = path.join(RESULTS_DIR, "latest.json");
  writeResults(file, entries);
  const missed = entries.filter((e) => e.pass === false).map((e) => e.name);
  const verdict = missed.length ? `Missed targets: ${missed.join(", ")}. ` : failed.length ? "" : "Every target met. ";
  console.log(`\nratio = value / baseline (same run). ${verdict}Written: ${path.relative(ROOT, file)}`);
  if (failed.length) {
    console.error(`bench: FAILED, so missing from the table: ${failed.join(", ")} (the error of each is printed above)`);
    process.exitCode = 1;
  }
}

main()
  .then(() => cleanUp())
  .catch(async (e) => {
    console.error(e instanceof SetupError ? `bench: ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : e);
    await cleanUp();
    process.exit(1);
  });
