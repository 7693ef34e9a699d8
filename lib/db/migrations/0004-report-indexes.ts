import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

/**
 * Facilitator reports look up a cohort's answers by learner and question (learningGain's
 * assessment filter, itemAnalysis). Without this index PostgreSQL scanned quiz_responses: at 30
 * learners learningGain went from 21.8 ms to 1.5 ms with it (bench/, issue #5 note).
 */
export function migration0004(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex("quiz_responses_user_question").on("quiz_responses").columns(["user_id", "question_id"]).execute();
    },
  };
}
