import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { attendancePage } from "@/lib/certificates/page-data";
import { signInPath } from "@/lib/http/redirect";
import { AttendanceForm } from "@/components/certificates/attendance-form";
import { attendanceLabels } from "@/components/certificates/labels";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { formatDay } from "@/components/ui/dates";
import Link from "@/components/ui/link";
import { NAME_SLOT, UserText, withNames } from "@/components/ui/user-text";

export const metadata: Metadata = { robots: { index: false } };

/** A group's attendance certificates: its owners and co-facilitators give them (lib/certificates/attendance.ts). */
export default async function AttendancePage(props: PageProps<"/[locale]/facilitate/[cohort]/attendance">) {
  const { locale, cohort: cohortId } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/facilitate/${cohortId}/attendance`));
  if (!z.uuid().safeParse(cohortId).success) notFound();
  const view = await attendancePage(user, cohortId);
  if (!view) notFound();
  const [t, tf, labels] = await Promise.all([getTranslations({ locale, namespace: "certificates.attendance" }), getTranslations({ locale, namespace: "facilitate" }), attendanceLabels(locale)]);
  const day = (d: string) => formatDay(`${d}T00:00:00Z`, locale);
  const formatAwards = Object.fromEntries(view.members.filter((m) => m.awards.length).map((m) => [m.id, t("awardedOn", { dates: m.awards.map(day).join(", ") })]));
  const data = {
    members: view.members.map((m) => ({ id: m.id, name: m.name, awards: m.awards })),
    sessions: view.sessions.map((s) => ({ ...s, dateText: day(s.date) })),
    today: new Date().toISOString().slice(0, 10),
  };
  return (
    <div className="container">
      <Breadcrumbs
        locale={locale}
        items={[
          { label: tf("groups.title"), href: `/${locale}/facilitate` },
          { label: <UserText>{view.cohort.name}</UserText>, href: `/${locale}/facilitate/${view.cohort.id}` },
          { label: t("title") },
        ]}
      />
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <AttendanceForm cohortId={view.cohort.id} data={data} labels={labels} formatAwards={formatAwards} />
      <p>
        <Link href={`/${locale}/facilitate/${view.cohort.id}`}>{withNames(t("back", { name: NAME_SLOT }), view.cohort.name)}</Link>
      </p>
    </div>
  );
}
