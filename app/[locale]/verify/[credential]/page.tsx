import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { verificationPage } from "@/lib/certificates/page-data";
import { verifyLabels } from "@/components/certificates/labels";
import { VerificationResult } from "@/components/certificates/verification-result";
import Link from "@/components/ui/link";

export const dynamic = "force-dynamic";

export async function generateMetadata(props: PageProps<"/[locale]/verify/[credential]">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "certificates.verify" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** The public check of a certificate by its id: its signature and status, and what it says. No account needed. */
export default async function VerifyPage(props: PageProps<"/[locale]/verify/[credential]">) {
  const { locale, credential: id } = await props.params;
  setRequestLocale(locale);
  if (!z.uuid().safeParse(id).success) notFound();
  const [result, t, labels] = await Promise.all([verificationPage(id), getTranslations({ locale, namespace: "certificates.verify" }), verifyLabels(locale)]);
  if (!result) notFound();
  return (
    <div className="container">
      <div className="reading">
        <h1>{t("title")}</h1>
        <VerificationResult result={result} locale={locale} labels={labels} />
        <p>
          <Link href={`/${locale}/verify`}>{t("fileLink")}</Link>
        </p>
      </div>
    </div>
  );
}
