import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { verifyFileLabels } from "@/components/certificates/labels";
import { VerifyFileForm } from "@/components/certificates/verify-file-form";

export async function generateMetadata(props: PageProps<"/[locale]/verify">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "certificates.verify" });
  return { title: t("fileTitle"), robots: { index: false, follow: false } };
}

/** Check a certificate file (pasted or chosen): for a credential not opened by its link. */
export default async function VerifyFilePage(props: PageProps<"/[locale]/verify">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const [t, labels] = await Promise.all([getTranslations({ locale, namespace: "certificates.verify" }), verifyFileLabels(locale)]);
  return (
    <div className="container">
      <div className="reading">
        <h1>{t("fileTitle")}</h1>
        <p className="lead">{t("fileLead")}</p>
        <VerifyFileForm locale={locale} labels={labels} />
      </div>
    </div>
  );
}
