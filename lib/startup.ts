import "server-only";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { ensureAdmin } from "@/lib/auth/accounts";
import { pruneRevokedSessions } from "@/lib/auth/revocation";
import { pruneThrottles } from "@/lib/auth/throttle";
import { purgeLiveSessions } from "@/lib/live/retention";
import { startXapiWorker } from "@/lib/xapi/worker";
import { pruneNonces } from "@/lib/lti/nonces";
import { startScoreWorker } from "@/lib/lti/score-worker";

export async function startServer() {
  const config = env();
  const db = await getDb();
  if (config.admin) await ensureAdmin(db, config.admin);
  await pruneThrottles(db);
  await pruneRevokedSessions(db);
  // Ad hoc live sessions keep only totals once ended, and nothing after 30 days (lib/live/store.ts).
  await purgeLiveSessions(db);
  // Learning records waiting for the LRS are sent in the background (lib/xapi/worker.ts).
  startXapiWorker(getDb);
  // LTI: forget spent launch nonces; send any scores still queued for LMSs (lib/lti/scores.ts).
  await pruneNonces(db);
  startScoreWorker();
}

/** Starts, or stops the process with a message naming the problem (rather than serving errors). */
export async function startServerOrExit() {
  try {
    await startServer();
  } catch (e) {
    console.error(`Common Ground cannot start.\n${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
