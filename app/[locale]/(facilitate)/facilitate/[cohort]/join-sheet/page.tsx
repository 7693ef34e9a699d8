import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { PrintButton } from "@/components/help/print-button";
import { readRoster, unlessReadable } from "@/components/cohort/cohort-data";
import { JoinSheet } from "@/components/cohort/join-sheet";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import { plainName } from "@/lib/text/names";

type Props = PageProps<"/[locale]/facilitate/[cohort]/join-sheet">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, cohort } = await props.params;
  const [roster, t] = await Promise.all([readRoster(cohort), getTranslations({ locale, namespace: "facilitate.sheet" })]);
  return { title: roster.ok ? t("metaTitle", { name: plainName(roster.data.cohort.name) }) : undefined, robots: { index: false } };
}

export default async function JoinSheetPage(props: Props) {
  const { locale, cohort: cohortId } = await props.params;
  setRequestLocale(locale);
  const signIn = signInPath(locale, `/${locale}/facilitate/${cohortId}/join-sheet`);
  if (!(await currentUser())) redirect(signIn);
  const roster = await readRoster(cohortId);
  unlessReadable(roster, signIn);
  const { cohort } = roster.data;
  const t = await getTranslations({ locale, namespace: "facilitate.sheet" });
  return (
    <div className="container join-sheet-page">
      <div className="actions">
        <PrintButton label={t("print")} />
        <Link href={`/${locale}/facilitate/${cohort.id}`}>{withNames(t("back", { name: NAME_SLOT }), cohort.name)}</Link>
      </div>
      <JoinSheet locale={locale} name={cohort.name} code={cohort.joinCode} archived={cohort.archived} />
    </div>
  );
}
