// An assignment may have no due date: a class created with the school plan is given the plan's
// lessons at once (lib/cohorts/mutations.ts createCohort), before the teacher knows when each
// lesson falls, and a date set later moves it. Never edit a migration that has landed.
import { sql, type Kysely, type Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0014(kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (kind === "postgres") {
        await db.schema.alterTable("assignments").alterColumn("due_at", (c) => c.dropNotNull()).execute();
        return;
      }
      // SQLite cannot drop NOT NULL from a column: rebuild the table with the same columns and
      // constraint, copy the rows, and swap it in. No other table refers to assignments.
      await db.schema
        .createTable("assignments_next")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("activity_id", "text", (c) => c.notNull())
        .addColumn("due_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("assignments_one_per_activity", ["cohort_id", "activity_id"])
        .execute();
      await sql`insert into assignments_next (id, cohort_id, activity_id, due_at, created_at) select id, cohort_id, activity_id, due_at, created_at from assignments`.execute(db);
      await db.schema.dropTable("assignments").execute();
      await db.schema.alterTable("assignments_next").renameTo("assignments").execute();
    },
  };
}
