// What is kept of a live session: an ad hoc session keeps only its totals once ended, and nothing
// 30 days later; a group session stays with its group (its answers are the members' own).
import "server-only";
import type { Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import { writeTx } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { stateOf } from "./state";
import { tallyRows } from "./tallies";

/** Ad hoc sessions keep their totals this long after they end, then are deleted. */
export const AD_HOC_KEEP_DAYS = 30;
/** An ad hoc session nobody ended is ended (totals kept, people forgotten) after this long. */
export const AD_HOC_STALE_HOURS = 24;

/** An ad hoc session that ends keeps only its counts per round and choice; its people and answers go. */
export async function keepOnlyTotals(db: Kysely<Database>, sessionId: string): Promise<void> {
  const rows = await db
    .selectFrom("live_answers")
    .select((eb) => ["round", "choice", eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", sessionId)
    .groupBy(["round", "choice"])
    .execute();
  const totals = tallyRows(rows);
  await db.updateTable("live_sessions").set({ totals: JSON.stringify(totals) }).where("id", "=", sessionId).execute();
  await db.deleteFrom("live_answers").where("session_id", "=", sessionId).execute();
  await db.deleteFrom("live_participants").where("session_id", "=", sessionId).execute();
}


/**
 * Called at start-up: an ad hoc session left running for a day is ended (only its totals kept),
 * and an ad hoc session ended over AD_HOC_KEEP_DAYS ago is deleted. Group sessions stay with their
 * group: their answers are the members' own, deleted with the group or the account.
 */
export async function purgeLiveSessions(handle: Db, at = new Date()): Promise<{ ended: number; deleted: number }> {
  const staleBefore = new Date(at.getTime() - AD_HOC_STALE_HOURS * 3600_000).toISOString();
  const stale = await handle.db.selectFrom("live_sessions").select("id").where("cohort_id", "is", null).where("ended_at", "is", null).where("created_at", "<", staleBefore).execute();
  for (const { id } of stale) {
    await writeTx(handle, async (trx) => {
      const row = await trx.selectFrom("live_sessions").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row || row.ended_at) return;
      const state = stateOf(row);
      const { order: _o, ...rest } = { ...state, phase: "ended" as const, accepting: false, seq: state.seq + 1 };
      await trx.updateTable("live_sessions").set({ state: JSON.stringify(rest), seq: rest.seq, ended_at: at.toISOString() }).where("id", "=", id).execute();
      await keepOnlyTotals(trx, id);
    });
  }
  const keepAfter = new Date(at.getTime() - AD_HOC_KEEP_DAYS * 86400_000).toISOString();
  const gone = await handle.db.deleteFrom("live_sessions").where("cohort_id", "is", null).where("ended_at", "is not", null).where("ended_at", "<", keepAfter).executeTakeFirst();
  return { ended: stale.length, deleted: Number(gone.numDeletedRows) };
}
