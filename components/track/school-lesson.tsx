import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LessonBody } from "@/components/lesson/lesson-body";
import { CheckSlot } from "./check-slot";
import { HandoutLinks } from "./handout-links";
import { LessonLinks } from "./lesson-links";
import { trackMarkdown } from "./markdown";
import { schoolLessonPath, studentPackPath, trackPath } from "./paths";
import { PrepareList } from "./prepare-list";
import type { SchoolTrack, TrackNames } from "./types";

type SchoolLesson = SchoolTrack["lessons"][number];

/**
 * One school lesson, the teacher's plan in full: what to print first, the activities with their
 * checks and handouts, the students' text, the other task, and the teacher's notes. The content
 * warning always comes before the student text.
 */
export async function SchoolLessonView(props: { locale: string; track: SchoolTrack; lesson: SchoolLesson; number: number; previous?: SchoolLesson; next?: SchoolLesson; names: TrackNames }) {
  const { locale, track, lesson: l, number, previous, next, names } = props;
  const [t, tl] = await Promise.all([getTranslations({ locale, namespace: "tracks" }), getTranslations({ locale, namespace: "lesson" })]);
  const md = { fictional: tl("fictional"), table: tl("table") };
  const grade = track.readingGrades?.[l.id];

  return (
    <article className="reading track school-lesson" aria-labelledby="lesson-title">
      <p className="eyebrow dotted">
        <span>{t("lessonPage.lessonOf", { number, total: track.lessons.length })}</span>
        <span className="nowrap">{t("ages", { ages: l.ages })}</span>
        <span className="nowrap">{t("minutes", { minutes: l.minutes })}</span>
      </p>
      <h1 id="lesson-title">{l.title}</h1>
      {grade !== undefined && <p className="meta">{t("readingGrade", { grade: grade.toFixed(1) })}</p>}
      <p className="school-lesson-links">
        <Link className="button" href={studentPackPath(locale, track.id, l.id)}>
          {t("lessonPage.studentPack")}
        </Link>
        <Link href={trackPath(locale, track.id)}>{t("lessonPage.overview")}</Link>
      </p>

      <div className="content-warning" role="note" aria-labelledby="lesson-cw">
        <p className="content-warning-label" id="lesson-cw">
          {t("contentWarning")}
        </p>
        <p>{l.contentWarning}</p>
      </div>
      <p>{t.rich("trustedAdult", { name: l.trustedAdult, strong: (c) => <strong>{c}</strong> })}</p>

      <h2>{t("objectives")}</h2>
      <ul>
        {l.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>

      {l.prepare.length > 0 && (
        <section aria-labelledby="prepare-title">
          <h2 id="prepare-title">{t("lessonPage.prepare")}</h2>
          <PrepareList locale={locale} track={track.id} items={l.prepare} titles={names.materials} />
        </section>
      )}

      <h2>{t("activities")}</h2>
      <div className="table-scroll" role="region" aria-label={md.table} tabIndex={0}>
        <table className="track-table">
          {/* Two columns, so a phone can read it without scrolling sideways. */}
          <thead>
            <tr>
              <th scope="col">{t("activity")}</th>
              <th scope="col" className="num">
                {t("minutesColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {l.activities.map((a) => (
              <tr key={a.title}>
                <td>
                  <strong className="activity-title">{a.title}</strong>
                  {a.assessment && <CheckSlot locale={locale} course={track.course} form={a.assessment} minutes={a.minutes} names={names} absent={a.absent} />}
                  <span className="activity-description">{a.description}</span>
                  <HandoutLinks locale={locale} track={track.id} ids={a.handouts} titles={names.materials} />
                </td>
                <td className="num">{a.minutes}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              <td className="num">{l.activities.reduce((n, a) => n + a.minutes, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <h2>{t("studentText")}</h2>
      <div className="student-text">
        <LessonBody markdown={trackMarkdown(l.learnerText, 3)} labels={md} />
      </div>

      <h2>{t("optOut")}</h2>
      <p>{l.optOut}</p>

      <section className="teacher-notes" aria-labelledby="teacher-title">
        <h2 id="teacher-title">{t("teacherNotes")}</h2>
        <LessonBody markdown={trackMarkdown(l.teacherNotes, 3)} labels={md} />
        {l.uses.length > 0 && (
          <>
            <h3>{t("uses")}</h3>
            <LessonLinks locale={locale} course={track.course} ids={l.uses} titles={names.lessons} />
          </>
        )}
      </section>

      {/* The arrows are drawn by CSS (.pager-prev, .pager-next), so the page stays ASCII. */}
      <nav className="pager" aria-label={t("lessonPage.pager")}>
        {previous ? (
          <Link className="pager-prev" href={schoolLessonPath(locale, track.id, previous.id)} rel="prev">
            {t("lessonPage.previous", { number: number - 1, title: previous.title })}
          </Link>
        ) : (
          <Link className="pager-prev" href={trackPath(locale, track.id)}>
            {t("lessonPage.overview")}
          </Link>
        )}
        {next ? (
          <Link className="pager-next" href={schoolLessonPath(locale, track.id, next.id)} rel="next">
            {t("lessonPage.next", { number: number + 1, title: next.title })}
          </Link>
        ) : (
          <Link className="pager-next" href={trackPath(locale, track.id)}>
            {t("lessonPage.overview")}
          </Link>
        )}
      </nav>
    </article>
  );
}
