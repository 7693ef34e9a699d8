import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getLesson, getLessonPosition, getLessonVersion } from "@/lib/content";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonSources } from "@/components/lesson/lesson-sources";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { LessonCompletion } from "@/components/progress/lesson-completion";
import { blockLang, TranslationNotice } from "@/components/ui/translation-notice";

type Props = PageProps<"/[locale]/lti/courses/[course]/[lesson]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course, lesson } = await props.params;
  const found = getLesson(locale, course, lesson);
  return found ? { title: found.title, robots: { index: false } } : {};
}

/**
 * A lesson launched from a school's learning platform: the lesson page's reading, completion and
 * quiz link, with its links kept among the LTI pages (the others may not be framed). The
 * branching scenario and the activity stay on the app's own lesson page.
 */
export default async function LtiLessonPage(props: Props) {
  const { locale, course: courseId, lesson: lessonId } = await props.params;
  setRequestLocale(locale);
  const found = getLessonVersion(locale, courseId, lessonId);
  const position = getLessonPosition(locale, courseId, lessonId);
  if (!found || !position) notFound();
  const { lesson, version } = found;
  const lang = blockLang(locale, version);
  const t = await getTranslations({ locale, namespace: "lesson" });
  const base = `/${locale}/lti/courses/${courseId}`;
  const href = `${base}/${lessonId}`;
  return (
    <div className="container">
      <article className="reading">
        <LessonHeader lesson={lesson} position={position} lang={lang} />
        <TranslationNotice locale={locale} version={version} kind="lesson" href={href} />
        <section className="objectives" aria-labelledby="objectives-title">
          <h2 id="objectives-title">{t("objectives")}</h2>
          <ul lang={lang}>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
        <div lang={lang}>
          <LessonBody markdown={lesson.body} labels={{ fictional: t("fictional"), table: t("table") }} />
        </div>
        <footer className="lesson-footer">
          <LessonCompletion locale={locale} course={courseId} lesson={lessonId} href={href} title={lesson.title} labels={{ markDone: t("markDone"), markedDone: t("markedDone"), undo: t("undo") }} />
          {lesson.quizId && (
            <p>
              <Link className="button" href={`${href}/quiz`}>
                {t("takeQuiz")}
              </Link>
            </p>
          )}
        </footer>
        <div lang={lang}>
          <LessonSources sources={lesson.sources} heading={t("sources")} />
        </div>
        <nav className="pager" aria-label={t("pager")}>
          {position.previous ? (
            <Link className="pager-prev" href={`${base}/${position.previous.id}`} rel="prev">
              {t("previous", { title: position.previous.title })}
            </Link>
          ) : (
            <Link className="pager-prev" href={base}>
              {t("backToCourse")}
            </Link>
          )}
          {position.next ? (
            <Link className="pager-next" href={`${base}/${position.next.id}`} rel="next">
              {t("next", { title: position.next.title })}
            </Link>
          ) : (
            <Link className="pager-next" href={base}>
              {t("backToCourse")}
            </Link>
          )}
        </nav>
      </article>
    </div>
  );
}
