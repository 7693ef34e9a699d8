// Class rosters imported from a school's information system (OneRoster 1.2 CSV, lib/rosters):
// which group each roster class became, and which learner account each roster student is, so
// that importing the same roster again changes nothing. Links belong to the facilitator who
// imported them: roster ids are unique within one school's system, not across schools, so one
// facilitator's "student 17" is never another's. Never edit a migration that has landed.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0021(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("roster_classes")
        .addColumn("owner_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("source_id", "text", (c) => c.notNull())
        .addColumn("cohort_id", "text", (c) => c.notNull().unique().references("cohorts.id").onDelete("cascade"))
        .addColumn("imported_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("roster_classes_pk", ["owner_id", "source_id"])
        .execute();

      await db.schema
        .createTable("roster_learners")
        .addColumn("owner_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("source_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().unique().references("users.id").onDelete("cascade"))
        .addColumn("imported_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("roster_learners_pk", ["owner_id", "source_id"])
        .execute();
    },
  };
}
