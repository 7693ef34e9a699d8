// What each step of a live session looks like on the projector: pure rendering of the projector
// view (lib/live/views.ts projectorView), imported by the island (projector.tsx). Every share is
// shown as numbers beside its bar and every right answer as words beside its mark, so nothing is
// told by colour alone.
import type { ReactNode } from "react";
import type { ProjectorView, PublicStep, Reveal } from "@/lib/live/views";
import { fill } from "@/components/ui/fill";
import { UserText } from "@/components/ui/user-text";
import type { ProjectorLabels } from "./projector-labels";
import { choiceBars, codeGroups, optionText, questionBars } from "./projector-format";
import { Answered, Bars, Discuss, RoomTable, SortTable } from "./projector-figures";

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
