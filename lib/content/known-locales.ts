// The locales the app knows, from content/locales.json, read tolerantly: the file lists either
// codes ({ defaultLocale, locales: ["en", ...] }) or entries ({ defaultLocale, locales: [{ code,
// name, dir }, ...] }), as the language work of issue #25 moves it from the first to the second.
// Anything else in the file is ignored; a file with no usable code still knows its default, "en".
// Pure (the JSON is bundled), so zod inputs and tests use it alike.
import { z } from "zod";
import config from "@/content/locales.json";

const CODE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** The locale codes in a locales.json of either format, in file order, without repeats. */
export function localeCodes(file: unknown): { defaultLocale: string; locales: string[] } {
  const raw = typeof file === "object" && file !== null ? (file as { defaultLocale?: unknown; locales?: unknown }) : {};
  const entries = Array.isArray(raw.locales) ? raw.locales : [];
  const codes = entries.map((e: unknown) => (typeof e === "string" ? e : typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined));
  const locales = [...new Set(codes.filter((c): c is string => typeof c === "string" && CODE.test(c)))];
  const defaultLocale = typeof raw.defaultLocale === "string" && locales.includes(raw.defaultLocale) ? raw.defaultLocale : (locales[0] ?? "en");
  return { defaultLocale, locales: locales.length ? locales : [defaultLocale] };
}

const known = localeCodes(config as unknown);

/** Every locale the app serves, the default first as the file lists it. */
export const KNOWN_LOCALES: readonly string[] = known.locales;
export const DEFAULT_LOCALE: string = known.defaultLocale;

export function isKnownLocale(value: string): boolean {
  return KNOWN_LOCALES.includes(value);
}

/** A locale a request may name: one of content/locales.json's, or refused ("unknown language"). */
export const knownLocale = z.string().refine(isKnownLocale, "unknown language");
