// Child processes of the benchmark: servers pinned to the server core, load generators pinned to
// the load core, and their clean-up (every child is killed by its own pid on exit or Ctrl-C).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(__dirname, "..", "..");
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Server on core 0, load generator on core 1, when there are two cores and taskset. */
export const pinning = (() => {
  const cores = os.cpus().length;
  const taskset = spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;
  const on = cores >= 2 && taskset;
  return { on, cores, server: on ? ["taskset", "-c", "0"] : [], load: on ? ["taskset", "-c", "1"] : [] };
})();

const children = new Set<ChildProcess>();

export function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

/** Spawns `cmd args` with the given pin prefix (taskset -c N), tracked for clean-up. */
export function spawnPinned(pin: string[], cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; log?: string } = {}): ChildProcess {
  const [file, ...rest] = [...pin, cmd, ...args];
  const out = opts.log ? fs.openSync(opts.log, "a") : "ignore";
  const child = spawn(file, rest, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ["ignore", out, out] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Spawns a pinned child with piped stdin and stdout (a worker driven line by line), tracked for clean-up. */
export function spawnPiped(pin: string[], cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; log?: string } = {}): ChildProcess {
  const [file, ...rest] = [...pin, cmd, ...args];
  const err = opts.log ? fs.openSync(opts.log, "a") : "ignore";
  const child = spawn(file, rest, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ["pipe", "pipe", err] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Runs a child to completion; resolves with its stdout (rejects with stderr on failure). */
export function runPinned(pin: string[], cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<string> {
  const [file, ...rest] = [...pin, cmd, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, rest, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs) : undefined;
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (timer) clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}:\n${stderr.slice(-2000)}`));
    });
  });
}

export interface Server {
  name: string;
  origin: string;
  child: ChildProcess;
  /** CPU time (user + system) the server and its descendants have used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
  /** Where its processes write their heap figures (processTreeHeapBytes), when probed. */
  heapDir?: string;
}

const TICKS_PER_SECOND = (() => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number.parseInt(r.stdout, 10) || 100;
})();

/**
 * CPU ms used so far by `pid` and every live descendant (Linux /proc; 0 elsewhere). Throughput on
 * a shared machine swings with whatever else runs; CPU time per request swings far less, so the
 * suites report it beside requests per second.
 */
export function processTreeCpuMs(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      // Fields after the command name, which sits in parentheses and may contain spaces.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
      for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
        for (const c of fs.readFileSync(`/proc/${p}/task/${tid}/children`, "utf8").split(" ").filter(Boolean)) visit(Number(c));
      }
    } catch {
      // exited meanwhile, or no /proc
    }
  };
  visit(pid);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of `pid` and every live descendant, in bytes (Linux /proc; 0 elsewhere). */
export function processTreeRssBytes(pid: number): number {
  let bytes = 0;
  const visit = (p: number) => {
    try {
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      bytes += rss ? Number(rss[1]) * 1024 : 0;
      for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
        for (const c of fs.readFileSync(`/proc/${p}/task/${tid}/children`, "utf8").split(" ").filter(Boolean)) visit(Number(c));
      }
    } catch {
      // exited meanwhile, or no /proc
    }
  };
  visit(pid);
  return bytes;
}

/** Pids of `pid` and every live descendant (Linux /proc). */
function processTree(pid: number): number[] {
  const pids: number[] = [];
  const visit = (p: number) => {
    try {
      const children = fs.readdirSync(`/proc/${p}/task`).flatMap((tid) => fs.readFileSync(`/proc/${p}/task/${tid}/children`, "utf8").split(" ").filter(Boolean));
      pids.push(p);
      for (const c of children) visit(Number(c));
    } catch {
      // exited meanwhile, or no /proc
    }
  };
  visit(pid);
  return pids;
}

const HEAP_PROBE = pathToFileURL(path.join(ROOT, "bench", "lib", "heap-probe.mjs")).href;

/**
 * What the server's processes hold after a full garbage collection: V8's heap in use plus the
 * memory outside it that V8 knows of (buffers), summed over the tree, in bytes. Each process runs
 * bench/lib/heap-probe.mjs (preloaded by startNext), which collects and writes its figures on
 * SIGUSR2. Unlike RSS, this does not move with when the collector last ran.
 */
export async function processTreeHeapBytes(server: Server): Promise<number> {
  const probes = await processTreeProbe(server);
  return probes.length ? probes.reduce((sum, m) => sum + m.heapUsed + m.external, 0) : NaN;
}

/** Queries the server's processes have sent to PostgreSQL so far (bench/lib/heap-probe.mjs). */
export async function processTreePgQueries(server: Server): Promise<number> {
  const probes = await processTreeProbe(server);
  return probes.reduce((sum, m) => sum + (m.pgQueries ?? 0), 0);
}

interface ProbeFigures {
  at: number;
  heapUsed: number;
  external: number;
  pgQueries?: number;
}

/** Signals every Node process of the server's tree and reads what each probe wrote (after a full GC). */
async function processTreeProbe(server: Server): Promise<ProbeFigures[]> {
  const dir = server.heapDir;
  if (!server.child.pid || !dir) return [];
  const sent = Date.now();
  const pids = processTree(server.child.pid).filter((p) => {
    try {
      // Only the Node processes of the tree have the probe (its environment names the directory;
      // Next renames its process, so the command line does not say "node").
      return fs.readFileSync(`/proc/${p}/environ`, "utf8").split("\0").includes(`BENCH_HEAP_DIR=${dir}`);
    } catch {
      return false;
    }
  });
  if (!pids.length) throw new Error(`no process of ${server.name} has the heap probe`);
  for (const p of pids) process.kill(p, "SIGUSR2");
  const out: ProbeFigures[] = [];
  for (const p of pids) {
    const file = path.join(dir, `${p}.json`);
    for (let waited = 0; ; waited += 50) {
      try {
        const m = JSON.parse(fs.readFileSync(file, "utf8")) as ProbeFigures;
        if (m.at >= sent) {
          out.push(m);
          break;
        }
      } catch {
        // not written yet
      }
      if (waited > 30_000) throw new Error(`process ${p} of ${server.name} wrote no heap figures within 30 s (is bench/lib/heap-probe.mjs preloaded?)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return out;
}

/** Waits until `origin + probe` answers (any status below 500). */
async function waitUntilUp(origin: string, probe: string, child: ChildProcess, log: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server for ${origin} exited with ${child.exitCode}; see ${log}`);
    try {
      const res = await fetch(origin + probe, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server for ${origin} did not start within ${timeoutMs / 1000} s; see ${log}`);
}

export async function startServer(name: string, port: number, cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; probe: string; logDir: string }): Promise<Server> {
  const log = path.join(opts.logDir, `${name}.log`);
  const child = spawnPinned(pinning.server, cmd, args, { cwd: opts.cwd, env: opts.env, log });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(origin, opts.probe, child, log);
  return {
    name,
    origin,
    child,
    cpuMs: () => (child.pid ? processTreeCpuMs(child.pid) : 0),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || !child.pid) return resolve();
        child.once("exit", () => resolve());
        process.kill(child.pid, "SIGTERM");
      }),
  };
}

/** `next start` of a built app directory, pinned to the server core. */
export async function startNext(name: string, dir: string, port: number, env: Record<string, string>, probe: string, logDir: string): Promise<Server> {
  // The heap probe (processTreeHeapBytes): --expose-gc only adds the gc() function; the probe
  // does nothing until SIGUSR2.
  const heapDir = path.join(logDir, `heap-${name}`);
  fs.mkdirSync(heapDir, { recursive: true });
  const nodeOptions = [process.env.NODE_OPTIONS, "--expose-gc", `--import=${HEAP_PROBE}`].filter(Boolean).join(" ");
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: nodeOptions, BENCH_HEAP_DIR: heapDir };
  // BENCH_PROF_DIR: each server writes a V8 CPU profile there when it stops (bench/README.md).
  const profile = process.env.BENCH_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF_DIR}`] : [];
  const server = await startServer(name, port, process.execPath, [...profile, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: dir, env: fullEnv, probe, logDir });
  return { ...server, heapDir };
}
