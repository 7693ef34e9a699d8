// Each finished attempt keeps its answers in one text column (lib/progress/answer-summary.ts),
// written by finishAttempt, so the item analysis reads one row per finished attempt instead of
// regrouping every answer of a cohort on each view (bench/README.md, issue #20). Attempts
// finished before this migration get theirs here, built in SQL in the same format. Unfinished
// attempts keep none: the report reads their few answers from quiz_responses, through a partial
// index that holds only them. Never edit a migration that has landed: add a new one.
import { sql, type Kysely, type Migration } from "kysely";
import type { DbKind } from "../client";

/** Fills the summary of every finished attempt that has none (idempotent; "" when it has no answers). */
export async function backfillAnswerSummaries<DB>(db: Kysely<DB>, kind: DbKind): Promise<void> {
  // The record format of lib/progress/answer-summary.ts: id US correct US chosen, joined by RS
  // (char 31 and 30), in code-unit order of the question id.
  const summary =
    kind === "postgres"
      ? sql`string_agg(r.question_id || chr(31) || (case when r.correct = 1 then '1' else '0' end) || chr(31) || r.chosen, chr(30) order by r.question_id collate "C")`
      : sql`group_concat(r.question_id || char(31) || (case when r.correct = 1 then '1' else '0' end) || char(31) || r.chosen, char(30) order by r.question_id)`;
  await sql`
    update quiz_attempts set answer_summary = coalesce((select ${summary} from quiz_responses r where r.attempt_id = quiz_attempts.id), '')
      where finished_at is not null and answer_summary is null
  `.execute(db);
}

export function migration0013(kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("quiz_attempts").addColumn("answer_summary", "text").execute();
      await backfillAnswerSummaries(db, kind);
      // The attempts whose answers the report still reads one by one: unfinished ones (and any
      // finished without a summary). The columns are those of quiz_attempts_report (0011) it needs.
      await db.schema
        .createIndex("quiz_attempts_unsummarised")
        .on("quiz_attempts")
        .columns(["user_id", "course_id", "content_version", "lesson_id", "id", "score"])
        .where(sql.ref("answer_summary"), "is", null)
        .execute();
    },
  };
}
