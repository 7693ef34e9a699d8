"use client";
// Item analysis: each question the group answered, hardest first where enough answered, with its
// share correct, whether it tells apart who learned the topic, and the mistake to discuss; a
// filter by activity; then how consistent each quiz or check is (form-reliability.tsx). Ten
// questions at first, so a projector shows what matters. When answers came in more than one
// language, each question shows its share per language, and the questions where one language
// stands apart (lib/cohorts/locale-outliers.ts) are listed first, whatever their rank.
import { useId, useState } from "react";
import type { ActivityKind, ItemAnalysisRow, ItemAnalysisView, ItemLocaleRow } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import type { ItemLabels, LessonColumn } from "./labels";
import { byModule } from "./progress-grid";
import { FormReliability } from "./form-reliability";
import type { LanguageNames } from "./language-names";

const FIRST = 10;
type Filter = "all" | ActivityKind;
const FILTERS: Filter[] = ["all", "lesson", "pre", "post", "booster"];

export function ItemTable({ view, lessons, labels, languages = {} }: { view: ItemAnalysisView; lessons: LessonColumn[]; labels: ItemLabels; languages?: LanguageNames }) {
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState<Filter>("all");
  const filterId = useId();
  const lessonNames = new Map(byModule(lessons).flatMap((m) => m.lessons.map((l) => [l.id, fill(labels.lessonRef, { number: l.short, title: l.title })] as const)));
  // A check slot is read per form: the same form is taken first by half the group and last by the other half.
  const activity = ({ activityId, activityKind, form }: { activityId: string; activityKind: ActivityKind; form?: "a" | "b" }) => {
    const name = activityKind === "lesson" ? (lessonNames.get(activityId) ?? activityId) : labels[activityKind];
    return form ? fill(form === "a" ? labels.checkFormA : labels.checkFormB, { check: name }) : name;
  };
  const filterNames: Record<Filter, string> = { all: labels.filterAll, lesson: labels.filterLesson, pre: labels.pre, post: labels.post, booster: labels.booster };
  const older = view.olderAttempts === 0 ? null : view.olderAttempts === 1 ? labels.olderOne : fill(labels.older, { count: view.olderAttempts });
  if (view.items.length === 0) {
    return (
      <>
        <p className="cohort-empty">{labels.none}</p>
        {older && <p className="meta">{older}</p>}
      </>
    );
  }

  const items = filter === "all" ? view.items : view.items.filter((q) => q.activityKind === filter);
  const perLanguage = view.locales.length > 1;
  const flagged = items.filter((q) => q.byLocale?.some((l) => l.outlier));
  const shown = all ? items : items.slice(0, FIRST);
  const tooFew = fill(labels.tooFew, { min: view.minAnswers });
  const percent = (q: ItemAnalysisRow) => (q.percentCorrect === null ? tooFew : fill(labels.cardCorrect, { percent: `${q.percentCorrect}%` }));
  const difficultyWords = (q: ItemAnalysisRow) => (q.difficulty ? labels[DIFFICULTY[q.difficulty]] : null);
  const times = (count: number) => (count === 1 ? labels.wrongCountOne : fill(labels.wrongCount, { count }));
  const inAnswers = (count: number) => (count === 1 ? labels.leftOutCountOne : fill(labels.leftOutCount, { count }));
  const mistake = (q: ItemAnalysisRow) =>
    !q.commonWrong
      ? labels.noWrong
      : q.commonWrong.kind === "left-out"
        ? `${fill(labels.leftOut, { text: q.commonWrong.text })} (${inAnswers(q.commonWrong.count)})`
        : `${q.commonWrong.text} (${times(q.commonWrong.count)})`;
  const telling = (q: ItemAnalysisRow) =>
    q.discriminationBand === null || q.discrimination === null ? (
      <span className="meta">{fill(labels.tooFewAttempts, { min: view.minAttempts })}</span>
    ) : (
      <span className={q.discriminationBand === "negative" ? "item-flag" : undefined}>
        {q.discriminationBand === "negative" && <strong>{labels.flag} </strong>}
        {labels[DISCRIMINATION[q.discriminationBand]]} <span className="meta">({q.discrimination.toFixed(2)})</span>
      </span>
    );

  return (
    <>
      {perLanguage && <p className="meta">{fill(labels.languagesLead, { count: view.locales.length })}</p>}
      {flagged.length > 0 && (
        <div className="item-language-flags">
          <h3>{labels.languageFlagsTitle}</h3>
          <ul>
            {flagged.map((q) => (
              <li key={`${q.activityId}/${q.form ?? ""}/${q.questionId}`}>
                <p>{fill(labels.languageFlag, { activity: activity(q), question: q.prompt })}</p>
                <ByLanguage rows={q.byLocale!} languages={languages} labels={labels} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="item-filter">
        <label htmlFor={filterId}>{labels.filterLabel}</label>{" "}
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {filterNames[f]}
            </option>
          ))}
        </select>
      </p>
      {older && <p className="meta">{older}</p>}
      {items.length === 0 ? (
        <p className="cohort-empty">{labels.noneInFilter}</p>
      ) : (
        <>
          {/* A phone gets one card per question; wider screens the table. Only one is ever displayed. */}
          <ol className="item-cards">
            {shown.map((q) => (
              <li key={`${q.activityId}/${q.form ?? ""}/${q.questionId}`} className="card item-card">
                <p className="item-activity">{activity(q)}</p>
                <p className="item-card-prompt">{q.prompt}</p>
                <p className="item-card-figures dotted">
                  <span>
                    <strong>{percent(q)}</strong>
                  </span>
                  <span>{q.answers === 1 ? labels.cardAnswersOne : fill(labels.cardAnswers, { count: q.answers })}</span>
                </p>
                {difficultyWords(q) && <p>{difficultyWords(q)}</p>}
                <p>
                  <span className="meta">{labels.discrimination}:</span> {telling(q)}
                </p>
                <p className="item-card-wrong">
                  <span className="meta">{labels.wrong}:</span> {mistake(q)}
                </p>
                {q.byLocale && (
                  <div>
                    <span className="meta">{labels.byLanguage}:</span>
                    <ByLanguage rows={q.byLocale} languages={languages} labels={labels} short />
                  </div>
                )}
              </li>
            ))}
          </ol>
          <div className="table-region item-wide" role="region" aria-label={labels.scrollLabel} tabIndex={0}>
            <table className="item-table">
              <caption>{fill(labels.caption, { shown: shown.length, total: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.question}</th>
                  <th scope="col" className="num">
                    {labels.answers}
                  </th>
                  <th scope="col">{labels.correct}</th>
                  <th scope="col">{labels.discrimination}</th>
                  <th scope="col">{labels.wrong}</th>
                  {perLanguage && <th scope="col">{labels.byLanguage}</th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((q) => (
                  <tr key={`${q.activityId}/${q.form ?? ""}/${q.questionId}`}>
                    <th scope="row" className="item-prompt">
                      <span className="item-activity">{activity(q)}</span>
                      {q.prompt}
                    </th>
                    <td className="num">{q.answers}</td>
                    <td>
                      {q.percentCorrect === null ? (
                        <span className="meta">{tooFew}</span>
                      ) : (
                        <>
                          <span className="item-pct">{q.percentCorrect}%</span>
                          <span className="item-bar" aria-hidden="true">
                            <span style={{ width: `${q.percentCorrect}%` }} />
                          </span>
                          <span className="meta">{difficultyWords(q)}</span>
                        </>
                      )}
                    </td>
                    <td>{telling(q)}</td>
                    <td>{q.commonWrong ? <span className="item-wrong">{mistake(q)}</span> : <span className="meta">{labels.noWrong}</span>}</td>
                    {perLanguage && <td>{q.byLocale && <ByLanguage rows={q.byLocale} languages={languages} labels={labels} short />}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.length > FIRST && (
            <p>
              <button type="button" className="button secondary" onClick={() => setAll(!all)}>
                {all ? fill(labels.showFewer, { count: FIRST }) : fill(labels.showAll, { count: items.length })}
              </button>
            </p>
          )}
        </>
      )}
      <FormReliability forms={filter === "all" ? view.forms : view.forms.filter((f) => f.activityKind === filter)} minAttempts={view.minAttempts} activity={activity} labels={labels} />
    </>
  );
}

const DIFFICULTY = { "most-right": "diffMostRight", "more-than-half": "diffMoreThanHalf", "fewer-than-half": "diffFewerThanHalf", "most-missed": "diffMostMissed" } as const;
const DISCRIMINATION = { negative: "discNegative", weak: "discWeak", good: "discGood" } as const;

/** A question's share correct per language, side by side; a language that stands apart is flagged in words (`short`: briefly). */
function ByLanguage({ rows, languages, labels, short = false }: { rows: ItemLocaleRow[]; languages: LanguageNames; labels: ItemLabels; short?: boolean }) {
  const name = (code: string) => languages[code] ?? code;
  return (
    <ul className="item-locales">
      {rows.map((l) => (
        <li key={l.locale} className={l.outlier ? "item-flag" : undefined}>
          {l.percentCorrect === null
            ? fill(labels.languageTooFew, { language: name(l.locale), count: l.answers })
            : fill(labels.languageFigure, { language: name(l.locale), percent: `${l.percentCorrect}%`, count: l.answers })}
          {l.outlier && (
            <>
              {" "}
              {/* In the table and cards a short flag; the box above the table says which way and why. */}
              <strong>{short ? labels.languageFlagShort : fill(l.outlier === "harder" ? labels.languageHarder : labels.languageEasier, { language: name(l.locale) })}</strong>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
