import type { Metadata } from "next";
import { Suspense } from "react";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import Link from "@/components/ui/link";
import { AttitudeSection } from "@/components/attitudes/attitude-section";
import { readCohortShell, unlessReadable } from "@/components/cohort/cohort-data";
import { LiveProvider } from "@/components/cohort/live";
import { ReportLoading } from "@/components/cohort/report-loading";
import { RoomReportsSection } from "@/components/cohort/room-reports-section";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import { plainName } from "@/lib/text/names";

type Props = PageProps<"/[locale]/facilitate/[cohort]/room">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, cohort } = await props.params;
  const [shell, t] = await Promise.all([readCohortShell(cohort), getTranslations({ locale, namespace: "facilitate.room" })]);
  return { title: shell.ok ? t("metaTitle", { name: plainName(shell.data.cohort.name) }) : undefined, robots: { index: false } };
}

/**
 * A group's reports with no names, in large type, to project in the room: progress summed per
 * lesson, the hardest questions, the learning figures and the anonymous attitudes. Not the bias
 * checks: they would show the room both versions of a story that learners must see only one of.
 */
export default async function RoomViewPage(props: Props) {
  const { locale, cohort: cohortId } = await props.params;
  setRequestLocale(locale);
  const signIn = signInPath(locale, `/${locale}/facilitate/${cohortId}/room`);
  if (!(await currentUser())) redirect(signIn);
  const result = await readCohortShell(cohortId);
  unlessReadable(result, signIn);
  const { cohort } = result.data;
  const t = await getTranslations({ locale, namespace: "facilitate" });
  return (
    <div className="container room-view">
      <p className="room-leave">
        <Link href={`/${locale}/facilitate/${cohort.id}`}>{t("room.leave")}</Link>
      </p>
      <h1>{withNames(t("room.metaTitle", { name: NAME_SLOT }), cohort.name)}</h1>
      <p className="privacy-line">{t("room.lead")}</p>
      <LiveProvider>
        <Suspense fallback={<ReportLoading label={t("live.loading")} />}>
          <RoomReportsSection cohortId={cohort.id} locale={locale} signIn={signIn} />
        </Suspense>
        <Suspense fallback={<ReportLoading label={t("attitudes.loading")} title={t("attitudes.title")} titleId="attitudes-title" />}>
          <AttitudeSection cohortId={cohort.id} locale={locale} />
        </Suspense>
      </LiveProvider>
    </div>
  );
}
