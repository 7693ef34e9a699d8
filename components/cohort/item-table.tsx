"use client";
// Item analysis: each question the group answered, hardest first, with the wrong answer chosen
// most often (the misconception to discuss). Ten at first, so a projector shows what matters.
import { useState } from "react";
import type { ItemAnalysisRow } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import type { ItemLabels, LessonColumn } from "./labels";
import { byModule } from "./progress-grid";

const FIRST = 10;

export function ItemTable({ items, lessons, labels }: { items: ItemAnalysisRow[]; lessons: LessonColumn[]; labels: ItemLabels }) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p className="cohort-empty">{labels.none}</p>;
  const lessonNames = new Map(byModule(lessons).flatMap((m) => m.lessons.map((l) => [l.id, fill(labels.lessonRef, { number: l.short, title: l.title })] as const)));
  const activity = (id: string) =>
    id === "assessment-pre" ? labels.pre : id === "assessment-post" ? labels.post : id.startsWith("booster-") ? labels.booster : (lessonNames.get(id) ?? id);
  const shown = all ? items : items.slice(0, FIRST);
  const percent = (q: ItemAnalysisRow) => (q.percentCorrect === null ? "–" : `${q.percentCorrect}%`);
  const times = (count: number) => (count === 1 ? labels.wrongCountOne : fill(labels.wrongCount, { count }));
  return (
    <>
      {/* A phone gets one card per question; wider screens the table. Only one is ever displayed. */}
      <ol className="item-cards">
        {shown.map((q) => (
          <li key={`${q.activityId}/${q.questionId}`} className="card item-card">
            <p className="item-activity">{activity(q.activityId)}</p>
            <p className="item-card-prompt">{q.prompt}</p>
            <p className="item-card-figures dotted">
              <span>
                <strong>{fill(labels.cardCorrect, { percent: percent(q) })}</strong>
              </span>
              <span>{q.answers === 1 ? labels.cardAnswersOne : fill(labels.cardAnswers, { count: q.answers })}</span>
            </p>
            <p className="item-card-wrong">
              <span className="meta">{labels.wrong}:</span> {q.commonWrong ? `${q.commonWrong.text} (${times(q.commonWrong.count)})` : labels.noWrong}
            </p>
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
              <th scope="col" className="num">
                {labels.correct}
              </th>
              <th scope="col">{labels.wrong}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((q) => (
              <tr key={`${q.activityId}/${q.questionId}`}>
                <th scope="row" className="item-prompt">
                  <span className="item-activity">{activity(q.activityId)}</span>
                  {q.prompt}
                </th>
                <td className="num">{q.answers}</td>
                <td className="num">
                  <span className="item-pct">{percent(q)}</span>
                  <span className="item-bar" aria-hidden="true">
                    <span style={{ width: `${q.percentCorrect ?? 0}%` }} />
                  </span>
                </td>
                <td>
                  {q.commonWrong ? (
                    <>
                      <span className="item-wrong">{q.commonWrong.text}</span>
                      <span className="meta item-count">{times(q.commonWrong.count)}</span>
                    </>
                  ) : (
                    <span className="meta">{labels.noWrong}</span>
                  )}
                </td>
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
  );
}
