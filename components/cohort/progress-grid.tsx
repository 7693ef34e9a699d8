// The progress heat map: learners × lessons, grouped by module. Every cell says in text what its
// colour says (✓ done, best score in %), the headers are real <th>s, and the table scrolls
// sideways inside a focusable region on a phone while the learners' names stay in view.
import type { RosterView } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import type { GridLabels, LessonColumn } from "./labels";
import "./progress-grid.css";

type Cell = RosterView["learners"][number]["cells"][string] | undefined;

export function heatLevel(cell: Cell): "none" | "done" | "low" | "mid" | "high" {
  const best = cell?.bestPercent ?? null;
  if (best === null) return cell?.done ? "done" : "none";
  return best >= 80 ? "high" : best >= 50 ? "mid" : "low";
}

/** Lessons grouped by module, each with its number inside the module ("2.3"). */
export function byModule(lessons: LessonColumn[]) {
  const modules: { number: number; lessons: (LessonColumn & { short: string; first: boolean })[] }[] = [];
  for (const l of lessons) {
    let m = modules.find((x) => x.number === l.module);
    if (!m) modules.push((m = { number: l.module, lessons: [] }));
    m.lessons.push({ ...l, short: `${l.module}.${m.lessons.length + 1}`, first: m.lessons.length === 0 });
  }
  return modules;
}

function GridCell({ cell, first, labels }: { cell: Cell; first: boolean; labels: GridLabels }) {
  const done = Boolean(cell?.done);
  const best = cell?.bestPercent ?? null;
  const shown = best !== null ? `${done ? "✓ " : ""}${best}%` : done ? "✓" : "–";
  const spoken = best !== null ? fill(done ? labels.cellBest : labels.cellBestOnly, { percent: best }) : done ? labels.cellDone : labels.notStarted;
  return (
    <td className={`heat heat-${heatLevel(cell)}${first ? " module-start" : ""}`}>
      <span aria-hidden="true">{shown}</span>
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
          <colgroup span={2} />
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
                    <span aria-hidden="true">{l.short}</span>
                    <span className="visually-hidden">{fill(labels.lessonNumber, { number: l.short, title: l.title })}</span>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {learners.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="learner-col">
                  <UserText>{p.name}</UserText>
                </th>
                <td className="num">{p.done}</td>
                {modules.flatMap((m) => m.lessons.map((l) => <GridCell key={l.id} cell={p.cells[l.id]} first={l.first} labels={labels} />))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="learner-col">
                {labels.completed}
              </th>
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

function GridLegend({ modules, labels }: { modules: ReturnType<typeof byModule>; labels: GridLabels }) {
  const swatches: [string, string, string][] = [
    ["done", "✓", labels.legendDone],
    ["high", "85%", labels.legendHigh],
    ["mid", "60%", labels.legendMid],
    ["low", "30%", labels.legendLow],
    ["none", "–", labels.legendNone],
  ];
  return (
    <div className="grid-legend">
      <h3>{labels.legendTitle}</h3>
      <p className="meta">{labels.legendScore}</p>
      <ul className="legend-list">
        {swatches.map(([level, sample, text]) => (
          <li key={level}>
            <span className={`swatch heat heat-${level}`} aria-hidden="true">
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
