import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

/**
 * The item analysis reads, for every answer of a cohort, its attempt's activity, content version
 * and score (migration 0010 added the version): a table row per attempt on every answer. This
 * index holds all the report reads of an attempt, found by learner and course as before, so the
 * join is answered from the index alone (bench/reports.ts, issue #20 note).
 */
export function migration0011(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("quiz_attempts_report")
        .on("quiz_attempts")
        .columns(["user_id", "course_id", "content_version", "lesson_id", "id", "score", "source", "finished_at"])
        .execute();
    },
  };
}
