// The language a signed-in person chose (issue #25): the switcher saves it on the account, and
// signing in on another browser brings it back (lib/account/locale.ts). NULL until they choose;
// a code of content/locales.json otherwise. Never edit a migration that has landed.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export function migration0016(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("users").addColumn("locale", "text").execute();
    },
  };
}
