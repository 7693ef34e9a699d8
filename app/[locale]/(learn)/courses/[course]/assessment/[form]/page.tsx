import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCourseParams, getAssessments, getAttitudeItems, getCourse } from "@/lib/content";
import { AssessmentRunner } from "@/components/quiz/assessment-runner";
import { quizLabels } from "@/components/quiz/quiz-labels";
import { toPublicQuiz } from "@/lib/quiz/public";
import { shownCount } from "@/lib/quiz/experiments";
import { ATTITUDE_FORM_LABEL_KEYS, type AttitudeFormLabels } from "@/components/attitudes/labels";

type Props = PageProps<"/[locale]/courses/[course]/assessment/[form]">;

export function generateStaticParams() {
  return allCourseParams().flatMap((p) => {
    const a = getAssessments(p.locale, p.course);
    return a.pre && a.post ? [{ ...p, form: "pre" }, { ...p, form: "post" }] : [];
  });
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course, form } = await props.params;
  const quiz = (form === "pre" || form === "post") && getAssessments(locale, course)[form];
  return quiz ? { title: quiz.title } : {};
}

export default async function AssessmentPage(props: Props) {
  const { locale, course: courseId, form } = await props.params;
  setRequestLocale(locale);
  const course = getCourse(locale, courseId);
  const which = form === "pre" || form === "post" ? form : undefined;
  const quiz = course && which ? getAssessments(locale, courseId)[which] : undefined;
  if (!course || !which || !quiz) notFound();
  const [t, ts, ta, labels] = await Promise.all([
    getTranslations({ locale, namespace: "assessment" }),
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "attitudes" }),
    quizLabels(locale),
  ]);
  const attitudeLabels = Object.fromEntries(ATTITUDE_FORM_LABEL_KEYS.map((k) => [k, ta.raw(k) as string])) as AttitudeFormLabels;
  const base = `/${locale}/courses/${courseId}`;
  const first = course.modules[0].lessons[0];
  return (
    <div className="container">
      <div className="reading">
        <Breadcrumbs locale={locale} items={[{ label: ts("courses"), href: `/${locale}/courses` }, { label: course.title, href: base }, { label: quiz.title }]} />
        <h1>{quiz.title}</h1>
        <p className="lead">{which === "pre" ? t("preLead") : t("postLead")}</p>
        <p>{t(which === "pre" ? "howItWorksPre" : "howItWorksPost", { count: shownCount(quiz) })}</p>
        <AssessmentRunner
          quiz={toPublicQuiz(quiz)}
          form={which}
          locale={locale}
          courseId={courseId}
          backHref={base}
          next={which === "pre" ? { href: `${base}/${first.id}`, title: first.title } : undefined}
          labels={{ ...labels, backToLesson: t("backToCourse"), checkFailed: t("checkFailed") }}
          checkLabels={{
            finish: t("checkFinish"),
            alreadyTaken: t("checkTaken"),
            preDoneTitle: t("preDoneTitle"),
            preDone: t("preDone"),
            // Filled in the browser ({correct}, {date}…), so passed as they are written.
            postScore: t.raw("postScore") as string,
            takenPre: t.raw("takenPre") as string,
            takenPost: t.raw("takenPost") as string,
            takenPostScore: t.raw("takenPostScore") as string,
          }}
          gainLabels={{ gain: t.raw("gain") as string, noPre: t("noPre") }}
          attitudes={{ items: getAttitudeItems(locale, courseId), labels: attitudeLabels }}
        />
      </div>
    </div>
  );
}
