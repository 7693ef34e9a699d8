// The real production server (`next start` of the build in the working directory) as a child
// process that can be killed without warning, the way a power cut or the OOM killer would.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface ServerOptions {
  port: number;
  /** Environment for the server on top of a minimal base (DATA_DIR, DATABASE_URL, ...). */
  env: Record<string, string>;
  /** Where the server's stdout and stderr go (appended across restarts). */
  logFile: string;
  startTimeoutMs: number;
}

/** Fails with the command to run when there is no production build in the working directory. */
export function assertBuilt(cwd = process.cwd()): void {
  if (!fs.existsSync(path.join(cwd, ".next", "BUILD_ID"))) {
    throw new Error(`No production build in ${cwd}/.next: run \`npm run build\` first (the durability test runs \`next start\` of that build).`);
  }
}

/** A port nobody listens on right now, from the kernel (so parallel runs do not collide). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** True when this process could bind the port, i.e. no server holds it any more. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds or the deadline passes (polling, never a fixed sleep). */
async function until(what: string, timeoutMs: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await tick(50);
  }
}

/** Live (non-zombie) processes whose process group is `pgid`, read from /proc. */
function liveGroupMembers(pgid: number): number[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  const members: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") members.push(Number(entry));
  }
  return members;
}

/** Process groups of servers still running, killed if this process ends early (Ctrl-C, a throw). */
const liveGroups = new Set<number>();
let cleanupInstalled = false;
function killLeftoversOnExit() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once("exit", () => {
    for (const pgid of liveGroups) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
}

export class Server {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  readonly url: string;

  constructor(private readonly options: ServerOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** Starts `next start` in its own process group and waits until it answers /api/health. */
  async start(): Promise<void> {
    if (this.child) throw new Error("server already running");
    const { port, env, logFile, startTimeoutMs } = this.options;
    await until(`port ${port} is free before start`, startTimeoutMs, () => portIsFree(port));
    const log = fs.openSync(logFile, "a");
    fs.writeSync(log, `\n--- next start on port ${port} at ${new Date().toISOString()}\n`);
    const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
    const child = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
      detached: true, // its own process group, so one kill reaches every process it spawns
      stdio: ["ignore", log, log],
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    fs.closeSync(log);
    this.child = child;
    killLeftoversOnExit();
    if (child.pid) liveGroups.add(child.pid);
    let exitedEarly = false;
    this.exited = new Promise((resolve) =>
      child.once("exit", () => {
        exitedEarly = true;
        resolve();
      }),
    );
    await until(`the server on port ${port} answers /api/health (log: ${logFile})`, startTimeoutMs, async () => {
      if (exitedEarly) throw new Error(`the server exited during start-up; its log:\n${this.logTail()}`);
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        return res.ok;
      } catch {
        return false; // connection refused while it starts
      }
    });
  }

  /** SIGKILL to the whole process group, then waits until every process is gone and the port is free. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const pgid = child.pid;
    try {
      process.kill(-pgid, "SIGKILL");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
    }
    await this.exited;
    this.child = undefined;
    liveGroups.delete(pgid);
    const timeout = this.options.startTimeoutMs;
    await until(`every process of group ${pgid} is dead`, timeout, () => liveGroupMembers(pgid).length === 0);
    await until(`port ${this.options.port} is free after the kill`, timeout, () => portIsFree(this.options.port));
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  logTail(lines = 40): string {
    try {
      return fs.readFileSync(this.options.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }
}
