import { getTranslations } from "next-intl/server";
import { locales } from "@/i18n/locales";
import { asciiHtml } from "./ascii-html";
import { LanguageLinks } from "./language-links";

/**
 * The language switcher, on every page (the site footer): each language named in itself, with
 * its lang and dir, the page's own marked aria-current. The names travel as ASCII HTML
 * (components/ui/ascii-html.ts): "العربية" on an English lesson page would otherwise make the
 * prerendered page a two-byte string, ten times slower to send (e2e/static.spec.ts).
 */
export async function LanguageSwitcher({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "language" });
  const languages = locales.languages.map(({ code, dir, name }) => ({ code, dir, nameHtml: asciiHtml(name) }));
  return (
    <nav className="language-switcher" aria-labelledby="language-label">
      <svg className="language-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M2 10h16M10 2c2.4 2.2 3.4 5 3.4 8s-1 5.8-3.4 8c-2.4-2.2-3.4-5-3.4-8s1-5.8 3.4-8z" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <span id="language-label" className="language-label">
        {t("label")}
      </span>
      <LanguageLinks current={locale} languages={languages} />
    </nav>
  );
}
