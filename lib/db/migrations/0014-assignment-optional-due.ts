// An assignment may have no due date: "no due date" is a choice the facilitator makes on purpose
// (issue #23), stored as NULL, so a date in the past can be refused without forcing an invented
// one. Never edit a migration that has landed: add a new one.
import { sql, type Kysely, type Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0014(kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (kind === "postgres") {
        await db.schema.alterTable("assignments").alterColumn("due_at", (col) => col.dropNotNull()).execute();
        return;
      }
      // SQLite cannot drop a NOT NULL in place: the table is rebuilt with the same columns and
      // constraint, in one transaction (no table refers to assignments).
      await db.transaction().execute(async (trx) => {
        await trx.schema
          .createTable("assignments_rebuilt")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
          .addColumn("activity_id", "text", (c) => c.notNull())
          .addColumn("due_at", "text")
          .addColumn("created_at", "text", (c) => c.notNull())
          .addUniqueConstraint("assignments_one_per_activity", ["cohort_id", "activity_id"])
          .execute();
        await sql`insert into assignments_rebuilt (id, cohort_id, activity_id, due_at, created_at) select id, cohort_id, activity_id, due_at, created_at from assignments`.execute(trx);
        await trx.schema.dropTable("assignments").execute();
        await trx.schema.alterTable("assignments_rebuilt").renameTo("assignments").execute();
      });
    },
  };
}
