// Runs one load job in a separate process pinned to the load core (see load-worker.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pinning, ROOT, runPinned } from "./proc";

export interface AnswerPlan {
  /** "app": POST /api/progress/answers bodies; "baseline": the bare handler's (adds userId). */
  mode: "app" | "baseline";
  learners: { cookie: string; userId: string; attemptId?: string }[];
  locale: string;
  courseId: string;
  lessonId: string;
  questions: { id: string; chosen: string[] }[];
}

export interface LoadJob {
  url: string;
  path: string;
  method: "GET" | "POST";
  connections: number;
  durationS: number;
  /** Requests per second for the whole run, paced evenly; absent: as fast as the server answers. */
  rate?: number;
  headers?: Record<string, string>;
  answers?: AnswerPlan;
}

export interface LoadResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
  /** 2xx responses per second. */
  rps: number;
  /** Milliseconds, from each response's own timing. */
  latency: { p50: number; p90: number; p99: number; max: number };
  statuses: Record<string, number>;
  firstError?: string;
}

const WORKER = path.join(ROOT, "bench", "lib", "load-worker.ts");

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-load-")), "job.json");
  fs.writeFileSync(file, JSON.stringify(job));
  try {
    const out = await runPinned(pinning.load, process.execPath, ["--import", "tsx", WORKER, file], { timeoutMs: (job.durationS + 60) * 1000 });
    const result = JSON.parse(out.trim().split("\n").pop() ?? "") as LoadResult;
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) {
      console.log(`  warning: ${job.method} ${job.url}${job.path}: ${bad} of ${result.sent} requests failed (statuses ${JSON.stringify(result.statuses)}, errors ${result.errors}, timeouts ${result.timeouts})${result.firstError ? `: ${result.firstError}` : ""}`);
    }
    return result;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
