// Live workshop sessions (issue #24): the session and its state, the people in it and their
// answers. The state lives here, not in a process, so a restart or a second instance resumes on
// the same step. Never edit a migration that has landed: add a new one.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0015(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("live_sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        // The code people type to join; unique among sessions (a cohort's join code is another table).
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("owner_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        // A group session's cohort; null for an ad hoc session (nickname joiners, totals only).
        .addColumn("cohort_id", "text", (c) => c.references("cohorts.id").onDelete("cascade"))
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("course_id", "text", (c) => c.notNull())
        .addColumn("track_id", "text")
        .addColumn("running_order", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        // Ad hoc sessions, once ended: the counts per round and choice, all that is kept of them.
        .addColumn("totals", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("ended_at", "text")
        .execute();
      await db.schema.createIndex("live_sessions_owner").on("live_sessions").column("owner_id").execute();
      await db.schema.createIndex("live_sessions_cohort").on("live_sessions").column("cohort_id").execute();

      await db.schema
        .createTable("live_participants")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("session_id", "text", (c) => c.notNull().references("live_sessions.id").onDelete("cascade"))
        // A group member's account; null for a nickname joiner, who is known by token_hash alone.
        .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
        // sha256 of the random token in the joiner's httpOnly cookie (never the token itself).
        .addColumn("token_hash", "text", (c) => c.unique())
        .addColumn("nickname", "text")
        .addColumn("joined_at", "text", (c) => c.notNull())
        .addColumn("seen_at", "text", (c) => c.notNull())
        .addUniqueConstraint("live_participants_one_per_member", ["session_id", "user_id"])
        .execute();
      await db.schema.createIndex("live_participants_user").on("live_participants").column("user_id").execute();

      await db.schema
        .createTable("live_answers")
        // The client's id: a resend of the same answer is this row again, never a second one.
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("session_id", "text", (c) => c.notNull().references("live_sessions.id").onDelete("cascade"))
        .addColumn("participant_id", "text", (c) => c.notNull().references("live_participants.id").onDelete("cascade"))
        // A group member's account (as on their participant row), so their export and erasure
        // find these answers directly; null for nickname joiners.
        .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
        .addColumn("step_key", "text", (c) => c.notNull())
        // The step, or for rounds within it (a scenario's decision, a discernment post) step#node.
        .addColumn("round", "text", (c) => c.notNull())
        // JSON array of option, choice or mark ids; never free text.
        .addColumn("choice", "text", (c) => c.notNull())
        .addColumn("answered_at", "text", (c) => c.notNull())
        .addUniqueConstraint("live_answers_one_per_round", ["participant_id", "round"])
        .execute();
      // Tallies: one session's step, grouped by round and choice.
      await db.schema.createIndex("live_answers_user").on("live_answers").column("user_id").execute();
      await db.schema.createIndex("live_answers_tally").on("live_answers").columns(["session_id", "step_key", "round"]).execute();
    },
  };
}
