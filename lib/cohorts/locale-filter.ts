// A report's language filter (issue #25). A locale reads only what was done in it: attempts by
// the locale they were begun in (their first answer's), lessons done by the locale they were
// marked in. Null reads every locale, with the very SQL the reports ran before locales were kept.
import { sql } from "kysely";
import { z } from "zod";
import { knownLocale } from "@/lib/content/known-locales";

export type LocaleFilter = string | null;

/** "and <column> = <locale>" to append to a WHERE, or nothing at all for "all languages". */
export function andInLocale(column: string, locale: LocaleFilter) {
  return locale === null ? sql`` : sql`and ${sql.ref(column)} = ${locale}`;
}

/** The query of a group's report routes: `?locale=fr` reads one language; without it, all. */
export const reportFilterInput = z.object({ locale: knownLocale.optional() });

/** The filter a parsed report query names. */
export const localeFilterOf = (input: { locale?: string }): LocaleFilter => input.locale ?? null;
