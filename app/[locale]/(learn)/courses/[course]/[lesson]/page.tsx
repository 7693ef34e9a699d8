import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allLessonParams, getLesson, getLessonPosition, getScenario } from "@/lib/content";
import { ScenarioPlayer, type ScenarioLabels } from "@/components/scenario/scenario-player";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonSources } from "@/components/lesson/lesson-sources";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { LessonCompletion } from "@/components/progress/lesson-completion";


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
  const lesson = getLesson(locale, courseId, lessonId);
  const position = getLessonPosition(locale, courseId, lessonId);
  if (!lesson || !position) notFound();
  const [t, ts] = await Promise.all([getTranslations({ locale, namespace: "lesson" }), getTranslations({ locale, namespace: "scenario" })]);
  const base = `/${locale}/courses/${courseId}`;
  const scenario = lesson.scenarioId ? getScenario(locale, courseId, lesson.scenarioId) : undefined;
  const scenarioLabels = Object.fromEntries(
    (["fictional", "title", "choose", "outcome_helpful", "outcome_mixed", "outcome_harmful", "debrief", "restart", "back", "path"] as const).map((k) => [k, ts(k)]),
  ) as ScenarioLabels;

  return (
    <div className="container">
      <article className="reading">
        <LessonHeader lesson={lesson} position={position} />

        <section className="objectives" aria-labelledby="objectives-title">
          <h2 id="objectives-title">{t("objectives")}</h2>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>

        <LessonBody markdown={lesson.body} labels={{ fictional: t("fictional"), table: t("table") }} />

        {scenario && <ScenarioPlayer scenario={scenario} labels={scenarioLabels} />}

        <footer className="lesson-footer">
          <LessonCompletion
            locale={locale}
            course={courseId}
            lesson={lessonId}
            href={`${base}/${lessonId}`}
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

        <LessonSources sources={lesson.sources} heading={t("sources")} />

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
