import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LessonBody } from "@/components/lesson/lesson-body";
import { agenda } from "./agenda";
import { CheckSlot } from "./check-slot";
import { HandoutLinks, MaterialsSection } from "./handout-links";
import { LessonLinks } from "./lesson-links";
import { PrepareList } from "./prepare-list";
import { trackMarkdown } from "./markdown";
import type { TrackNames, WorkshopTrack } from "./types";

/** The facilitator's plan: the agenda, then each part in full, disclosure, materials and cards. */
export async function WorkshopTrackView({ locale, track, names }: { locale: string; track: WorkshopTrack; names: TrackNames }) {
  const [t, tl] = await Promise.all([getTranslations({ locale, namespace: "tracks" }), getTranslations({ locale, namespace: "lesson" })]);
  const slots = agenda(track.parts);
  const md = { fictional: tl("fictional"), table: tl("table") };

  return (
    <>
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("agenda")}</h2>
        <div className="table-scroll" role="region" aria-label={md.table} tabIndex={0}>
          <table className="track-table">
            <thead>
              <tr>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("part")}</th>
                <th scope="col" className="num">
                  {t("minutesColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {track.parts.map((p, i) => (
                <tr key={p.id}>
                  <td className="nowrap">{slots[i].range}</td>
                  <th scope="row">
                    <a href={`#part-${p.id}`}>{p.title}</a>
                  </th>
                  <td className="num">{p.minutes}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td />
                <th scope="row">{t("total")}</th>
                <td className="num">{track.minutes}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      {track.parts.map((p, i) => (
        <section key={p.id} id={`part-${p.id}`} className="track-part" aria-labelledby={`part-${p.id}-title`}>
          <p className="eyebrow dotted">
            <span>{t("partNumber", { number: i + 1 })}</span>
            <span>{slots[i].range}</span>
            <span>{t("partMinutes", { minutes: p.minutes })}</span>
          </p>
          <h2 id={`part-${p.id}-title`}>{p.title}</h2>
          {p.assessment && (
            <p className="card">
              <CheckSlot locale={locale} course={track.course} form={p.assessment} minutes={p.minutes} names={names} />
            </p>
          )}

          <h3>{t("goals")}</h3>
          <ul>
            {p.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>

          <h3>{t("facilitatorNotes")}</h3>
          <LessonBody markdown={trackMarkdown(p.facilitatorNotes, 4)} labels={md} />

          {p.lessons.length > 0 && (
            <>
              <h3>{t("lessons")}</h3>
              <LessonLinks locale={locale} course={track.course} ids={p.lessons} titles={names.lessons} />
            </>
          )}

          {p.scenario && <p>{t.rich("scenario", { title: names.scenarios[p.scenario] ?? p.scenario, strong: (c) => <strong>{c}</strong> })}</p>}

          {p.handouts.length > 0 && (
            <p>
              <HandoutLinks locale={locale} track={track.id} ids={p.handouts} titles={names.materials} />
            </p>
          )}

          {p.discussion.length > 0 && (
            <>
              <h3>{t("discussion")}</h3>
              <ul className="discussion-list">
                {p.discussion.map((d) => (
                  <li key={d.question} className="card">
                    <p className="discussion-question">{d.question}</p>
                    <ul>
                      {d.prompts.map((q) => (
                        <li key={q}>{q}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}

      <section className="disclosure-box" aria-labelledby="disclosure-title">
        <h2 id="disclosure-title">{t("disclosure")}</h2>
        <LessonBody markdown={trackMarkdown(track.disclosure, 3)} labels={md} />
      </section>

      {track.materials.length > 0 && (
        <section aria-labelledby="materials-title">
          <h2 id="materials-title">{t("materials")}</h2>
          <PrepareList locale={locale} track={track.id} items={track.materials} titles={names.materials} />
        </section>
      )}

      <MaterialsSection locale={locale} track={track.id} />

      <section aria-labelledby="cards-title">
        <h2 id="cards-title">{t("cardsTitle")}</h2>
        <p>{t("cardsBody")}</p>
        <p>
          <Link className="button secondary" href={`/${locale}/help`}>
            {t("cardsLink")}
          </Link>
        </p>
      </section>
    </>
  );
}
