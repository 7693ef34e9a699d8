// content/locales.json, read tolerantly: the locales as codes ({ "locales": ["en"] }) or as
// entries ({ "locales": [{ "code": "ar", "name": "العربية", "dir": "rtl" }] }). An entry may say
// "status": "partial" while its translation is under way: then a missing file is coverage, not
// an error (content/README.md, Translations). A listed locale is complete unless it says so.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const LOCALE_STATUSES = ["complete", "partial"] as const;
export type LocaleStatus = (typeof LOCALE_STATUSES)[number];

const code = z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, "a locale code such as 'fr' or 'pt-BR'");
const entry = z.union([
  code.transform((c) => ({ code: c, status: "complete" as LocaleStatus })),
  z.looseObject({ code, status: z.enum(LOCALE_STATUSES).default("complete") }).transform((e) => ({ code: e.code, status: e.status })),
]);

export const localesFile = z.looseObject({
  defaultLocale: code,
  locales: z.array(entry).min(1),
});

export interface ListedLocale {
  code: string;
  status: LocaleStatus;
}

/** The listed locales (none when there is no locales.json), or a problem message when the file is in neither format. */
export function readLocales(root: string): { defaultLocale: string; locales: ListedLocale[] } | { error: string } {
  const file = path.join(root, "locales.json");
  if (!fs.existsSync(file)) return { defaultLocale: "en", locales: [] };
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
  const r = localesFile.safeParse(data);
  if (!r.success) return { error: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  return r.data;
}
