import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "site" });
  return (
    <footer className="site-footer">
      <div className="container">
        <LanguageSwitcher locale={locale} />
        <p>
          <strong>{t("emergency")}</strong>
        </p>
        <p>{t("footer")}</p>
      </div>
    </footer>
  );
}
