// Co-facilitators by invitation: the owner names an email, the person with that email accepts
// (or declines) when they sign in. Never edit a migration that has landed: add a new one.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0009(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("cohort_invitations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("cohort_id", "text", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
        // Not the email itself: a hash to match the invited account by, and a masked hint
        // ("k…@example.org") for the owner's list. Someone without an account leaves no address here.
        .addColumn("email_hash", "text", (c) => c.notNull())
        .addColumn("email_hint", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addUniqueConstraint("cohort_invitations_one_per_email", ["cohort_id", "email_hash"])
        .execute();
      // "My invitations" looks them up by the signed-in account's email hash.
      await db.schema.createIndex("cohort_invitations_email").on("cohort_invitations").column("email_hash").execute();
    },
  };
}
