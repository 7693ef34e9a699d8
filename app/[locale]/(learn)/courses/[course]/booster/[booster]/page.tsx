import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCourseParams, contentPath, getBoosters, getCourse, getVersion } from "@/lib/content";
import { ContentLangProvider } from "@/components/quiz/content-lang";
import { blockDir, blockLang, TranslationNotice } from "@/components/ui/translation-notice";
import { PairedGradedQuiz } from "@/components/quiz/paired-graded-quiz";
import { toPublicQuiz } from "@/lib/quiz/public";
import { quizLabels } from "@/components/quiz/quiz-labels";
import { formatActivityId } from "@/lib/content/activity-id";

type Props = PageProps<"/[locale]/courses/[course]/booster/[booster]">;

export function generateStaticParams() {
  return allCourseParams().flatMap((p) => getBoosters(p.locale, p.course).map((b) => ({ ...p, booster: b.id })));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course, booster } = await props.params;
  const b = getBoosters(locale, course).find((x) => x.id === booster);
  return b ? { title: b.title } : {};
}

export default async function BoosterPage(props: Props) {
  const { locale, course: courseId, booster: boosterId } = await props.params;
  setRequestLocale(locale);
  const course = getCourse(locale, courseId);
  const booster = course && getBoosters(locale, courseId).find((b) => b.id === boosterId);
  if (!course || !booster) notFound();
  const [t, ts, labels] = await Promise.all([
    getTranslations({ locale, namespace: "assessment" }),
    getTranslations({ locale, namespace: "site" }),
    quizLabels(locale),
  ]);
  const base = `/${locale}/courses/${courseId}`;
  const version = getVersion(locale, contentPath.booster(courseId, booster.id));
  const lang = blockLang(locale, version);
  return (
    <div className="container">
      <div className="reading">
        <Breadcrumbs locale={locale} items={[{ label: ts("courses"), href: `/${locale}/courses` }, { label: course.title, href: base }, { label: booster.title }]} />
        <h1 lang={lang}>{booster.title}</h1>
        <TranslationNotice locale={locale} version={version} kind="booster" href={`${base}/booster/${booster.id}`} />
        <p className="lead" lang={lang}>
          {booster.summary}
        </p>
        <p>{t("boosterWhy")}</p>
        <ContentLangProvider lang={lang} dir={blockDir(locale, version)}>
          <PairedGradedQuiz
            quiz={toPublicQuiz(booster)}
            activity={{ locale, courseId, activityId: formatActivityId({ kind: "booster", course: courseId, booster: booster.id }) }}
            backHref={base}
            labels={{ ...labels, backToLesson: t("backToCourse"), checkFailed: t("checkFailed") }}
          />
        </ContentLangProvider>
      </div>
    </div>
  );
}
