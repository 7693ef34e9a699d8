// Cohorts (workshops and classes), their facilitators, members and assignments; nickname-only
// accounts; suspending facilitators. Never edit a migration that has landed: add a new one.
import type { Kysely } from "kysely";
import type { DbKind } from "../client";

export function migration0002(_kind: DbKind) {
  return {
    async up(db: Kysely<unknown>) {
      // A nickname-only account signs in with a generated login name instead of an email.
      await db.schema.alterTable("users").addColumn("login_name", "text").execute();
      await db.schema.createIndex("users_login_name").on("users").column("login_name").unique().execute();
      await db.schema.alterTable("users").addColumn("suspended_at", "text").execute();

      await db.schema
        .createTable("cohorts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("course_id", "text", (c) => c.notNull())
        .addColumn("track_id", "text", (c) => c.notNull())
        .addColumn("join_code", "text", (c) => c.notNull().unique())
        .addColumn("owner_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("archived_at", "text")
        .execute();
      await db.schema.createIndex("cohorts_owner").on("cohorts").column("owner_id").execute();

      await db.schema
        .createTable("cohort_facilitators")
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("cohort_facilitators_pk", ["cohort_id", "user_id"])
        .execute();
      await db.schema.createIndex("cohort_facilitators_user").on("cohort_facilitators").column("user_id").execute();

      await db.schema
        .createTable("cohort_members")
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("joined_at", "text", (c) => c.notNull())
        /** 1 when the account was created for this cohort (nickname only): deleted with the cohort. */
        .addColumn("pseudonymous", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("cohort_members_pk", ["cohort_id", "user_id"])
        .execute();
      await db.schema.createIndex("cohort_members_user").on("cohort_members").column("user_id").execute();

      await db.schema
        .createTable("assignments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        .addColumn("activity_id", "text", (c) => c.notNull())
        .addColumn("due_at", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("assignments_one_per_activity", ["cohort_id", "activity_id"])
        .execute();
    },
  };
}
