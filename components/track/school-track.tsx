import { getTranslations } from "next-intl/server";
import { LessonBody } from "@/components/lesson/lesson-body";
import { CheckSlot } from "./check-slot";
import { HandoutLinks, MaterialsSection } from "./handout-links";
import { LessonLinks } from "./lesson-links";
import { trackMarkdown } from "./markdown";
import type { SchoolTrack, TrackNames } from "./types";

/** "13-14" as a range is written with an en dash. */
const ages = (range: string) => range.replace("-", "–");

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
              <a href={`#lesson-${l.id}`}>{l.title}</a> <span className="meta nowrap">({t("ages", { ages: ages(l.ages) })})</span>
            </li>
          ))}
        </ol>
      </nav>

      <MaterialsSection locale={locale} track={track.id} />

      {track.lessons.map((l, i) => {
        const grade = track.readingGrades?.[l.id];
        const id = `lesson-${l.id}`;
        return (
          <section key={l.id} id={id} className="track-part" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{t("lessonHeading", { number: i + 1, title: l.title })}</h2>
            <p className="meta dotted">
              <span className="nowrap">{t("ages", { ages: ages(l.ages) })}</span>
              <span className="nowrap">{t("minutes", { minutes: l.minutes })}</span>
              {grade !== undefined && <span>{t("readingGrade", { grade: grade.toFixed(1) })}</span>}
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
              <LessonBody markdown={trackMarkdown(l.learnerText, 4)} labels={md} />
            </div>

            <h3>{t("activities")}</h3>
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

            <h3>{t("optOut")}</h3>
            <p>{l.optOut}</p>

            <section className="teacher-notes" aria-labelledby={`${id}-teacher`}>
              <h3 id={`${id}-teacher`}>{t("teacherNotes")}</h3>
              <LessonBody markdown={trackMarkdown(l.teacherNotes, 4)} labels={md} />
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
