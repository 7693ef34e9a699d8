// The locales the app serves, from content/locales.json (i18n/locales.ts). Adding a language is
// data only: a content/<locale>/ folder with its messages.json and courses, and its entry there.
import { defineRouting } from "next-intl/routing";
import { LOCALE_COOKIE } from "./locale-cookie";
import { locales } from "./locales";

export const routing = defineRouting({
  locales: locales.codes,
  defaultLocale: locales.defaultLocale,
  localePrefix: "always",
  // A year, as the language switcher sets it (components/ui/language-links.tsx) and sign-in does
  // from the account (lib/account/locale.ts).
  localeCookie: { ...LOCALE_COOKIE, sameSite: "lax" },
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: string): value is Locale {
  return locales.isLocale(value);
}
