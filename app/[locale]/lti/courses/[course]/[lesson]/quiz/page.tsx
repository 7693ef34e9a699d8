import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { contentPath, getLesson, getLessonPosition, getQuiz, getVersion } from "@/lib/content";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { PairedQuiz } from "@/components/quiz/paired-quiz";
import { quizLabels } from "@/components/quiz/quiz-labels";
import { shownCount } from "@/lib/quiz/experiments";
import { ContentLangProvider } from "@/components/quiz/content-lang";
import { blockDir, blockLang, TranslationNotice } from "@/components/ui/translation-notice";

type Props = PageProps<"/[locale]/lti/courses/[course]/[lesson]/quiz">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course, lesson } = await props.params;
  const found = getLesson(locale, course, lesson);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: "quiz" });
  return { title: t("title", { lesson: found.title }), robots: { index: false } };
}

/** A lesson's quiz launched from a school's learning platform; its score goes to the platform's gradebook (lib/lti/scores.ts). */
export default async function LtiQuizPage(props: Props) {
  const { locale, course: courseId, lesson: lessonId } = await props.params;
  setRequestLocale(locale);
  const lesson = getLesson(locale, courseId, lessonId);
  const position = getLessonPosition(locale, courseId, lessonId);
  const quiz = lesson?.quizId ? getQuiz(locale, courseId, lesson.quizId) : undefined;
  if (!lesson || !position || !quiz) notFound();
  const [t, tl, labels] = await Promise.all([getTranslations({ locale, namespace: "quiz" }), getTranslations({ locale, namespace: "lti" }), quizLabels(locale)]);
  const base = `/${locale}/lti/courses/${courseId}`;
  const version = getVersion(locale, contentPath.quiz(courseId, quiz.id));
  return (
    <div className="container">
      <div className="reading">
        <LessonHeader lesson={lesson} position={position} suffix={t("title", { lesson: lesson.title })} />
        <p>{t("intro", { count: shownCount(quiz) })}</p>
        <p>{tl("gradeNote")}</p>
        <TranslationNotice locale={locale} version={version} kind="quiz" href={`${base}/${lessonId}/quiz`} />
        <ContentLangProvider lang={blockLang(locale, version)} dir={blockDir(locale, version)}>
          <PairedQuiz
            quiz={quiz}
            activity={{ locale, courseId, activityId: lessonId }}
            backHref={`${base}/${lessonId}`}
            next={position.next && { href: `${base}/${position.next.id}`, title: position.next.title }}
            labels={labels}
          />
        </ContentLangProvider>
      </div>
    </div>
  );
}
