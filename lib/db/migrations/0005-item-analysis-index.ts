import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

/**
 * Item analysis reads a cohort's answers attempt by attempt (attempts found by learner, answers
 * by attempt) and needs only the question, the choice and whether it was right: this index holds
 * all of them, so the 83,000 answers of a 500-learner cohort are read from the index alone
 * instead of one table row each. On SQLite that took item analysis from 258 to 113 ms p50 at 500
 * learners (bench/reports.ts, issue #6 note). It costs each stored answer one more index entry.
 */
export function migration0005(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex("quiz_responses_attempt_answer").on("quiz_responses").columns(["attempt_id", "question_id", "chosen", "correct"]).execute();
    },
  };
}
