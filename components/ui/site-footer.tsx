import { getTranslations } from "next-intl/server";

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "site" });
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>{t("emergency")}</strong>
        </p>
        <p>{t("footer")}</p>
      </div>
    </footer>
  );
}
