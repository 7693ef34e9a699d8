// The locales the app serves. Adding a language is data only: a content/<locale>/ folder with its
// messages.json and courses, and its code in content/locales.json.
import { defineRouting } from "next-intl/routing";
import config from "@/content/locales.json";

export const routing = defineRouting({
  locales: config.locales,
  defaultLocale: config.defaultLocale,
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}
