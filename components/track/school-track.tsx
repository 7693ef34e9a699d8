import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { MaterialsSection } from "./handout-links";
import { schoolLessonPath, studentPackPath } from "./paths";
import type { SchoolTrack, TrackNames } from "./types";

/**
 * The school plan's overview: each lesson in a few lines (ages, length, objectives, the checks it
 * holds) with links to its own page and its student pack. The full teacher's plan of each lesson
 * is on that lesson's page, so this page prints on a few sheets.
 */
export async function SchoolTrackView({ locale, track }: { locale: string; track: SchoolTrack; names: TrackNames }) {
  const t = await getTranslations({ locale, namespace: "tracks" });

  return (
    <>
      <section aria-labelledby="contents-title">
        <h2 id="contents-title">{t("contents")}</h2>
        <ol className="school-lessons">
          {track.lessons.map((l, i) => {
            const checks = l.activities.flatMap((a) => (a.assessment ? [a.assessment] : []));
            return (
              <li key={l.id} id={`lesson-${l.id}`} className="card school-lesson-card">
                <h3>
                  <Link href={schoolLessonPath(locale, track.id, l.id)}>{t("lessonHeading", { number: i + 1, title: l.title })}</Link>
                </h3>
                <p className="meta dotted">
                  <span className="nowrap">{t("ages", { ages: l.ages })}</span>
                  <span className="nowrap">{t("minutes", { minutes: l.minutes })}</span>
                  {checks.map((c) => (
                    <span key={c}>{t(c === "pre" ? "opensWithCheck" : "endsWithCheck")}</span>
                  ))}
                </p>
                <ul>
                  {l.objectives.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
                <p className="school-lesson-links">
                  <Link href={schoolLessonPath(locale, track.id, l.id)}>{t("openLesson", { number: i + 1 })}</Link>
                  <Link href={studentPackPath(locale, track.id, l.id)}>{t("openPack", { number: i + 1 })}</Link>
                </p>
              </li>
            );
          })}
        </ol>
      </section>

      <MaterialsSection locale={locale} track={track.id} />
    </>
  );
}
