import { getTranslations } from "next-intl/server";
import { LessonBody } from "@/components/lesson/lesson-body";
import { MaterialSheets } from "@/components/materials/material-view";
import { Sheet, WriteLines } from "@/components/materials/sheet";
import type { PrintQuiz } from "@/components/materials/types";
import type { Material } from "@/lib/content";
import { trackMarkdown } from "./markdown";
import type { SchoolTrack } from "./types";

type SchoolLesson = SchoolTrack["lessons"][number];

/**
 * A school lesson's print view: on paper, the students' text (content warning and trusted adult
 * first), the other task for anyone who opts out, then each worksheet the activities use, every
 * sheet on a page of its own and each answer key on sheets of its own for the teacher. On screen,
 * a short introduction says what will print.
 */
export async function StudentPack(props: { locale: string; lesson: SchoolLesson; number: number; handouts: { material: Material; quizzes: PrintQuiz[] }[] }) {
  const { locale, lesson: l, number, handouts } = props;
  const [t, tl] = await Promise.all([getTranslations({ locale, namespace: "tracks" }), getTranslations({ locale, namespace: "lesson" })]);
  const labels = { fictional: tl("fictional"), table: tl("table") };
  const heading = t("lessonHeading", { number, title: l.title });

  return (
    <article className="material student-pack" aria-labelledby="pack-title">
      <header className="material-intro">
        <h1 id="pack-title">{t("pack.title", { number, title: l.title })}</h1>
        <p className="lead">{t("pack.lead")}</p>
        <h2>{t("pack.contents")}</h2>
        <ol>
          <li>{t("pack.textSheet")}</li>
          <li>{t("pack.optOutSheet")}</li>
          {handouts.map(({ material }) => (
            <li key={material.id}>{material.title}</li>
          ))}
        </ol>
        {handouts.length === 0 && <p>{t("pack.noWorksheets")}</p>}
      </header>

      <div className="material-sections">
        <Sheet id="pack-text" title={heading} notes={[t("pack.forStudents")]}>
          <div className="content-warning" role="note" aria-labelledby="pack-cw">
            <p className="content-warning-label" id="pack-cw">
              {t("contentWarning")}
            </p>
            <p>{l.contentWarning}</p>
          </div>
          <p>{t.rich("trustedAdult", { name: l.trustedAdult, strong: (c) => <strong>{c}</strong> })}</p>
          <LessonBody markdown={trackMarkdown(l.learnerText, 3)} labels={labels} />
        </Sheet>

        <Sheet id="pack-opt-out" title={t("pack.optOutTitle")} notes={[heading]}>
          <p>{l.optOut}</p>
          <WriteLines count={12} />
        </Sheet>

        {handouts.map(({ material, quizzes }) => (
          <MaterialSheets key={material.id} locale={locale} material={material} quizzes={quizzes} labels={labels} idPrefix={`${material.id}-`} />
        ))}
      </div>
    </article>
  );
}
