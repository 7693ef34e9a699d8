// Runs the crash rounds on SQLite always and on PostgreSQL when asked, prints the figures and
// exits non-zero on any lost acknowledged answer, duplicate, integrity failure or refusal.
//
//   --rounds N --submissions M   size (defaults: the caller's)
//   --concurrency C              answers in flight at once (default 16)
//   --pg                         also PostgreSQL, at TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test
//   --port P                     SQLite server port; PostgreSQL uses P+1 (default: free ports from the kernel)
//   --seed S                     rebuild a run's plan and kill points (printed at the start)
//   --only sqlite|postgres       run one engine (to rerun a failure)
//   --phones N                   phones in the live session's crash test (default 40; tests/durability/live.ts)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runLive, type LiveFigures } from "./live";
import { runRounds, type Figures } from "./rounds";
import { assertBuilt, freePort } from "./server";
import { postgresStore, sqliteStore } from "./stores";

export interface Size {
  rounds: number;
  submissions: number;
  /** Phones in the live session's crash test. */
  phones?: number;
}

function describe(f: Figures): string {
  const rows: [string, string | number][] = [
    ["rounds", f.rounds],
    ["answers sent (distinct client ids)", f.sent],
    ["HTTP posts (first sends + replays + resends)", f.posts],
    ["acknowledged on first send", f.acknowledgedFirstTime],
    ["in flight at the kills", f.inFlightAtKill],
    ["lost in flight, replayed until acknowledged", f.lostInFlightReplayed],
    ["  of which committed before the crash", f.committedButUnacknowledged],
    ["acknowledged answers resent on purpose", f.deliberateResends],
    ["5xx responses (then retried)", f.serverErrors],
    ["duplicates found (must be 0)", f.duplicatesFound],
    ["lost acknowledged (must be 0)", f.lostAcknowledged],
    ["integrity checks passed", `${f.integrityChecks - f.integrityFailures}/${f.integrityChecks} (${f.lastIntegrity})`],
    ["time", `${f.seconds.toFixed(1)} s`],
  ];
  return [`durability on ${f.engine}:`, ...rows.map(([k, v]) => `  ${k.padEnd(46)} ${v}`)].join("\n");
}

function describeLive(f: LiveFigures): string {
  const rows: [string, string | number][] = [
    ["phones (each answers once, by client id)", f.phones],
    ["acknowledged before the kill", f.acknowledgedBeforeKill],
    ["in flight at the kill", f.inFlightAtKill],
    ["  of which committed before the crash", f.committedButUnacknowledged],
    ["sent or resent after the restart", f.resentAfterRestart],
    ["acknowledged answers resent on purpose", f.deliberateResends],
    ["streams resumed with Last-Event-ID / reloaded", `${f.resumedWithLastEventId} / ${f.resumedFresh} (and the projector)`],
    ["answers stored (must equal phones)", f.storedAnswers],
    ["time", `${f.seconds.toFixed(1)} s`],
  ];
  return [`live session durability on ${f.engine}:`, ...rows.map(([k, v]) => `  ${k.padEnd(46)} ${v}`)].join("\n");
}

export async function main(defaults: Size): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string" },
      submissions: { type: "string" },
      concurrency: { type: "string" },
      pg: { type: "boolean" },
      port: { type: "string" },
      seed: { type: "string" },
      only: { type: "string" },
      phones: { type: "string" },
    },
  });
  const int = (v: string | undefined, fallback: number, name: string) => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  const rounds = int(values.rounds, defaults.rounds, "rounds");
  const submissions = int(values.submissions, defaults.submissions, "submissions");
  const concurrency = int(values.concurrency, 16, "concurrency");
  const phones = int(values.phones, defaults.phones ?? 40, "phones");
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : int(values.seed, 1, "seed");
  const pgUrl = process.env.TEST_DATABASE_URL ?? (values.pg ? "postgres://postgres@127.0.0.1:5432/test" : undefined);
  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) throw new Error("TEST_DATABASE_URL must start with postgres://");
  assertBuilt();

  const port = values.port === undefined ? undefined : int(values.port, 0, "port");
  const names = ["sqlite", ...(pgUrl ? ["postgres"] : [])].filter((n) => !values.only || n === values.only);
  if (!names.length) throw new Error(`--only ${values.only}: not an engine of this run (sqlite always; postgres with TEST_DATABASE_URL or --pg)`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cg-durability-"));
  console.log(`durability: ${rounds} rounds x ${submissions} answers, ${concurrency} in flight, seed ${seed}; engines: ${names.join(", ")}; work dir ${work}`);
  const results: Figures[] = [];
  const live: LiveFigures[] = [];
  for (const name of names) {
    const store = name === "sqlite" ? sqliteStore(path.join(work, "sqlite")) : await postgresStore(pgUrl!, path.join(work, "pg-data"));
    let figures: Figures | undefined;
    let liveFigures: LiveFigures | undefined;
    try {
      figures = await runRounds(store, {
        rounds,
        perRound: submissions,
        concurrency,
        learners: 4,
        port: port === undefined ? await freePort() : name === "sqlite" ? port : port + 1,
        seed,
        logFile: path.join(work, `${name}-server.log`),
        startTimeoutMs: 180_000,
        replayDeadlineMs: 180_000,
        progress: (line) => console.log(`  ${line}`),
      });
      results.push(figures);
      liveFigures = await runLive(store, {
        phones,
        port: port === undefined ? await freePort() : (name === "sqlite" ? port : port + 1) + 2,
        seed,
        logFile: path.join(work, `${name}-live-server.log`),
        startTimeoutMs: 180_000,
        progress: (line) => console.log(`  ${line}`),
      });
      live.push(liveFigures);
    } finally {
      await store.dispose(!figures || figures.problems.length > 0 || !liveFigures || liveFigures.problems.length > 0);
    }
  }

  for (const f of results) console.log(describe(f));
  for (const f of live) console.log(describeLive(f));
  const failed = [...results, ...live.map((f) => ({ ...f, engine: `${f.engine} (live session)` }))].filter((f) => f.problems.length);
  if (failed.length) {
    for (const f of failed) console.error(`\nFAILED on ${f.engine}:\n${f.problems.slice(0, 20).join("\n")}`);
    console.error(`\n(server logs kept in ${work}; rerun with --seed ${seed})`);
    process.exitCode = 1;
    return;
  }
  fs.rmSync(work, { recursive: true, force: true });
  console.log("durability: every acknowledged answer was stored exactly once; integrity checks passed; every live stream resumed on its step.");
}
