import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { sourceHref, type Version } from "@/lib/content";
import { locales } from "@/i18n/locales";

/** What the notice calls the block: its words are translation.missing.<kind> in messages.json. */
export type NoticeKind = "lesson" | "quiz" | "scenario" | "check" | "booster" | "course" | "track" | "help";

/** The lang attribute of a content block: set only when its text is not in the page's language. */
export function blockLang(locale: string, version: Version): string | undefined {
  return version.locale === locale ? undefined : version.locale;
}

/** The dir attribute of a content block: set only when its text runs the other way from the page (English on an Arabic page). */
export function blockDir(locale: string, version: Version): "ltr" | "rtl" | undefined {
  const dir = locales.dir(version.locale);
  return dir === locales.dir(locale) ? undefined : dir;
}

/**
 * Above a block of course content that is not a reviewed translation: the English text standing
 * in for one not written yet ("This lesson isn't translated yet; here it is in English"), or a
 * draft translation with a link to the English original (the same page under /en). Nothing for
 * an English page or a reviewed translation. Which version is shown: lib/content/versions.ts.
 */
export async function TranslationNotice({ locale, version, kind, href }: { locale: string; version: Version; kind: NoticeKind; href: string }) {
  if (version.status === "source" || version.status === "reviewed") return null;
  const t = await getTranslations({ locale, namespace: "translation" });
  if (version.status === "fallback") {
    return (
      <p className="translation-notice" lang={locale}>
        {t(`missing.${kind}`)}
      </p>
    );
  }
  return (
    <p className="translation-notice" lang={locale}>
      {t("draft")}{" "}
      <Link href={sourceHref(href)} hrefLang="en">
        {t("original")}
      </Link>
    </p>
  );
}
