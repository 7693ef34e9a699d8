import { getTranslations } from "next-intl/server";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonLinks } from "./lesson-links";
import type { SchoolTrack, TrackNames } from "./types";

/** The teacher's plan for each lesson; the content warning always comes before the student text. */
export async function SchoolTrackView({ locale, track, names }: { locale: string; track: SchoolTrack; names: TrackNames }) {
  const [t, tl] = await Promise.all([getTranslations({ locale, namespace: "tracks" }), getTranslations({ locale, namespace: "lesson" })]);
  const md = { fictional: tl("fictional"), table: tl("table") };

  return (
    <>
      <nav className="card track-contents" aria-labelledby="contents-title">
        <h2 id="contents-title">{t("contents")}</h2>
        <ol>
          {track.lessons.map((l) => (
            <li key={l.id}>
              <a href={`#lesson-${l.id}`}>{l.title}</a> <span className="meta">({t("ages", { ages: l.ages })})</span>
            </li>
          ))}
        </ol>
      </nav>

      {track.lessons.map((l, i) => {
        const grade = track.readingGrades?.[l.id];
        const id = `lesson-${l.id}`;
        return (
          <section key={l.id} id={id} className="track-part" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{t("lessonHeading", { number: i + 1, title: l.title })}</h2>
            <p className="meta">
              {t("ages", { ages: l.ages })} · {t("minutes", { minutes: l.minutes })}
              {grade !== undefined && <> · {t("readingGrade", { grade: grade.toFixed(1) })}</>}
            </p>

            <div className="content-warning" role="note" aria-labelledby={`${id}-cw`}>
              <p className="content-warning-label" id={`${id}-cw`}>
                {t("contentWarning")}
              </p>
              <p>{l.contentWarning}</p>
            </div>
            <p>{t.rich("trustedAdult", { name: l.trustedAdult, strong: (c) => <strong>{c}</strong> })}</p>

            <h3>{t("objectives")}</h3>
            <ul>
              {l.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>

            <h3>{t("studentText")}</h3>
            <div className="student-text">
              <LessonBody markdown={l.learnerText} labels={md} />
            </div>

            <h3 id={`${id}-activities`}>{t("activities")}</h3>
            <div className="table-scroll" role="region" aria-labelledby={`${id}-activities`} tabIndex={0}>
              <table className="track-table">
                <thead>
                  <tr>
                    <th scope="col">{t("activity")}</th>
                    <th scope="col" className="num">
                      {t("minutesColumn")}
                    </th>
                    <th scope="col">{t("whatHappens")}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.activities.map((a) => (
                    <tr key={a.title}>
                      <th scope="row">{a.title}</th>
                      <td className="num">{a.minutes}</td>
                      <td>{a.description}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("total")}</th>
                    <td className="num">{l.activities.reduce((n, a) => n + a.minutes, 0)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>

            <h3>{t("optOut")}</h3>
            <p>{l.optOut}</p>

            <section className="teacher-notes" aria-labelledby={`${id}-teacher`}>
              <h3 id={`${id}-teacher`}>{t("teacherNotes")}</h3>
              <LessonBody markdown={l.teacherNotes} labels={md} />
              {l.uses.length > 0 && (
                <>
                  <h4>{t("uses")}</h4>
                  <LessonLinks locale={locale} course={track.course} ids={l.uses} titles={names.lessons} />
                </>
              )}
            </section>
          </section>
        );
      })}
    </>
  );
}
