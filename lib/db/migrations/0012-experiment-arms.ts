// Random assignments for the course's experiments (issue #20): which order of the two parallel
// check forms a learner takes (A then B, or B then A), and which version of each bias-check pair
// they see. One row per learner, course and experiment, written the first time it is needed and
// never changed, so reports can split results by arm. Never edit a migration that has landed.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0012(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("experiment_arms")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("course_id", "text", (c) => c.notNull())
        .addColumn("experiment", "text", (c) => c.notNull())
        .addColumn("arm", "text", (c) => c.notNull())
        .addColumn("assigned_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("experiment_arms_pk", ["user_id", "course_id", "experiment"])
        .execute();
      // Reports count the arms of a group's members per experiment, and course-wide for admins.
      await db.schema.createIndex("experiment_arms_by_experiment").on("experiment_arms").columns(["course_id", "experiment", "arm"]).execute();
    },
  };
}
