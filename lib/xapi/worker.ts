// The background sender: one per server process (lib/process-singleton.ts), started with the
// server (lib/startup.ts). Every TICK_MS it checks the cached settings (no query while no LRS is
// enabled, settings.ts) and sends due statements, batch after batch, until none are due. Several
// instances may run it at once: claims never overlap (outbox.ts). It never touches a request: an
// answer only writes its statement to the outbox, in its own transaction.
import "server-only";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { BATCH_SIZE, deliverDue } from "./deliver";
import { xapiTarget } from "./settings";

export const TICK_MS = 5_000;
/** Batches per tick at most, so one tick never runs for long. */
const ROUNDS_MAX = 20;

const state = processSingleton("xapi-worker", () => ({ timer: undefined as NodeJS.Timeout | undefined, running: false }));

/** One tick: sends what is due. Exported for tests. */
export async function tick(handle: Db): Promise<number> {
  if (!(await xapiTarget(handle))) return 0;
  let sent = 0;
  for (let round = 0; round < ROUNDS_MAX; round++) {
    const report = await deliverDue(handle);
    sent += report.sent;
    if (report.claimed < BATCH_SIZE) break;
  }
  return sent;
}

/** Starts the sender for this process, once; later calls do nothing. */
export function startXapiWorker(getHandle: () => Promise<Db>): void {
  if (state.timer) return;
  const run = async () => {
    if (state.running) return;
    state.running = true;
    try {
      await tick(await getHandle());
    } catch (e) {
      log("xapi.delivery", { error: e instanceof Error ? e.message : String(e) });
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(() => void run(), TICK_MS);
  state.timer.unref();
}
