// "Your views": anonymous attitude answers, who has answered (without a link to the answers), and
// the batches of five that totals are released in. Never edit a migration that has landed.
import { sql, type Kysely, type Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0003(kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const answers = db.schema
        .createTable("attitude_answers")
        // Random UUIDs: the id says nothing about who answered or when.
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("item_id", "text", (c) => c.notNull())
        .addColumn("form", "text", (c) => c.notNull().check(sql`form in ('pre', 'post')`))
        .addColumn("value", "integer", (c) => c.notNull().check(sql`value between 1 and 5`))
        // The date only, never the time of day.
        .addColumn("answered_on", "text", (c) => c.notNull().check(sql`length(answered_on) = 10`))
        .addColumn("batch", "integer", (c) => c.notNull());
      // SQLite: a WITHOUT ROWID table is stored in primary-key order, so the file's order of rows
      // is random rather than the order people answered in (which would line up with
      // attitude_submissions). PostgreSQL has no such option; see lib/attitudes/mutations.ts.
      await (kind === "sqlite" ? answers.modifyEnd(sql`without rowid`) : answers).execute();
      await db.schema.createIndex("attitude_answers_cohort").on("attitude_answers").columns(["cohort_id", "form", "batch"]).execute();

      await db.schema
        .createTable("attitude_submissions")
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("form", "text", (c) => c.notNull().check(sql`form in ('pre', 'post')`))
        .addColumn("submission_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("attitude_submissions_pk", ["cohort_id", "user_id", "form"])
        .execute();
      await db.schema.createIndex("attitude_submissions_user").on("attitude_submissions").column("user_id").execute();

      await db.schema
        .createTable("attitude_batches")
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("form", "text", (c) => c.notNull().check(sql`form in ('pre', 'post')`))
        .addColumn("batch", "integer", (c) => c.notNull())
        .addColumn("members", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("attitude_batches_pk", ["cohort_id", "form", "batch"])
        .execute();
    },
  };
}
