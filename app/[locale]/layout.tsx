import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, routing } from "@/i18n/routing";
import { locales } from "@/i18n/locales";
import { SiteHeader } from "@/components/ui/site-header";
import { SiteFooter } from "@/components/ui/site-footer";
import { ErrorStringsProvider } from "@/components/ui/error-strings";
import { OfflineStatus } from "@/components/offline/offline-status";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata(props: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "site" });
  // An ASCII separator: a prerendered page is written as a JavaScript string on every request, and
  // one character above U+007F makes that slower (e2e/static.spec.ts, bench/README.md).
  return { title: { default: t("name"), template: `%s - ${t("name")}` }, description: t("tagline"), manifest: "/manifest.webmanifest" };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8f7f3" },
    { media: "(prefers-color-scheme: dark)", color: "#11161c" },
  ],
};

export default async function LocaleLayout(props: LayoutProps<"/[locale]">) {
  const { locale } = await props.params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, te, to] = await Promise.all([
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "errors" }),
    getTranslations({ locale, namespace: "offline" }),
  ]);
  // The words of every segment's error.tsx (components/ui/error-strings.tsx says why a context).
  const errorStrings = { title: te("title"), body: te("body"), retry: te("retry"), home: te("home"), emergency: t("emergency") };
  return (
    <html lang={locale} dir={locales.dir(locale)}>
      <body>
        {/* No query provider here: islands reach the one client through components/api/queries.ts. */}
        <a className="skip-link" href="#main">
          {t("skip")}
        </a>
        <SiteHeader locale={locale} />
        <OfflineStatus label={to("status")} />
        <main id="main" tabIndex={-1}>
          <ErrorStringsProvider locale={locale} strings={errorStrings}>
            {props.children}
          </ErrorStringsProvider>
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
