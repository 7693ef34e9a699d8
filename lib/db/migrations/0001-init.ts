// Never edit a migration that has landed: add a new one.
import { sql, type Kysely } from "kysely";
import type { DbKind } from "../client";

export function migration0001(kind: DbKind) {
  const real = kind === "postgres" ? "double precision" : "real";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.unique())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull().defaultTo("learner").check(sql`role in ('learner', 'facilitator', 'admin')`))
        .addColumn("session_version", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("login_throttle")
        .addColumn("account_hash", "text", (c) => c.notNull())
        .addColumn("client_hash", "text", (c) => c.notNull())
        .addColumn("failures", "integer", (c) => c.notNull())
        .addColumn("window_started_at", "text", (c) => c.notNull())
        .addColumn("blocked_until", "text")
        .addPrimaryKeyConstraint("login_throttle_pk", ["account_hash", "client_hash"])
        .execute();

      await db.schema
        .createTable("login_devices")
        .addColumn("account_hash", "text", (c) => c.notNull())
        .addColumn("device_hash", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("login_devices_pk", ["account_hash", "device_hash"])
        .execute();

      await db.schema
        .createTable("lesson_completions")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("course_id", "text", (c) => c.notNull())
        .addColumn("lesson_id", "text", (c) => c.notNull())
        .addColumn("completed_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("lesson_completions_pk", ["user_id", "course_id", "lesson_id"])
        .execute();

      await db.schema
        .createTable("quiz_attempts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("course_id", "text", (c) => c.notNull())
        .addColumn("lesson_id", "text", (c) => c.notNull())
        .addColumn("quiz_id", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("score", real)
        .addColumn("source", "text", (c) => c.notNull().defaultTo("app"))
        .execute();
      await db.schema.createIndex("quiz_attempts_user_lesson").on("quiz_attempts").columns(["user_id", "course_id", "lesson_id"]).execute();

      await db.schema
        .createTable("quiz_responses")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("attempt_id", "text", (c) => c.notNull().references("quiz_attempts.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("skill", "text", (c) => c.notNull())
        .addColumn("chosen", "text", (c) => c.notNull())
        .addColumn("points", real, (c) => c.notNull())
        .addColumn("correct", "integer", (c) => c.notNull())
        .addColumn("answered_at", "text", (c) => c.notNull())
        .addUniqueConstraint("quiz_responses_one_per_question", ["attempt_id", "question_id"])
        .execute();
      await db.schema.createIndex("quiz_responses_user").on("quiz_responses").columns(["user_id", "answered_at"]).execute();
    },
  };
}
