// Signing out ends that session on the server (issue #19): each session carries a random id in
// its token, and a plain sign-out records the id here until no token carrying it can still be
// valid. Only the id and that time: no user id, nothing personal.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0008(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("revoked_sessions")
        .addColumn("session_id", "text", (c) => c.primaryKey())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("revoked_sessions_expires").on("revoked_sessions").column("expires_at").execute();
    },
  };
}
