import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { contentPath, getAttitudeItems, getCourse, getCourseExperiments, getForms, getVersion, hasCheckForms, leastFinished } from "@/lib/content";
import { ContentLangProvider } from "@/components/quiz/content-lang";
import { blockDir, blockLang, TranslationNotice } from "@/components/ui/translation-notice";
import { AssessmentRunner } from "@/components/quiz/assessment-runner";
import { quizLabels } from "@/components/quiz/quiz-labels";
import { toPublicQuiz } from "@/lib/quiz/public";
import { shownCount } from "@/lib/quiz/experiments";
import { ATTITUDE_FORM_LABEL_KEYS, type AttitudeFormLabels } from "@/components/attitudes/labels";

type Props = PageProps<"/[locale]/lti/courses/[course]/assessment/[form]">;

// The starting or final check launched from a school's learning platform: the app's check page
// (app/[locale]/(learn)/courses/[course]/assessment/[form]) with its links kept among the LTI
// pages. A whole-course link is graded by the final check (lib/lti/targets.ts gradedActivity).
const slotOf = (param: string) => (param === "pre" || param === "post" ? param : undefined);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course, form } = await props.params;
  const slot = slotOf(form);
  if (!slot || !hasCheckForms(locale, course)) return {};
  const t = await getTranslations({ locale, namespace: "assessment" });
  return { title: t(slot === "pre" ? "preTitle" : "postTitle"), robots: { index: false } };
}

export default async function LtiAssessmentPage(props: Props) {
  const { locale, course: courseId, form: param } = await props.params;
  setRequestLocale(locale);
  const course = getCourse(locale, courseId);
  const slot = slotOf(param);
  const { a, b } = getForms(locale, courseId);
  if (!course || !slot || !a || !b) notFound();
  const [t, ta, labels] = await Promise.all([
    getTranslations({ locale, namespace: "assessment" }),
    getTranslations({ locale, namespace: "attitudes" }),
    quizLabels(locale),
  ]);
  const attitudeLabels = Object.fromEntries(ATTITUDE_FORM_LABEL_KEYS.map((k) => [k, ta.raw(k) as string])) as AttitudeFormLabels;
  const base = `/${locale}/lti/courses/${courseId}`;
  const first = course.modules[0].lessons[0];
  const title = t(slot === "pre" ? "preTitle" : "postTitle");
  // A learner's form is chosen in the browser: one notice for the two, the less finished deciding.
  const version = leastFinished([getVersion(locale, contentPath.form(courseId, "a")), getVersion(locale, contentPath.form(courseId, "b"))]);
  return (
    <div className="container">
      <div className="reading">
        <h1>{title}</h1>
        <TranslationNotice locale={locale} version={version} kind="check" href={`${base}/assessment/${param}`} />
        <ContentLangProvider lang={blockLang(locale, version)} dir={blockDir(locale, version)}>
          <AssessmentRunner
            // Said once, before the first question: on a phone, repeated above every question it
            // pushed each one below the fold.
            intro={
              <>
                <p className="lead">{slot === "pre" ? t("preLead") : t("postLead")}</p>
                {/* Parallel forms show a learner as many questions either way (lib/content/check-forms.ts). */}
                <p>{t(slot === "pre" ? "howItWorksPre" : "howItWorksPost", { count: shownCount(a) })}</p>
              </>
            }
            forms={{ a: toPublicQuiz(a), b: toPublicQuiz(b) }}
            experiments={getCourseExperiments(locale, courseId)}
            slot={slot}
            locale={locale}
            courseId={courseId}
            backHref={base}
            next={slot === "pre" ? { href: `${base}/${first.id}`, title: first.title } : undefined}
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
            networkLabels={{ needsNetwork: t("needsNetwork"), retry: t("retry") }}
            attitudes={{ items: getAttitudeItems(locale, courseId), labels: attitudeLabels }}
          />
        </ContentLangProvider>
      </div>
    </div>
  );
}
