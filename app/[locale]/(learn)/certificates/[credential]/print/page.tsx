import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { credentialToPrint, verificationPage } from "@/lib/certificates/page-data";
import { signInPath } from "@/lib/http/redirect";
import { CertificateSheet } from "@/components/certificates/certificate-sheet";
import { sheetLabels } from "@/components/certificates/labels";
import { PrintButton } from "@/components/help/print-button";
import Link from "@/components/ui/link";

export const metadata: Metadata = { robots: { index: false } };

type Props = PageProps<"/[locale]/certificates/[credential]/print">;

/**
 * A certificate to print (or save as PDF from the print dialog), on A4 or US Letter: the size
 * comes from the link chosen (?size=letter), so the browser's dialog starts on the right paper.
 */
export default async function PrintCertificatePage(props: Props) {
  const [{ locale, credential: id }, search] = await Promise.all([props.params, props.searchParams]);
  setRequestLocale(locale);
  const size = search.size === "letter" ? "letter" : "a4";
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/certificates/${id}/print${typeof search.size === "string" ? `?size=${size}` : ""}`));
  if (!z.uuid().safeParse(id).success) notFound();
  const own = await credentialToPrint(user, id);
  if (!own) notFound();
  const [result, t, labels] = await Promise.all([verificationPage(id), getTranslations({ locale, namespace: "certificates.print" }), sheetLabels(locale)]);
  if (!result || !("summary" in result)) notFound();
  const verifyUrl = `${result.summary.issuerId}/${locale}/verify/${id}`;
  const other = size === "a4" ? "letter" : "a4";
  return (
    <div className="container certificate-page">
      <style>{`@page { size: ${size === "letter" ? "letter" : "A4"} portrait; margin: 12mm; }`}</style>
      <div className="actions">
        <PrintButton label={t("print")} />
        <span>{t("otherSize", { size: t(size) })}</span>
        <Link href={`/${locale}/certificates/${id}/print?size=${other}`}>{t(other)}</Link>
        <Link href={`/${locale}/certificates`}>{t("back")}</Link>
      </div>
      <CertificateSheet summary={result.summary} verifyUrl={verifyUrl} locale={locale} labels={labels} withdrawn={own.revoked || result.state !== "valid"} />
    </div>
  );
}
