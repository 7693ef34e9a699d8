// xAPI learning records (issue #27): the installation's LRS settings, and the outbox of statements
// waiting for (or already given to) that LRS. Statements are written in the same transaction as the
// answer or completion they describe (the outbox pattern) and sent by a background worker
// (lib/xapi/worker.ts), so an LRS that is slow or down never holds up an answer.
// Never edit a migration that has landed: add a new one.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0019(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // One row ("lrs"): the app has no organisations, so one LRS per installation.
      await db.schema
        .createTable("xapi_settings")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("endpoint", "text", (c) => c.notNull())
        // AES-256-GCM of the Basic auth key and secret (lib/xapi/crypto.ts); never shown back.
        .addColumn("credentials", "text")
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("enabled", "integer", (c) => c.notNull())
        // The origin that names the app in statements (actor homePage, activity IRIs).
        .addColumn("activity_base", "text", (c) => c.notNull())
        // Random key of the learners' pseudonyms in statements (HMAC of the account id).
        .addColumn("actor_salt", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("xapi_outbox")
        // The statement id: an answer's client id, an attempt's id, or derived from the completion.
        .addColumn("id", "text", (c) => c.primaryKey())
        // The learner the statement is about; null for a voiding statement (sent after erasure).
        .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
        // The statement, as JSON.
        .addColumn("statement", "text", (c) => c.notNull())
        // pending -> sending -> sent; dead when out of tries (an admin may retry); rejected when
        // the LRS refused it for good (409: another statement has its id; 400: not valid).
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        // When it may be tried (pending), or when a claim by a worker that died lapses (sending).
        .addColumn("next_attempt_at", "text", (c) => c.notNull())
        .addColumn("last_error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("sent_at", "text")
        .execute();
      await db.schema.createIndex("xapi_outbox_due").on("xapi_outbox").columns(["status", "next_attempt_at"]).execute();
      await db.schema.createIndex("xapi_outbox_user").on("xapi_outbox").column("user_id").execute();
    },
  };
}
