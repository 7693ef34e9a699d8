import Link from "@/components/ui/link";
import { locales } from "@/i18n/locales";
import { routing } from "@/i18n/routing";
import "./globals.css";

// Paths outside any locale (e.g. an unknown language code). Words come from the default locale.
export default async function GlobalNotFound() {
  const locale = routing.defaultLocale;
  const { notFound: t, site } = (await import(`../content/${locale}/messages.json`)).default;
  return (
    <html lang={locale} dir={locales.dir(locale)}>
      <body>
        <main id="main" className="container reading">
          <p className="eyebrow">{site.name}</p>
          <h1>{t.title}</h1>
          <p>{t.body}</p>
          <p>
            <Link href={`/${locale}`}>{t.home}</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
