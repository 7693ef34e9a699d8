// "Your views" answers stored before randomised response (issue #19) were each learner's own
// rating. This randomises every one of them in place with the same mechanism the devices now use
// (lib/attitudes/randomised-response.ts, epsilon = ln 3), so afterwards the table holds no raw
// rating and old and new rows are estimated alike. What it cannot reach (backups, free pages of
// the database file, a write-ahead log) and what to do about it: docs/attitudes-privacy.md.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";
import { RATINGS, randomise, type FillRandom } from "../../attitudes/randomised-response";

/** Rows read and rewritten at a time: bounded memory and statement size on a large table. */
const CHUNK = 500;

interface Row {
  id: string;
  value: number;
}

/** `fill` is the random source: crypto.getRandomValues, or a seeded one in its test. */
export function migration0006(_kind: DbKind, fill?: FillRandom): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const answers = db as Kysely<{ attitude_answers: Row }>;
      let after = "";
      for (;;) {
        // Keyset paging by id: each row is visited exactly once, and updated rows are not revisited.
        const rows = await answers.selectFrom("attitude_answers").select(["id", "value"]).where("id", ">", after).orderBy("id").limit(CHUNK).execute();
        if (rows.length === 0) break;
        const sent = new Map<number, string[]>(RATINGS.map((r) => [r, []]));
        for (const row of rows) sent.get(randomise(Number(row.value), fill))!.push(row.id);
        for (const [value, ids] of sent) if (ids.length > 0) await answers.updateTable("attitude_answers").set({ value }).where("id", "in", ids).execute();
        after = rows[rows.length - 1].id;
      }
    },
  };
}
