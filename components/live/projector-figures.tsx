// The figures the projector shows inside a step (projector-steps.tsx): the votes as bars with
// their counts written beside them, the count while a round is open, a sort question's table and
// a discernment round's table of hits and false alarms, and the discussion prompt.
import type { ProjectorView, PublicStep, Reveal, RoomDiscernment } from "@/lib/live/views";
import { fill } from "@/components/ui/fill";
import type { ProjectorLabels } from "./projector-labels";
import { sortBars, type Bar } from "./projector-format";

type Step<K extends PublicStep["kind"]> = Extract<PublicStep, { kind: K }>;
type RevealOf<K extends Reveal["kind"]> = Extract<Reveal, { kind: K }>;

/** Each choice with its votes: a bar, and the count and share written beside it. */
export function Bars({ bars, labels, total }: { bars: Bar[]; labels: ProjectorLabels; total?: number }) {
  const t = labels.text;
  return (
    <ol className="projector-bars">
      {bars.map((b) => (
        <li key={b.id} className={b.correct ? "projector-bar is-correct" : "projector-bar"}>
          <p className="projector-bar-head">
            <span className="projector-bar-text">{b.text}</span>
            {b.correct && (
              <strong className="projector-correct">
                <span aria-hidden="true">✓ </span>
                {t.correct}
              </strong>
            )}
          </p>
          <div className="projector-bar-row">
            <span className="projector-bar-track" aria-hidden="true">
              <span className="projector-bar-fill" style={{ inlineSize: `${b.percent}%` }} />
            </span>
            <span className="projector-bar-count">{total === undefined ? fill(t.votes, { count: b.count, percent: b.percent }) : fill(t.votesOf, { count: b.count, total, percent: b.percent })}</span>
          </div>
          {b.feedback && <p className="projector-bar-feedback">{b.feedback}</p>}
        </li>
      ))}
    </ol>
  );
}

/** "Answered: 12 of 30" while a round is open: the only figure before the reveal. */
export function Answered({ view, labels, finished = false }: { view: ProjectorView; labels: ProjectorLabels; finished?: boolean }) {
  const t = labels.text;
  return (
    <div className="projector-answered">
      <p className="projector-answered-count">{fill(finished ? t.finished : t.answered, { count: view.answered, total: view.participants })}</p>
      {!view.accepting && view.phase === "open" && <p className="projector-answered-closed">{t.answeringClosed}</p>}
    </div>
  );
}

export function Discuss({ labels, prompt }: { labels: ProjectorLabels; prompt: string }) {
  return (
    <section className="projector-discuss" aria-labelledby="projector-discuss-title">
      <h2 id="projector-discuss-title">{labels.text.discussTitle}</h2>
      <p>{prompt}</p>
    </section>
  );
}

/** A sort question after the reveal: one row per item, one column per pile, the right pile ticked. */
export function SortTable({ step, reveal, labels }: { step: Step<"question">; reveal: RevealOf<"question">; labels: ProjectorLabels }) {
  const t = labels.text;
  const items = sortBars(step, reveal);
  return (
    <table className="projector-sort">
      <caption>{t.sortCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.sortItem}</th>
          {(step.question.categories ?? []).map((c) => (
            <th key={c.id} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row">
              <span className="projector-sort-item">{item.text}</span>
              {item.feedback && <span className="projector-sort-feedback">{item.feedback}</span>}
            </th>
            {item.piles.map((p) => (
              <td key={p.id} className={p.correct ? "is-correct" : undefined}>
                {p.correct && <span aria-hidden="true">✓ </span>}
                {fill(t.votes, { count: p.count, percent: p.percent })}
                {p.correct && <span className="visually-hidden"> ({t.rightPile})</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RoomTable({ room, soFar, labels }: { room: RoomDiscernment; soFar: RoomDiscernment; labels: ProjectorLabels }) {
  const t = labels.text;
  const columns = [
    ["hits", t.hits, t.hitsHint],
    ["misses", t.misses, t.missesHint],
    ["falseAlarms", t.falseAlarms, t.falseAlarmsHint],
    ["correctRejections", t.correctRejections, t.correctRejectionsHint],
  ] as const;
  return (
    <table className="projector-room">
      <caption>{t.roomCaption}</caption>
      <thead>
        <tr>
          <td />
          {columns.map(([key, name, hint]) => (
            <th key={key} scope="col">
              {name}
              <span className="projector-room-hint">{hint}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(
          [
            [t.thisPost, room],
            [t.soFar, soFar],
          ] as const
        ).map(([name, figures]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {columns.map(([key]) => (
              <td key={key}>{figures[key]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
