// npm run bench:sign-in — does a failed sign-in cost the same for an unknown address as for a
// known account with a wrong password? If the unknown path skipped argon2, an attacker could tell
// which addresses have accounts from the response time. Target: known/unknown ratio within 10 %
// (0.9 < ratio < 1.1). This was a test until issue #22; it lives here because it measures time,
// and the test suite only checks that both paths do the same work (lib/auth/sign-in-security.db.test.ts).
//
// Knobs (environment): BENCH_SAMPLES=61 (pairs), BENCH_DATABASE_URL or TEST_DATABASE_URL (adds
// PostgreSQL, in a fresh schema dropped at the end).
// Results: a table on stdout and bench/results/sign-in.json (see bench/README.md). Exits 1 when
// the target is missed, so a run on an idle machine can be used as a check by hand.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import { createDb, migrateToLatest, type Db } from "../lib/db/client";
import { authenticate, createAccount } from "../lib/auth/accounts";
import { rng } from "../lib/testing/random";
import { entry, median, printTable, writeResults, type Entry } from "./lib/results";

const ROOT = path.resolve(__dirname, "..");
process.chdir(ROOT);
process.env.LOG_SILENT ??= "1";

const SAMPLES = Number.parseInt(process.env.BENCH_SAMPLES ?? "61", 10) || 61;
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
const PASSWORD = "river lamp orchard";
const WRONG = "harbour candle meadow";
/** The paired ratio's distance from 1: within 10 % either way. */
const TARGET = "value < 0.1";

/** A full collection before each timed attempt, so no attempt pays for the garbage of the one before. */
const collectGarbage = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

interface Opened {
  name: string;
  handle: Db;
  cleanup(): Promise<void>;
}

async function openSqlite(): Promise<Opened> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-bench-sign-in-"));
  const handle = createDb({ kind: "sqlite", file: path.join(dir, "bench.sqlite") });
  await migrateToLatest(handle);
  return {
    name: "sqlite",
    handle,
    async cleanup() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(url: string): Promise<Opened> {
  const schema = `cg_bench_signin_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = createDb({ kind: "postgres", url, schema });
  await migrateToLatest(handle);
  return {
    name: "postgres",
    handle,
    async cleanup() {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Paired known/unknown failed sign-ins: CPU and wall-clock milliseconds per attempt. */
async function measure(handle: Db) {
  // A fresh account and a fresh unknown address per pair, so no attempt meets a throttle (a
  // blocked bucket answers early, which is a different path from the one measured).
  const known: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const email = `timing-${i}@example.org`;
    await createAccount(handle, { email, displayName: "T", password: PASSWORD });
    known.push(email);
  }
  // Warm up both paths (JIT, statement caches, the dummy hash) before measuring.
  await authenticate(handle, "warm-unknown@example.org", WRONG, null);
  await authenticate(handle, known[0], WRONG, null);

  const cpu = { known: [] as number[], unknown: [] as number[] };
  const wall = { known: [] as number[], unknown: [] as number[] };
  const coin = rng(6); // seeded: the same order in every run
  for (let i = 0; i < SAMPLES; i++) {
    // Interleaved, with the order drawn per pair, so machine drift and anything periodic in the
    // process (a collection every few attempts) land on both sides alike.
    const order = coin() < 0.5 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
    for (const which of order) {
      collectGarbage();
      const cpu0 = process.cpuUsage();
      const start = process.hrtime.bigint();
      const r = await authenticate(handle, which === "known" ? known[i] : `nobody-${i}@example.org`, WRONG, null);
      wall[which].push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpu0);
      cpu[which].push((used.user + used.system) / 1000);
      if (r.ok || r.reason !== "invalid") throw new Error(`expected a plain failed sign-in, got ${JSON.stringify(r)}`);
    }
  }
  return { cpu, wall };
}

/**
 * The figure is the median of paired ratios of CPU time (all threads, so argon2's too): the work
 * an attempt costs, which is what would differ if one path skipped the hash. Wall-clock medians
 * are reported beside it; on a busy two-core machine they swing by ±20 % whatever the code does.
 */
function entries(engine: string, m: Awaited<ReturnType<typeof measure>>): Entry[] {
  const pairRatio = median(m.cpu.known.map((k, i) => k / m.cpu.unknown[i]));
  const p = `sign_in.${engine}`;
  // A target is one bound, so "within 10 % either way" is stated on |ratio - 1|; the ratio itself
  // and each side's medians (known as value, unknown as baseline) are listed for reading.
  return [
    entry(`${p}.cpu_known_vs_unknown`, pairRatio, "ratio"),
    entry(`${p}.cpu_known_vs_unknown.off_by`, Math.abs(pairRatio - 1), "fraction", null, TARGET),
    entry(`${p}.cpu_per_attempt.known`, median(m.cpu.known), "ms", median(m.cpu.unknown)),
    entry(`${p}.wall_per_attempt.known`, median(m.wall.known), "ms", median(m.wall.unknown)),
  ];
}

async function main() {
  const all: Entry[] = [];
  const engines: (() => Promise<Opened>)[] = [openSqlite, ...(PG_URL ? [() => openPostgres(PG_URL)] : [])];
  for (const open of engines) {
    const opened = await open();
    try {
      console.log(`sign-in timing on ${opened.name}: ${SAMPLES} pairs…`);
      all.push(...entries(opened.name, await measure(opened.handle)));
    } finally {
      await opened.cleanup();
    }
  }
  printTable(all);
  writeResults(path.join(ROOT, "bench", "results", "sign-in.json"), all);
  if (all.some((e) => e.pass === false)) {
    console.log("target missed: known/unknown CPU ratio outside 0.9-1.1");
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
