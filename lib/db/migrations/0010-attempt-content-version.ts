// Each attempt records the content version of the quiz it was taken on (lib/content/version.ts),
// so reports never mix answers to items before and after a rewrite (issue #20). Attempts made
// before this migration stay null: their version is unknown, so reports leave them out.
// Never edit a migration that has landed: add a new one.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0010(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("quiz_attempts").addColumn("content_version", "text").execute();
    },
  };
}
