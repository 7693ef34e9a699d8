// Server error messages in the reader's language: which locale a request is answered in, and the
// text of an AppError key in it, formatted (ICU) from content/<locale>/messages.json
// "serverErrors". A locale is one that has a messages.json: adding a language adds its errors.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import type { ServerErrorKey, ServerMessage } from "@/lib/errors";

export const FALLBACK_LOCALE = "en";

type Messages = Record<string, unknown>;
const files = new Map<string, Messages | null>();
const loaded = new Map<string, Messages | null>();
let locales: readonly string[] | undefined;

/** The locales with a messages file, read once per process. */
export function serverLocales(): readonly string[] {
  locales ??= fs
    .readdirSync(path.join(process.cwd(), "content"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(e.name) && fs.existsSync(path.join(process.cwd(), "content", e.name, "messages.json")))
    .map((e) => e.name)
    .sort();
  return locales;
}

/** A locale's whole messages.json, read once per process; null for a locale the server lacks. */
function fileOf(locale: string): Messages | null {
  if (!files.has(locale)) {
    files.set(locale, serverLocales().includes(locale) ? (JSON.parse(fs.readFileSync(path.join(process.cwd(), "content", locale, "messages.json"), "utf8")) as Messages) : null);
  }
  return files.get(locale) ?? null;
}

function messagesOf(locale: string): Messages | null {
  if (!loaded.has(locale)) loaded.set(locale, (fileOf(locale)?.serverErrors as Messages | undefined) ?? null);
  return loaded.get(locale) ?? null;
}

/** One of the server's locales for a value from a request (any case), or undefined. */
export function knownLocale(value: string | null | undefined): string | undefined {
  return value ? serverLocales().find((l) => l.toLowerCase() === value.trim().toLowerCase()) : undefined;
}

/**
 * Server-made text (a CSV's header, say) in a locale: a translator for one namespace of
 * content/<locale>/messages.json. A locale the server lacks, or one without the namespace, is
 * answered in English; a key missing from the locale falls back to the English text.
 */
export function serverTranslator(locale: string, namespace: string): (key: string, args?: Record<string, string | number>) => string {
  const english = (fileOf(FALLBACK_LOCALE)?.[namespace] as Messages | undefined) ?? {};
  const own = fileOf(locale)?.[namespace] as Messages | undefined;
  const use = own ? locale : FALLBACK_LOCALE;
  const make = (l: string, m: Messages) => createTranslator({ locale: l, messages: { [namespace]: m }, namespace }) as unknown as (key: string, args?: object) => string;
  const t = make(use, own ?? english);
  const fallback = make(FALLBACK_LOCALE, english);
  const has = (m: Messages | undefined, key: string) => {
    let node: unknown = m;
    for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Messages)[part] : undefined;
    return typeof node === "string";
  };
  return (key, args = {}) => (has(own, key) ? t(key, args) : fallback(key, args));
}

/** Whether `key` has a text in `locale` (tests use it to prove every key is in every locale). */
export function hasServerError(locale: string, key: string): boolean {
  let node: unknown = messagesOf(locale);
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Messages)[part] : undefined;
  return typeof node === "string";
}

/**
 * The text of a key in a locale. A locale without the key falls back to English; a key English
 * lacks too (only possible through a cast) gives the general "something went wrong".
 */
export function serverErrorText(locale: string, message: ServerMessage | { key: ServerErrorKey; args?: object }): string {
  if (!hasServerError(FALLBACK_LOCALE, message.key)) message = { key: "http.internal" };
  const use = hasServerError(locale, message.key) ? locale : FALLBACK_LOCALE;
  const t = createTranslator({ locale: use, messages: { serverErrors: messagesOf(use) ?? {} }, namespace: "serverErrors" });
  // Keys and their arguments are checked by ServerErrorArgs (lib/errors.ts), not by use-intl.
  return (t as unknown as (key: string, args?: object) => string)(message.key, message.args ?? {});
}

/** The best of the server's locales for an Accept-Language header, or undefined. */
export function negotiate(acceptLanguage: string | null, available: readonly string[] = serverLocales()): string | undefined {
  if (!acceptLanguage) return undefined;
  const ranges = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranges) {
    if (tag === "*") return available.includes(FALLBACK_LOCALE) ? FALLBACK_LOCALE : available[0];
    const exact = available.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const primary = tag.split("-")[0];
    const base = available.find((l) => l.toLowerCase().split("-")[0] === primary);
    if (base) return base;
  }
  return undefined;
}

function cookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The locale a request's errors are written in: the page's language (X-Locale, sent by
 * components/api/api.ts), else the NEXT_LOCALE cookie, else Accept-Language, else English.
 */
export function requestLocale(request: Pick<Request, "headers"> | undefined): string {
  if (!request) return FALLBACK_LOCALE;
  return knownLocale(request.headers.get("x-locale")) ?? knownLocale(cookie(request.headers.get("cookie"), "NEXT_LOCALE")) ?? negotiate(request.headers.get("accept-language"), serverLocales()) ?? FALLBACK_LOCALE;
}
