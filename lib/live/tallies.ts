// The room's answers counted in SQL: per round and choice, how many people, and their names when a
// screen may show them. An ended ad hoc session is counted from the totals it kept.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { SessionRow } from "./access";
import { currentStep, type LiveState } from "./session";
import type { RoundTally, Tallies } from "./views";
import { LIVE_CAPACITY } from "./limits";

export function tallyRows(rows: readonly { round: string; choice: string; n: number | string | bigint }[]): Record<string, RoundTally> {
  const out: Record<string, { answered: number; counts: Record<string, number> }> = {};
  for (const r of rows) {
    const n = Number(r.n);
    const t = (out[r.round] ??= { answered: 0, counts: {} });
    t.answered += n;
    for (const id of JSON.parse(r.choice) as string[]) t.counts[id] = (t.counts[id] ?? 0) + n;
  }
  return out;
}

/** Each round of one step: how many answered and each choice's count (from the totals once an ad hoc session ended). */
export async function roundTallies(handle: Db, row: SessionRow, stepKey: string): Promise<Record<string, RoundTally>> {
  if (row.totals) {
    const all = JSON.parse(row.totals) as Record<string, RoundTally>;
    return Object.fromEntries(Object.entries(all).filter(([round]) => round === stepKey || round.startsWith(`${stepKey}#`)));
  }
  const rows = await handle.db
    .selectFrom("live_answers")
    .select((eb) => ["round", "choice", eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", row.id)
    .where("step_key", "=", stepKey)
    .groupBy(["round", "choice"])
    .execute();
  return tallyRows(rows);
}

export async function tallies(handle: Db, row: SessionRow, state: LiveState, withNames: boolean): Promise<Tallies> {
  const [rounds, count, names] = await Promise.all([
    roundTallies(handle, row, currentStep(state).key),
    handle.db.selectFrom("live_participants").select((eb) => eb.fn.countAll<number>().as("n")).where("session_id", "=", row.id).executeTakeFirstOrThrow(),
    withNames
      ? handle.db
          .selectFrom("live_participants as p")
          .leftJoin("users as u", "u.id", "p.user_id")
          .select(["p.nickname", "u.display_name"])
          .where("p.session_id", "=", row.id)
          .orderBy("p.joined_at")
          .orderBy("p.id")
          .limit(LIVE_CAPACITY)
          .execute()
      : Promise.resolve([]),
  ]);
  return { participants: Number(count.n), rounds, ...(withNames ? { names: names.map((n) => n.nickname ?? n.display_name ?? "") } : {}) };
}
