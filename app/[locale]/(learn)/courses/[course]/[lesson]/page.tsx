import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allLessonParams, contentPath, getLesson, getLessonPosition, getLessonVersion, getScenario, getVersion } from "@/lib/content";
import { ScenarioPlayer, type ScenarioLabels } from "@/components/scenario/scenario-player";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonSources } from "@/components/lesson/lesson-sources";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { LessonCompletion } from "@/components/progress/lesson-completion";
import { blockDir, blockLang, TranslationNotice } from "@/components/ui/translation-notice";


export function generateStaticParams() {
  return allLessonParams();
}

type Props = PageProps<"/[locale]/courses/[course]/[lesson]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course, lesson } = await props.params;
  const found = getLesson(locale, course, lesson);
  return found ? { title: found.title, description: found.summary } : {};
}

export default async function LessonPage(props: Props) {
  const { locale, course: courseId, lesson: lessonId } = await props.params;
  setRequestLocale(locale);
  const found = getLessonVersion(locale, courseId, lessonId);
  const position = getLessonPosition(locale, courseId, lessonId);
  if (!found || !position) notFound();
  // A lesson not translated yet is shown in English, said so, and marked lang="en" (lib/content/versions.ts).
  const { lesson, version } = found;
  const lang = blockLang(locale, version);
  const [t, ts] = await Promise.all([getTranslations({ locale, namespace: "lesson" }), getTranslations({ locale, namespace: "scenario" })]);
  const base = `/${locale}/courses/${courseId}`;
  const scenario = lesson.scenarioId ? getScenario(locale, courseId, lesson.scenarioId) : undefined;
  const scenarioVersion = lesson.scenarioId ? getVersion(locale, contentPath.scenario(courseId, lesson.scenarioId)) : version;
  const href = `${base}/${lessonId}`;
  const scenarioLabels = Object.fromEntries(
    (["fictional", "title", "choose", "outcome_helpful", "outcome_mixed", "outcome_harmful", "debrief", "restart", "back", "path"] as const).map((k) => [k, ts(k)]),
  ) as ScenarioLabels;

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

        {scenario && (
          <>
            {/* The scenario is its own file: said again only when its version differs from the lesson's. */}
            {scenarioVersion.status !== version.status && <TranslationNotice locale={locale} version={scenarioVersion} kind="scenario" href={href} />}
            <ScenarioPlayer scenario={scenario} labels={scenarioLabels} text={{ lang: blockLang(locale, scenarioVersion), dir: blockDir(locale, scenarioVersion) }} />
          </>
        )}

        <footer className="lesson-footer">
          <LessonCompletion
            locale={locale}
            course={courseId}
            lesson={lessonId}
            href={href}
            title={lesson.title}
            labels={{ markDone: t("markDone"), markedDone: t("markedDone"), undo: t("undo") }}
          />
          {lesson.quizId && (
            <p>
              <Link className="button" href={`${base}/${lessonId}/quiz`}>
                {t("takeQuiz")}
              </Link>
            </p>
          )}
          {lesson.activityId && (
            <p>
              <Link className="button secondary" href={`${base}/${lessonId}/activity`}>
                {t("tryActivity")}
              </Link>
            </p>
          )}
        </footer>

        <div lang={lang}>
          <LessonSources sources={lesson.sources} heading={t("sources")} />
        </div>

        {/* The arrows are drawn by CSS (.pager-prev, .pager-next): see components/lesson/lesson.css. */}
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
