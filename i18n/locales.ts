// The one description of the app's languages: content/locales.json. Each entry is a code, the
// language's name in that language (what the switcher shows) and its writing direction (what
// <html dir> says). Enabling a language is adding its entry, once content/<code>/messages.json
// exists (i18n/locales.test.ts checks that every enabled code has one).
import { z } from "zod";
import config from "@/content/locales.json";

export type Direction = "ltr" | "rtl";

const localesFile = z
  .object({
    defaultLocale: z.string(),
    locales: z
      .array(
        z.strictObject({
          // A BCP 47 language, optionally with a region ("pt-BR"): the shape proxy.ts skips.
          code: z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/),
          name: z.string().trim().min(1),
          dir: z.enum(["ltr", "rtl"]),
          // "partial" while its translation is under way: missing files show in English with a
          // notice (lib/content/locales.ts, content/README.md "Translations"). The app serves it alike.
          status: z.enum(["complete", "partial"]).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    const codes = file.locales.map((l) => l.code);
    const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (twice.length) ctx.addIssue({ code: "custom", path: ["locales"], message: `listed twice: ${twice.join(", ")}` });
    if (!codes.includes(file.defaultLocale)) ctx.addIssue({ code: "custom", path: ["defaultLocale"], message: `${file.defaultLocale} is not among the locales` });
  });

export type LocalesFile = z.input<typeof localesFile>;

export interface LocaleTable {
  defaultLocale: string;
  /** The enabled codes, in the file's order (the switcher's order). */
  codes: readonly string[];
  isLocale(value: unknown): value is string;
  /** The writing direction of an enabled locale. */
  dir(locale: string): Direction;
  /** The language's own name for itself ("Français"). */
  name(locale: string): string;
  /** Every enabled language, for the switcher. */
  languages: readonly { code: string; name: string; dir: Direction }[];
}

/** Reads a locales file (content/locales.json's shape); throws, naming the field, when it is wrong. */
export function localeTable(input: unknown): LocaleTable {
  const parsed = localesFile.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`content/locales.json: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
  }
  const file = parsed.data;
  const byCode = new Map(file.locales.map((l) => [l.code, l]));
  const entry = (locale: string) => {
    const found = byCode.get(locale);
    if (!found) throw new Error(`Unknown locale "${locale}": not in content/locales.json`);
    return found;
  };
  return {
    defaultLocale: file.defaultLocale,
    codes: file.locales.map((l) => l.code),
    isLocale: (value): value is string => typeof value === "string" && byCode.has(value),
    dir: (locale) => entry(locale).dir,
    name: (locale) => entry(locale).name,
    languages: file.locales.map(({ code, name, dir }) => ({ code, name, dir })),
  };
}

export const locales = localeTable(config);
