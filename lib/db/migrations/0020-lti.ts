// LTI 1.3 Advantage (issue #27): the platforms (LMSs) registered by an admin, the tool's own
// signing keys, launch nonces (single use), the accounts and groups an LMS's users and courses
// become, the line items a learner's scores go to, and the queue that sends them (AGS), so a
// score survives a restart and never waits for the LMS. Never edit a migration that has landed.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0020(kind: DbKind): Migration {
  const real = kind === "postgres" ? "double precision" : "real";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("lti_platforms")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("issuer", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("auth_endpoint", "text", (c) => c.notNull())
        .addColumn("jwks_url", "text", (c) => c.notNull())
        .addColumn("token_url", "text", (c) => c.notNull())
        // The "aud" of the tool's client assertion when the platform wants other than token_url.
        .addColumn("audience", "text")
        // JSON array of deployment ids: a launch from any other deployment is refused.
        .addColumn("deployment_ids", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("lti_platforms_issuer_client", ["issuer", "client_id"])
        .execute();

      // The tool's own key pairs are the app's signing keys of purpose "lti" (signing_keys, 0018).

      // A login's nonce, by its hash: used once, within minutes.
      await db.schema
        .createTable("lti_nonces")
        .addColumn("nonce_hash", "text", (c) => c.primaryKey())
        .addColumn("platform_id", "text", (c) => c.notNull().references("lti_platforms.id").onDelete("cascade"))
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema.createIndex("lti_nonces_expiry").on("lti_nonces").column("expires_at").execute();

      // An LMS user (the platform's opaque "sub") and the account the app made for them.
      await db.schema
        .createTable("lti_users")
        .addColumn("platform_id", "text", (c) => c.notNull().references("lti_platforms.id").onDelete("cascade"))
        .addColumn("sub", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().unique().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("lti_users_pk", ["platform_id", "sub"])
        .execute();

      // An LMS course (context) and the group it became.
      await db.schema
        .createTable("lti_contexts")
        .addColumn("platform_id", "text", (c) => c.notNull().references("lti_platforms.id").onDelete("cascade"))
        .addColumn("context_id", "text", (c) => c.notNull())
        .addColumn("cohort_id", "text", (c) => c.references("cohorts.id").onDelete("set null"))
        .addColumn("memberships_url", "text")
        .addColumn("synced_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("lti_contexts_pk", ["platform_id", "context_id"])
        .execute();
      await db.schema.createIndex("lti_contexts_cohort").on("lti_contexts").column("cohort_id").execute();

      // Who launched (or was listed by NRPS) in a context, and as what.
      await db.schema
        .createTable("lti_context_members")
        .addColumn("platform_id", "text", (c) => c.notNull())
        .addColumn("context_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("lti_context_members_pk", ["platform_id", "context_id", "user_id"])
        .addForeignKeyConstraint("lti_context_members_context", ["platform_id", "context_id"], "lti_contexts", ["platform_id", "context_id"], (fk) => fk.onDelete("cascade"))
        .execute();
      await db.schema.createIndex("lti_context_members_user").on("lti_context_members").column("user_id").execute();

      // Where a learner's score for an activity goes: the line item of the link they launched.
      await db.schema
        .createTable("lti_grade_links")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("line_item_url", "text", (c) => c.notNull())
        .addColumn("platform_id", "text", (c) => c.notNull().references("lti_platforms.id").onDelete("cascade"))
        .addColumn("sub", "text", (c) => c.notNull())
        .addColumn("course_id", "text", (c) => c.notNull())
        .addColumn("activity_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("lti_grade_links_pk", ["user_id", "line_item_url"])
        .execute();

      // Scores waiting to be sent (or sent): one row per attempt and line item, whatever resends.
      await db.schema
        .createTable("lti_score_queue")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("platform_id", "text", (c) => c.notNull().references("lti_platforms.id").onDelete("cascade"))
        .addColumn("line_item_url", "text", (c) => c.notNull())
        .addColumn("sub", "text", (c) => c.notNull())
        .addColumn("attempt_id", "text", (c) => c.notNull())
        .addColumn("score_given", real, (c) => c.notNull())
        .addColumn("score_maximum", real, (c) => c.notNull())
        .addColumn("activity_progress", "text", (c) => c.notNull())
        .addColumn("grading_progress", "text", (c) => c.notNull())
        .addColumn("scored_at", "text", (c) => c.notNull())
        .addColumn("tries", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_try_at", "text", (c) => c.notNull())
        .addColumn("sent_at", "text")
        .addColumn("failed_at", "text")
        .addColumn("last_error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("lti_score_queue_once", ["attempt_id", "line_item_url"])
        .execute();
      await db.schema.createIndex("lti_score_queue_due").on("lti_score_queue").columns(["sent_at", "failed_at", "next_try_at"]).execute();
      await db.schema.createIndex("lti_score_queue_user").on("lti_score_queue").column("user_id").execute();

      // A teacher's deep-linking request, between the launch and their choice (single use).
      await db.schema
        .createTable("lti_deep_links")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("platform_id", "text", (c) => c.notNull().references("lti_platforms.id").onDelete("cascade"))
        .addColumn("deployment_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("return_url", "text", (c) => c.notNull())
        .addColumn("data", "text")
        .addColumn("accept_multiple", "integer", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema.createIndex("lti_deep_links_user").on("lti_deep_links").column("user_id").execute();
    },
  };
}
