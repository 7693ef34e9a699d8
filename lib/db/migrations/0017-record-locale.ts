// Each answer, attempt and lesson completion records the locale it was given in (issue #25), so
// a group's reports can be read per language and a mistranslated question shows up as an outlier
// in the item analysis. Every row from before was given in English, the only language the app had:
// the column's default, 'en', fills them on both engines without rewriting a row by hand. The app
// names the locale on every write (lib/progress); the default only dates the old rows.
// No index: the reports filter by locale on rows they already read, so an unfiltered report reads
// the same index entries as before. Never edit a migration that has landed: add a new one.
import type { Kysely, Migration } from "kysely";
import type { DbKind } from "../client";

export const LOCALE_TABLES = ["quiz_attempts", "quiz_responses", "lesson_completions"] as const;

export function migration0017(_kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of LOCALE_TABLES) {
        await db.schema
          .alterTable(table)
          .addColumn("locale", "text", (c) => c.notNull().defaultTo("en"))
          .execute();
      }
    },
  };
}
