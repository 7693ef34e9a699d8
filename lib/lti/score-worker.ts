// The worker that empties the score queue (lib/lti/scores.ts): every SCORE_INTERVAL_MS, and at
// once when a score is queued. One per process (several instances share the queue safely: each
// row is claimed before it is sent). A failure is the queue's to retry, never the caller's.
import "server-only";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { databaseToolKeys } from "./keys";
import type { Db } from "@/lib/db/client";
import { queueAttemptScores, sendDueScores } from "./scores";

export const SCORE_INTERVAL_MS = 15_000;

const worker = processSingleton("lti-score-worker", () => ({ timer: undefined as NodeJS.Timeout | undefined, running: false, again: false }));

async function round(): Promise<void> {
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  try {
    do {
      worker.again = false;
      const db = await getDb();
      const { sent, failed } = await sendDueScores(db, { keys: databaseToolKeys(db) });
      // A full round may have left more due rows: go again.
      if (sent + failed >= 20) worker.again = true;
    } while (worker.again);
  } catch (e) {
    log("server.error", { message: `lti score worker: ${e instanceof Error ? e.message : String(e)}` });
  } finally {
    worker.running = false;
  }
}

export function startScoreWorker(): void {
  if (worker.timer) return;
  worker.timer = setInterval(() => void round(), SCORE_INTERVAL_MS);
  worker.timer.unref();
  void round();
}

/** A score was queued: send it now rather than at the next tick. */
export function kickScoreWorker(): void {
  setImmediate(() => void round());
}

/**
 * After an attempt is finished (and stored): queue its score for the LMS, if it goes to one, and
 * wake the worker. Never throws: the learner's answer stands whatever happens here (the queue is
 * one indexed read for anyone who did not come from an LMS).
 */
export async function queueScoresAfterFinish(db: Db, userId: string, attemptId: string): Promise<void> {
  try {
    if ((await queueAttemptScores(db, userId, attemptId)) > 0) kickScoreWorker();
  } catch (e) {
    log("server.error", { message: `lti score queue: ${e instanceof Error ? e.message : String(e)}` });
  }
}
