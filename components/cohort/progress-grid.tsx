// The progress heat map: learners × the lessons of the group's plan, grouped by module. The lower
// a best score, the stronger its colour, and a score below 50 % is also striped and marked "!",
// so the learners who may need help stand out without relying on colour; "done, no score" is an
// outline, not a colour. Every cell says in text what its colour says, the headers are real
// <th>s naming the lessons, and the table scrolls sideways inside a focusable region on a phone
// while the learners' names stay in view.
import type { RosterView } from "@/lib/cohorts/reports";
import { LOW_BELOW, scoreBand } from "@/lib/cohorts/score-bands";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import type { GridLabels, LessonColumn } from "./labels";
import "./progress-grid.css";

type Cell = RosterView["learners"][number]["cells"][string] | undefined;

export function heatLevel(cell: Cell): "none" | "done" | "low" | "mid" | "high" {
  const best = cell?.bestPercent ?? null;
  if (best === null) return cell?.done ? "done" : "none";
  return scoreBand(best);
}

/** A lesson's short title for a column header: the part before a colon ("A way back"). */
export const shortTitle = (title: string) => title.split(":")[0].trim();

/**
 * Lessons grouped by module, each with its number ("2.3"): the course's own when the report gives
 * it (a plan may leave lessons out), else its place among the lessons given.
 */
export function byModule<L extends LessonColumn>(lessons: L[]) {
  const modules: { number: number; lessons: (L & { short: string; first: boolean })[] }[] = [];
  for (const l of lessons) {
    let m = modules.find((x) => x.number === l.module);
    if (!m) modules.push((m = { number: l.module, lessons: [] }));
    m.lessons.push({ ...l, short: l.number ?? `${l.module}.${m.lessons.length + 1}`, first: m.lessons.length === 0 });
  }
  return modules;
}

function GridCell({ cell, first, labels }: { cell: Cell; first: boolean; labels: GridLabels }) {
  const done = Boolean(cell?.done);
  const best = cell?.bestPercent ?? null;
  const level = heatLevel(cell);
  const low = level === "low";
  const shown = best !== null ? `${done ? "✓ " : ""}${best}%` : done ? "✓" : "–";
  const spoken =
    best === null
      ? done
        ? labels.cellDone
        : labels.notStarted
      : fill(low ? (done ? labels.cellLow : labels.cellLowOnly) : done ? labels.cellBest : labels.cellBestOnly, { percent: best, below: LOW_BELOW });
  return (
    <td className={`heat heat-${level}${first ? " module-start" : ""}`}>
      <span aria-hidden="true">
        {low && <span className="heat-mark">!</span>}
        {shown}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </td>
  );
}

export function ProgressGrid({ roster, labels }: { roster: RosterView; labels: GridLabels }) {
  const { learners, lessons } = roster;
  const modules = byModule(lessons);
  if (learners.length === 0) return <p className="cohort-empty">{labels.empty}</p>;
  return (
    <>
      <div className="table-region grid-region" role="region" aria-label={labels.scrollLabel} tabIndex={0}>
        <table className="heat-grid">
          <caption>{labels.caption}</caption>
          <colgroup span={3} />
          {modules.map((m) => (
            <colgroup key={m.number} span={m.lessons.length} className="module-cols" />
          ))}
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="learner-col">
                {labels.learner}
              </th>
              <th scope="col" rowSpan={2} className="done-col">
                {labels.done}
              </th>
              <th scope="col" rowSpan={2} className="done-col">
                {fill(labels.lowCount, { below: LOW_BELOW })}
              </th>
              {modules.map((m) => (
                <th key={m.number} scope="colgroup" colSpan={m.lessons.length} className="module-head module-start">
                  {fill(labels.module, { number: m.number })}
                </th>
              ))}
            </tr>
            <tr>
              {modules.flatMap((m) =>
                m.lessons.map((l) => (
                  <th key={l.id} scope="col" className={`lesson-head${l.first ? " module-start" : ""}`} title={l.title}>
                    <span aria-hidden="true" className="lesson-num">
                      {l.short}
                    </span>
                    <span aria-hidden="true" className="lesson-name">
                      {shortTitle(l.title)}
                    </span>
                    <span className="visually-hidden">{fill(labels.lessonNumber, { number: l.short, title: l.title })}</span>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {learners.map((p) => {
              const low = lessons.filter((l) => heatLevel(p.cells[l.id]) === "low").length;
              return (
                <tr key={p.id}>
                  <th scope="row" className="learner-col">
                    <UserText>{p.name}</UserText>
                  </th>
                  <td className="num">{p.done}</td>
                  <td className={`num${low > 0 ? " low-count" : ""}`}>
                    {low > 0 && (
                      <span className="heat-mark" aria-hidden="true">
                        !
                      </span>
                    )}
                    {low}
                  </td>
                  {modules.flatMap((m) => m.lessons.map((l) => <GridCell key={l.id} cell={p.cells[l.id]} first={l.first} labels={labels} />))}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="learner-col">
                {labels.completed}
              </th>
              <td />
              <td />
              {modules.flatMap((m) =>
                m.lessons.map((l) => (
                  <td key={l.id} className={`num${l.first ? " module-start" : ""}`}>
                    <span aria-hidden="true">{`${l.completed}/${learners.length}`}</span>
                    <span className="visually-hidden">{fill(labels.ofLearners, { count: l.completed, total: learners.length })}</span>
                  </td>
                )),
              )}
            </tr>
          </tfoot>
        </table>
      </div>
      <GridLegend modules={modules} labels={labels} />
    </>
  );
}

/** The legend: each kind of cell as it looks, with its words; then the lessons' full titles. */
export function GridLegend({ modules, labels }: { modules: ReturnType<typeof byModule<LessonColumn>>; labels: GridLabels }) {
  const swatches: [string, string, string][] = [
    ["low", "✓ 30%", fill(labels.legendLow, { below: LOW_BELOW })],
    ["mid", "✓ 60%", labels.legendMid],
    ["high", "✓ 85%", labels.legendHigh],
    ["done", "✓", labels.legendDone],
    ["none", "–", labels.legendNone],
  ];
  return (
    <div className="grid-legend">
      <h3>{labels.legendTitle}</h3>
      <p className="meta">{fill(labels.legendScore, { below: LOW_BELOW })}</p>
      <ul className="legend-list">
        {swatches.map(([level, sample, text]) => (
          <li key={level}>
            <span className={`swatch heat heat-${level}`} aria-hidden="true">
              {level === "low" && <span className="heat-mark">!</span>}
              {sample}
            </span>
            {text}
          </li>
        ))}
      </ul>
      <details className="lesson-key">
        <summary>{labels.lessonKey}</summary>
        <ul>
          {modules.flatMap((m) =>
            m.lessons.map((l) => (
              <li key={l.id}>
                {fill(labels.lessonShort, { number: l.short, title: l.title })}
              </li>
            )),
          )}
        </ul>
      </details>
    </div>
  );
}
