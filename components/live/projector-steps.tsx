// What each step of a live session looks like on the projector: pure rendering of the projector
// view (lib/live/views.ts projectorView), imported by the island (projector.tsx). Every share is
// shown as numbers beside its bar and every right answer as words beside its mark, so nothing is
// told by colour alone.
import type { ReactNode } from "react";
import type { ProjectorView, PublicStep, Reveal, RoomDiscernment } from "@/lib/live/views";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import type { ProjectorLabels } from "./projector-labels";
import { choiceBars, codeGroups, optionText, questionBars, sortBars, type Bar } from "./projector-format";

type Step<K extends PublicStep["kind"]> = Extract<PublicStep, { kind: K }>;
type RevealOf<K extends Reveal["kind"]> = Extract<Reveal, { kind: K }>;

/** Names on the lobby: the newest last; a full hall would not fit, so the rest are counted. */
const NAMES_SHOWN = 60;

/** The step's heading, in words: shown as its h1 and announced when the step changes. */
export function stepHeading(view: ProjectorView, labels: ProjectorLabels): string {
  const t = labels.text;
  if (view.phase === "ended") return t.endedTitle;
  const step = view.step;
  switch (step.kind) {
    case "lobby":
      return t.lobbyTitle;
    case "question":
      return step.question.prompt;
    case "scenario":
      return step.ending ? labels.outcomes[step.ending.outcome] : step.node.text;
    case "discernment":
      return fill(t.postOf, { index: step.index + 1, total: step.total });
    case "check":
      return step.slot === "pre" ? t.checkPre : t.checkPost;
    case "discussion":
      return step.question;
    case "missing":
      return t.missingTitle;
  }
}

function Bars({ bars, labels, total }: { bars: Bar[]; labels: ProjectorLabels; total?: number }) {
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
function Answered({ view, labels, finished = false }: { view: ProjectorView; labels: ProjectorLabels; finished?: boolean }) {
  const t = labels.text;
  return (
    <div className="projector-answered">
      <p className="projector-answered-count">{fill(finished ? t.finished : t.answered, { count: view.answered, total: view.participants })}</p>
      {!view.accepting && view.phase === "open" && <p className="projector-answered-closed">{t.answeringClosed}</p>}
    </div>
  );
}

export function Lobby({ view, labels, qr, joinUrl }: { view: ProjectorView; labels: ProjectorLabels; qr: ReactNode; joinUrl: string }) {
  const t = labels.text;
  const names = view.names ?? [];
  const shown = names.slice(-NAMES_SHOWN);
  return (
    <div className="projector-lobby">
      <div className="projector-lobby-join">
        <h1 className="projector-heading">{t.lobbyTitle}</h1>
        <p className="projector-lobby-lead">{t.lobbyLead}</p>
        <p className="projector-join-url">{joinUrl}</p>
        <p className="projector-code-label">{t.codeLabel}</p>
        <p className="projector-code" aria-hidden="true">
          {codeGroups(view.code).map((g) => (
            <span key={g} className="projector-code-group">
              {g}
            </span>
          ))}
        </p>
        <p className="visually-hidden">{fill(t.codeSpelled, { code: view.code.split("").join(" ") })}</p>
        <p className="projector-joined">
          <span className="projector-joined-count">{view.participants}</span> <span className="projector-joined-label">{t.joined}</span>
        </p>
        <p className="projector-lobby-wait">{t.waiting}</p>
      </div>
      <div className="projector-lobby-qr">{qr}</div>
      {names.length > 0 && (
        <section className="projector-names" aria-labelledby="projector-names-title">
          <h2 id="projector-names-title">{t.namesTitle}</h2>
          <ul className="projector-names-list">
            {names.length > shown.length && <li className="projector-names-more">{fill(t.moreNames, { count: names.length - shown.length })}</li>}
            {shown.map((n, i) => (
              <li key={`${i}-${n}`}>
                <UserText>{n}</UserText>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Discuss({ labels, prompt }: { labels: ProjectorLabels; prompt: string }) {
  return (
    <section className="projector-discuss" aria-labelledby="projector-discuss-title">
      <h2 id="projector-discuss-title">{labels.text.discussTitle}</h2>
      <p>{prompt}</p>
    </section>
  );
}

export function Question({ view, step, labels }: { view: ProjectorView; step: Step<"question">; labels: ProjectorLabels }) {
  const t = labels.text;
  const reveal = view.reveal?.kind === "question" ? view.reveal : undefined;
  const words = { true: t.true, false: t.false };
  const q = step.question;
  return (
    <div className="projector-step projector-question">
      <p className="projector-eyebrow">{t.questionEyebrow}</p>
      {q.vignette && <p className="projector-vignette">{q.vignette}</p>}
      <h1 className="projector-heading projector-prompt">{q.prompt}</h1>
      {!reveal ? (
        <>
          {q.type === "sort" && q.categories && (
            <ul className="projector-piles">
              {q.categories.map((c) => (
                <li key={c.id}>{c.label}</li>
              ))}
            </ul>
          )}
          <ol className={q.type === "sort" ? "projector-options projector-items" : "projector-options"}>
            {q.options.map((o) => (
              <li key={o.id}>{optionText(o, words)}</li>
            ))}
          </ol>
          <Answered view={view} labels={labels} />
          <p className="projector-hint">{t.answerOnPhone}</p>
        </>
      ) : (
        <QuestionReveal view={view} step={step} reveal={reveal} labels={labels} />
      )}
    </div>
  );
}

function QuestionReveal({ view, step, reveal, labels }: { view: ProjectorView; step: Step<"question">; reveal: RevealOf<"question">; labels: ProjectorLabels }) {
  const t = labels.text;
  const words = { true: t.true, false: t.false };
  return (
    <div className="projector-reveal">
      <Answered view={view} labels={labels} />
      {step.question.type === "sort" ? (
        <SortTable step={step} reveal={reveal} labels={labels} />      ) : (
        <Bars bars={questionBars(step, reveal, words)} labels={labels} />
      )}
      <div className="projector-talk">
        {reveal.explanation && (
          <section className="projector-explanation" aria-labelledby="projector-explanation-title">
            <h2 id="projector-explanation-title">{t.explanationTitle}</h2>
            <p>{reveal.explanation}</p>
          </section>
        )}
        <Discuss labels={labels} prompt={t.discussQuestion} />
      </div>
    </div>
  );
}

/** A sort question after the reveal: one row per item, one column per pile, the right pile ticked. */
function SortTable({ step, reveal, labels }: { step: Step<"question">; reveal: RevealOf<"question">; labels: ProjectorLabels }) {
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

function Path({ step, labels, title }: { step: Step<"scenario">; labels: ProjectorLabels; title: string }) {
  const t = labels.text;
  return (
    <section className="projector-path" aria-labelledby="projector-path-title">
      <h2 id="projector-path-title">{title}</h2>
      {step.path.length === 0 ? (
        <p>{t.pathEmpty}</p>
      ) : (
        <ol>
          {step.path.map((p, i) => (
            <li key={`${i}-${p.choice}`}>
              {p.text} <span className={p.by === "other" ? "projector-tag is-other" : "projector-tag"}>{p.by === "other" ? t.pathOther : t.pathMajority}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function Scenario({ view, step, labels }: { view: ProjectorView; step: Step<"scenario">; labels: ProjectorLabels }) {
  const t = labels.text;
  const reveal = view.reveal?.kind === "scenario" ? view.reveal : undefined;
  return (
    <div className="projector-step projector-scenario">
      <p className="projector-eyebrow">
        {fill(t.scenarioEyebrow, { title: step.title })}
        {step.detour && <span className="projector-badge">{t.detour}</span>}
      </p>
      {step.detour && <p className="projector-hint">{t.detourLead}</p>}
      {step.ending ? (
        <>
          <h1 className="projector-heading">{labels.outcomes[step.ending.outcome]}</h1>
          <p className="projector-node">{step.node.text}</p>
          <section className="projector-debrief" aria-labelledby="projector-debrief-title">
            <h2 id="projector-debrief-title">{t.debriefTitle}</h2>
            <p>{step.ending.debrief}</p>
          </section>
          <Path step={step} labels={labels} title={t.roomPaths} />
        </>
      ) : (
        <>
          <h1 className="projector-heading projector-prompt">{step.node.text}</h1>
          {reveal ? (
            <section className="projector-reveal" aria-labelledby="projector-tally-title">
              <h2 id="projector-tally-title">{t.tallyTitle}</h2>
              <Bars bars={choiceBars(step.node.choices, reveal)} labels={labels} total={reveal.answered} />
              <Discuss labels={labels} prompt={t.discussScenario} />
            </section>
          ) : (
            <>
              <p className="projector-hint">{t.voteOnPhone}</p>
              <ol className="projector-options">
                {step.node.choices.map((c) => (
                  <li key={c.id}>{c.text}</li>
                ))}
              </ol>
              {view.phase === "open" && <Answered view={view} labels={labels} />}
            </>
          )}
          <Path step={step} labels={labels} title={t.pathTitle} />
        </>
      )}
    </div>
  );
}

function RoomTable({ room, soFar, labels }: { room: RoomDiscernment; soFar: RoomDiscernment; labels: ProjectorLabels }) {
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

export function Discernment({ view, step, labels }: { view: ProjectorView; step: Step<"discernment">; labels: ProjectorLabels }) {
  const t = labels.text;
  const reveal = view.reveal?.kind === "discernment" ? view.reveal : undefined;
  return (
    <div className="projector-step projector-discernment">
      <p className="projector-eyebrow">{t.discernEyebrow}</p>
      <h1 className="projector-heading projector-post-of">{fill(t.postOf, { index: step.index + 1, total: step.total })}</h1>
      <blockquote className="projector-post">
        <p>{step.post.text}</p>
      </blockquote>
      {!reveal ? (
        <>
          <Answered view={view} labels={labels} />
          <p className="projector-hint">{t.answerOnPhone}</p>
        </>
      ) : (
        <div className="projector-reveal">
          <p className={reveal.manipulative ? "projector-verdict is-manipulative" : "projector-verdict is-genuine"}>
            <span aria-hidden="true">{reveal.manipulative ? "⚠ " : "✓ "}</span>
            <span>{reveal.manipulative ? t.verdictManipulative : t.verdictGenuine}</span>
            {reveal.technique && <span className="projector-technique">{fill(t.verdictTechnique, { technique: labels.techniqueNames[reveal.technique] ?? reveal.technique })}</span>}
          </p>
          <div className="projector-talk">
            <p className="projector-feedback">{reveal.feedback}</p>
            <Discuss labels={labels} prompt={t.discussDiscern} />
          </div>
          <section aria-labelledby="projector-room-title">
            <h2 id="projector-room-title">{t.roomTitle}</h2>
            <RoomTable room={reveal.room} soFar={reveal.soFar} labels={labels} />
          </section>
        </div>
      )}
    </div>
  );
}

export function Check({ view, step, labels }: { view: ProjectorView; step: Step<"check">; labels: ProjectorLabels }) {
  const t = labels.text;
  return (
    <div className="projector-step projector-check">
      <h1 className="projector-heading">{step.slot === "pre" ? t.checkPre : t.checkPost}</h1>
      <p className="projector-hint">{t.checkLead}</p>
      <Answered view={view} labels={labels} finished />
    </div>
  );
}

export function Discussion({ step, labels }: { step: Step<"discussion">; labels: ProjectorLabels }) {
  return (
    <div className="projector-step projector-discussion">
      <p className="projector-eyebrow">{labels.text.discussionEyebrow}</p>
      <h1 className="projector-heading projector-prompt">{step.question}</h1>
      {step.prompts.length > 0 && (
        <ul className="projector-prompts">
          {step.prompts.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Ended({ people, labels }: { people: number; labels: ProjectorLabels }) {
  const t = labels.text;
  return (
    <div className="projector-step projector-ended">
      <h1 className="projector-heading">{t.endedTitle}</h1>
      <p className="projector-lead">{t.endedLead}</p>
      {people > 0 && <p className="projector-answered-count">{fill(t.endedCount, { count: people })}</p>}
    </div>
  );
}

export function Missing({ labels }: { labels: ProjectorLabels }) {
  return (
    <div className="projector-step">
      <h1 className="projector-heading">{labels.text.missingTitle}</h1>
      <p className="projector-hint">{labels.text.missingLead}</p>
    </div>
  );
}
