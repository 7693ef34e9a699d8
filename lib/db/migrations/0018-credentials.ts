// Certificates anyone can verify (issue #27): the app's signing keys, the credentials it issues
// (Open Badges 3.0, lib/certificates) and the status list that revokes them. Never edit a
// migration that has landed: add a new one.
//
// signing_keys: one active key per purpose (retired_at null), enforced by a partial unique index,
// so two instances starting at once on PostgreSQL both insert-if-absent and one key wins. Retired
// keys stay: credentials they signed still verify. The private key is stored encrypted
// (lib/signing-keys/crypto.ts), never in the clear.
//
// credentials: one row per credential, the learner's (user_id). A facilitator's attendance award
// is a row without a signed token until the learner opens it and chooses the printed name.
//
// credential_status: the status list's allocated positions. A position names a credential id and
// nothing about a person, and is never reused; its bit is set unless a credentials row with that
// id exists and is not revoked, so deleting the row (the account's erasure) revokes it by itself.
import type { Kysely, Migration } from "kysely";
import { sql } from "kysely";
import type { DbKind } from "../client";

export function migration0018(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("signing_keys")
        .addColumn("kid", "text", (c) => c.primaryKey())
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("alg", "text", (c) => c.notNull())
        .addColumn("public_jwk", "text", (c) => c.notNull())
        .addColumn("private_jwk", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("retired_at", "text")
        .execute();
      await sql`create unique index signing_keys_one_active on signing_keys (purpose) where retired_at is null`.execute(db);

      await db.schema
        .createTable("credentials")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        // "completed" (the course) or "attended" (a group's workshop).
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("course_id", "text", (c) => c.notNull())
        // What was achieved, once per person: "completed:<course>" or "attended:<group>:<day>", so
        // a resent request or a second facilitator's click is this row again, never a second one.
        .addColumn("award_key", "text", (c) => c.notNull())
        // The group of an attendance award; no foreign key, so deleting the group keeps what was awarded.
        .addColumn("cohort_id", "text")
        // The words of the achievement, fixed when awarded (a group's name may change later).
        .addColumn("group_name", "text")
        .addColumn("session_date", "text")
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("printed_name", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("issued_at", "text")
        // The signed credential (VC-JWT); null until issued.
        .addColumn("jwt", "text")
        .addColumn("revoked_at", "text")
        .addUniqueConstraint("credentials_once", ["user_id", "award_key"])
        .execute();
      await db.schema.createIndex("credentials_cohort").on("credentials").column("cohort_id").execute();

      await db.schema
        .createTable("credential_status")
        .addColumn("list_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("credential_id", "text", (c) => c.notNull().unique())
        .addPrimaryKeyConstraint("credential_status_pk", ["list_id", "position"])
        .execute();
    },
  };
}
