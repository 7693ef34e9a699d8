// The names of the app's languages in the page's own language ("French" on an English page,
// "français" on a French one), for the reports' language filter and per-language figures. Worked
// out on the server (Intl.DisplayNames) and passed down as plain strings, so the browser's own
// name list can never make the hydrated page differ from the server's.
import { KNOWN_LOCALES } from "@/lib/content/known-locales";

export type LanguageNames = Record<string, string>;

export function languageNames(pageLocale: string, codes: readonly string[] = KNOWN_LOCALES): LanguageNames {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([pageLocale], { type: "language" });
  } catch {
    names = undefined;
  }
  return Object.fromEntries(codes.map((code) => [code, names?.of(code) ?? code]));
}
