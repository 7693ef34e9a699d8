import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allActivityParams, getActivity, getLesson, getLessonPosition } from "@/lib/content";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { ActivityRunner, type ActivityLabels } from "@/components/activity/activity-runner";

// Static like the lesson: the activity plays in the browser and needs no network.
export function generateStaticParams() {
  return allActivityParams();
}

type Props = PageProps<"/[locale]/courses/[course]/[lesson]/activity">;

const LABELS = [
  "frameHeading", "buildHeading", "stepOf", "choosePiece", "usePiece", "noChoice", "use_well", "use_weak", "use_none",
  "nextStep", "seePost", "postHeading", "inventedExample", "buildScore", "howItWorks", "startSpot", "spotHeading",
  "inventedPost", "uses", "doesNotUse", "checkSpot", "spotMissing", "resultHeading", "spotScore", "spotRates",
  "spotAdvice", "right", "wrong", "again", "backToLesson",
] as const satisfies readonly (keyof ActivityLabels)[];

function find(locale: string, courseId: string, lessonId: string) {
  const lesson = getLesson(locale, courseId, lessonId);
  const activity = lesson?.activityId ? getActivity(locale, courseId, lesson.activityId) : undefined;
  return { lesson, activity };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course, lesson } = await props.params;
  const { activity } = find(locale, course, lesson);
  if (!activity) return {};
  const t = await getTranslations({ locale, namespace: "activity" });
  return { title: t("title", { title: activity.title }), description: activity.summary };
}

export default async function ActivityPage(props: Props) {
  const { locale, course: courseId, lesson: lessonId } = await props.params;
  setRequestLocale(locale);
  const { lesson, activity } = find(locale, courseId, lessonId);
  const position = getLessonPosition(locale, courseId, lessonId);
  if (!lesson || !activity || !position) notFound();
  const [t, tm] = await Promise.all([getTranslations({ locale, namespace: "activity" }), getTranslations({ locale, namespace: "materials" })]);
  // Raw strings: the client fills the {placeholders} as the learner goes.
  const labels = Object.fromEntries(LABELS.map((k) => [k, t.raw(k) as string])) as ActivityLabels;
  const technique = tm.has(`technique.${activity.technique}`) ? tm(`technique.${activity.technique}`) : activity.technique;

  return (
    <div className="container">
      <div className="reading">
        <LessonHeader lesson={lesson} position={position} suffix={t("title", { title: activity.title })} />
        <p>{t("intro")}</p>
        <p className="meta">{t("technique", { technique })}</p>
        <ActivityRunner activity={activity} labels={labels} backHref={`/${locale}/courses/${courseId}/${lessonId}`} />
      </div>
    </div>
  );
}
