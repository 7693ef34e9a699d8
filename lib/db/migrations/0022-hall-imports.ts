// Hall imports (issue #26): a group's records made on a hall laptop (`npm run hall`) and brought
// into the organisation's server. hall_groups remembers which hall group went into which group,
// so a file of that hall group is never imported into a second one by mistake; hall_learners maps
// each hall learner to the account made for them here, so a second import of the same file (or a
// later, longer one) adds records to the same people and makes nobody twice (lib/hall/import.ts).
// Never edit a migration that has landed: add a new one.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0022(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("hall_groups")
        // The group's id on the hall laptop: imported into one group of this server only.
        .addColumn("hall_cohort_id", "text", (c) => c.primaryKey())
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("imported_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("hall_groups_cohort").on("hall_groups").column("cohort_id").execute();

      await db.schema
        .createTable("hall_learners")
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        // The learner's account id on the hall laptop (random; names nobody here).
        .addColumn("hall_user_id", "text", (c) => c.notNull())
        // The nickname account made here for them; the mapping goes when that account is deleted.
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("hall_learners_pk", ["cohort_id", "hall_user_id"])
        .execute();
      await db.schema.createIndex("hall_learners_user").on("hall_learners").column("user_id").execute();
    },
  };
}
