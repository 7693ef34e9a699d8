// Which version of a content file a page shows: the translation in the requested locale, or the
// English source when the locale has none yet (the loader reads it in its place, load.ts). Pages
// pass the answer to components/ui/translation-notice.tsx, which says so and marks the block's
// language. Pure: works on loaded content, so the tests need no server.
import type { LocaleContent } from "./load";
import { fileKey, SOURCE_LOCALE } from "./translation";

/**
 * source: the requested locale is the source (English);
 * draft, reviewed: a translation, with its review status;
 * fallback: the locale has no translation of this file yet, so the English one is shown.
 */
export type VersionStatus = "source" | "draft" | "reviewed" | "fallback";

export interface Version {
  /** The language the text is in: the requested locale, or the source's for a fallback. */
  locale: string;
  status: VersionStatus;
}

/** The version of the file at `file` (a path inside the locale folder, with or without its extension). */
export function versionOf(content: LocaleContent, file: string): Version {
  if (content.locale === SOURCE_LOCALE) return { locale: SOURCE_LOCALE, status: "source" };
  const key = fileKey(file);
  const record = content.fallbacks.has(key) ? undefined : content.translations.get(key);
  return record ? { locale: content.locale, status: record.status } : { locale: SOURCE_LOCALE, status: "fallback" };
}

/** One notice for a block made of several files (the two check forms): the least finished version decides. */
export function leastFinished(versions: Version[]): Version {
  const order: VersionStatus[] = ["fallback", "draft", "reviewed", "source"];
  return [...versions].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0] ?? { locale: SOURCE_LOCALE, status: "source" };
}

/** Where each kind of file lives inside a locale folder (its fileKey). */
export const contentPath = {
  quiz: (course: string, quiz: string) => `courses/${course}/quizzes/${quiz}`,
  scenario: (course: string, scenario: string) => `courses/${course}/scenarios/${scenario}`,
  form: (course: string, form: "a" | "b") => `courses/${course}/assessments/form-${form}`,
  booster: (course: string, booster: string) => `courses/${course}/boosters/${booster}`,
  course: (course: string) => `courses/${course}/course`,
  track: (track: string) => `tracks/${track}`,
  channels: () => "resources/channels",
};

/** A page's address in the source locale: the same path under /en. */
export function sourceHref(href: string): string {
  return href.replace(/^\/[a-z]{2}(?:-[A-Z]{2})?(?=\/|$)/, `/${SOURCE_LOCALE}`);
}
