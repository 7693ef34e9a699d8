import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { certificatesPage } from "@/lib/certificates/page-data";
import { signInPath } from "@/lib/http/redirect";
import { IssueForm } from "@/components/certificates/issue-form";
import { issueLabels } from "@/components/certificates/labels";
import { WithdrawButton } from "@/components/certificates/withdraw-button";
import { formatDay } from "@/components/ui/dates";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";

export const metadata: Metadata = { robots: { index: false } };

/** The learner's certificates: where they stand for the course's, awards to issue, and what they hold. */
export default async function CertificatesPage(props: PageProps<"/[locale]/certificates">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/certificates`));
  const [data, t, labels] = await Promise.all([certificatesPage(user, locale), getTranslations({ locale, namespace: "certificates" }), issueLabels(locale)]);
  const pending = data.credentials.filter((c) => c.kind === "attended" && !c.issuedAt && !c.revoked);
  const held = data.credentials.filter((c) => c.issuedAt);
  const withdrawLabels = { withdraw: t("withdraw"), withdrawHint: t("withdrawHint"), working: t("working"), failed: t("failed"), errorTitle: t("errorTitle") };

  return (
    <div className="container">
      <div className="reading">
        <h1>{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        {data.courses.map((c) => (
          <section key={c.courseId} aria-labelledby={`course-${c.courseId}`}>
            <h2 id={`course-${c.courseId}`}>{t("courseHeading", { course: c.courseTitle })}</h2>
            <p>{t("lessonsDone", { done: c.lessonsDone, total: c.lessonsTotal })}</p>
            {c.postRequired && <p>{c.postDone ? t("postDone") : t("postToDo")}</p>}
            {!c.credentialId &&
              (c.eligible ? (
                <>
                  <p>{t("ready")}</p>
                  <IssueForm id={`issue-${c.courseId}`} target={{ locale, courseId: c.courseId }} accountName={data.accountName} labels={labels} />
                </>
              ) : (
                <p>{t("notYet", { check: c.postRequired ? "yes" : "no" })}</p>
              ))}
          </section>
        ))}
        {pending.map((a) => {
          const date = formatDay(`${a.sessionDate}T00:00:00Z`, locale);
          return (
            <section key={a.id} aria-labelledby={`award-${a.id}`}>
              <h2 id={`award-${a.id}`}>{t("awardHeading", { date })}</h2>
              <p>{withNames(t("awardReady", { group: NAME_SLOT, date }), a.groupName ?? "")}</p>
              <IssueForm id={`issue-${a.id}`} target={{ credentialId: a.id }} accountName={data.accountName} labels={labels} />
            </section>
          );
        })}
        <section aria-labelledby="held-title">
          <h2 id="held-title">{t("yoursTitle")}</h2>
          {held.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ul className="certificate-list">
              {held.map((c) => (
                <li key={c.id} className="certificate-item">
                  <h3>{c.kind === "completed" ? t("completedKind", { course: c.courseTitle }) : t("attendedKind", { course: c.courseTitle })}</h3>
                  <p>
                    {t("issuedOn", { date: formatDay(c.issuedAt!, locale) })}
                    <br />
                    {c.printedName ? withNames(t("printedAs", { name: NAME_SLOT }), c.printedName) : t("printedNone")}
                  </p>
                  {c.revoked ? (
                    <p className="certificate-state">{t("withdrawn")}</p>
                  ) : (
                    <>
                      <p className="certificate-links">
                        <a href={`/${locale}/verify/${c.id}`}>{t("verifyLink")}</a>
                        <a href={`/api/credentials/${c.id}`} download>
                          {t("download")}
                        </a>
                        <a href={`/${locale}/certificates/${c.id}/print?size=a4`}>{t("printA4")}</a>
                        <a href={`/${locale}/certificates/${c.id}/print?size=letter`}>{t("printLetter")}</a>
                      </p>
                      <WithdrawButton id={c.id} labels={withdrawLabels} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
