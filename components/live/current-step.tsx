// The step on screen as the facilitator sees it: its text, and the votes as they come in with the
// key and feedback beside them (the facilitator's view has them before the reveal; the projector
// does not). Presentational: the control island passes the view and the words.
import { fill } from "@/components/ui/fill";
import type { FacilitatorView, Reveal } from "@/lib/live/views";
import type { ControlLabels } from "./labels";

type Props = { view: FacilitatorView; labels: ControlLabels };

function Count({ n, labels }: { n: number; labels: ControlLabels }) {
  return (
    <span className="live-ctl-count">
      <strong>{n}</strong> {labels.votes}
    </span>
  );
}

function share(n: number, total: number): string {
  return total > 0 ? `${Math.round((n / total) * 100)}%` : "0%";
}

function Bar({ n, total }: { n: number; total: number }) {
  // Decorative: the number beside it says the same.
  return (
    <span className="live-ctl-bar" aria-hidden="true">
      <span style={{ inlineSize: share(n, total) }} />
    </span>
  );
}

function QuestionStep({ view, labels }: Props) {
  if (view.step.kind !== "question") return null;
  const q = view.step.question;
  const reveal = view.reveal?.kind === "question" ? (view.reveal as Extract<Reveal, { kind: "question" }>) : undefined;
  const counts = view.live.counts;
  const total = view.live.answered;
  return (
    <>
      {q.vignette && <p className="live-ctl-vignette">{q.vignette}</p>}
      <p className="live-ctl-prompt">{q.prompt}</p>
      <ul className="live-ctl-options">
        {q.options.map((o) => {
          const correct = reveal?.correct.includes(o.id);
          const categories = q.categories ?? [];
          const n = categories.length ? 0 : (counts[o.id] ?? 0);
          return (
            <li key={o.id} className={correct ? "live-ctl-option is-correct" : "live-ctl-option"}>
              <div className="live-ctl-option-head">
                <span className="live-ctl-option-text">{o.text || (o.id === "true" ? labels.optionTrue : o.id === "false" ? labels.optionFalse : o.id)}</span>
                {correct && <span className="tag live-ctl-correct">{labels.correct}</span>}
                {!categories.length && <Count n={n} labels={labels} />}
              </div>
              {!categories.length && <Bar n={n} total={total} />}
              {categories.length > 0 && (
                <ul className="live-ctl-sort">
                  {categories.map((c) => (
                    <li key={c.id}>
                      {c.label}: <Count n={counts[`${o.id}:${c.id}`] ?? 0} labels={labels} />
                    </li>
                  ))}
                </ul>
              )}
              {reveal?.feedback[o.id] && <p className="live-ctl-feedback">{reveal.feedback[o.id]}</p>}
            </li>
          );
        })}
      </ul>
      {reveal?.explanation && (
        <div className="live-ctl-explanation">
          <h3>{labels.explanation}</h3>
          <p>{reveal.explanation}</p>
        </div>
      )}
    </>
  );
}

function ScenarioStep({ view, labels }: Props) {
  if (view.step.kind !== "scenario") return null;
  const s = view.step;
  const total = view.live.answered;
  return (
    <>
      <p className="live-ctl-step-title">{s.title}</p>
      {s.detour && <p className="live-ctl-note">{labels.detour}</p>}
      <p className="live-ctl-prompt">{s.node.text}</p>
      {s.ending ? (
        <div className="live-ctl-explanation">
          <h3>{labels.ending}</h3>
          <p>{s.ending.debrief}</p>
        </div>
      ) : (
        <ul className="live-ctl-options">
          {s.node.choices.map((c) => (
            <li key={c.id} className="live-ctl-option">
              <div className="live-ctl-option-head">
                <span className="live-ctl-option-text">{c.text}</span>
                <Count n={view.live.counts[c.id] ?? 0} labels={labels} />
              </div>
              <Bar n={view.live.counts[c.id] ?? 0} total={total} />
            </li>
          ))}
        </ul>
      )}
      {s.path.length > 0 && (
        <div className="live-ctl-path">
          <h3>{labels.path}</h3>
          <ol>
            {s.path.map((p, i) => (
              <li key={i}>
                {p.text} <span className="meta">({p.by === "majority" ? labels.byMajority : labels.byOther})</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}

function DiscernmentStep({ view, labels }: Props) {
  if (view.step.kind !== "discernment") return null;
  const d = view.step;
  const reveal = view.reveal?.kind === "discernment" ? (view.reveal as Extract<Reveal, { kind: "discernment" }>) : undefined;
  const total = view.live.answered;
  return (
    <>
      <p className="live-ctl-step-title">{d.prompt}</p>
      <p className="meta">{fill(labels.post, { index: d.index + 1, total: d.total })}</p>
      <blockquote className="live-ctl-post">{d.post.text}</blockquote>
      <ul className="live-ctl-options">
        {(["manipulative", "genuine"] as const).map((mark) => (
          <li key={mark} className="live-ctl-option">
            <div className="live-ctl-option-head">
              <span className="live-ctl-option-text">{labels[`mark_${mark}`]}</span>
              <Count n={view.live.counts[mark] ?? 0} labels={labels} />
            </div>
            <Bar n={view.live.counts[mark] ?? 0} total={total} />
          </li>
        ))}
      </ul>
      {reveal && (
        <div className="live-ctl-explanation">
          <p>
            <strong>{reveal.manipulative ? labels.isManipulative : labels.isGenuine}</strong>
            {reveal.technique && <> {fill(labels.technique, { technique: reveal.technique })}</>}
          </p>
          <p>{reveal.feedback}</p>
          <h3>{labels.soFar}</h3>
          <dl className="live-ctl-room">
            <div>
              <dt>{labels.hits}</dt>
              <dd>{reveal.soFar.hits}</dd>
            </div>
            <div>
              <dt>{labels.misses}</dt>
              <dd>{reveal.soFar.misses}</dd>
            </div>
            <div>
              <dt>{labels.falseAlarms}</dt>
              <dd>{reveal.soFar.falseAlarms}</dd>
            </div>
            <div>
              <dt>{labels.correctRejections}</dt>
              <dd>{reveal.soFar.correctRejections}</dd>
            </div>
          </dl>
        </div>
      )}
    </>
  );
}

/** The words that name a step in announcements and in the running order. */
export function stepName(item: { kind: string; label: string }, labels: ControlLabels): string {
  if (item.kind === "lobby") return labels.kind_lobby;
  if (item.kind === "check") return item.label === "post" ? labels.checkPost : labels.checkPre;
  const kind = labels[`kind_${item.kind}` as keyof ControlLabels] ?? "";
  return item.label ? `${kind}: ${item.label}` : kind;
}

export function CurrentStep({ view, labels }: Props) {
  const step = view.step;
  const answerable = step.kind === "question" || step.kind === "scenario" || step.kind === "discernment";
  return (
    <div className="live-ctl-current-body">
      {step.kind === "lobby" && <p className="live-ctl-prompt">{labels.lobbyText}</p>}
      <QuestionStep view={view} labels={labels} />
      <ScenarioStep view={view} labels={labels} />
      <DiscernmentStep view={view} labels={labels} />
      {step.kind === "check" && (
        <>
          <p className="live-ctl-prompt">{step.slot === "post" ? labels.checkPost : labels.checkPre}</p>
          <p>{labels.checkText}</p>
          <p className="live-ctl-answered">{fill(labels.finished, { answered: view.answered, people: view.participants })}</p>
        </>
      )}
      {step.kind === "discussion" && (
        <>
          <p className="live-ctl-prompt">{step.question}</p>
          {step.prompts.length > 0 && (
            <>
              <h3>{labels.prompts}</h3>
              <ul>
                {step.prompts.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {step.kind === "missing" && <p className="live-ctl-note">{labels.missing}</p>}
      {answerable && !(step.kind === "scenario" && step.ending) && (
        <>
          <p className="live-ctl-answered">{fill(labels.answered, { answered: view.live.answered, people: view.participants })}</p>
          {view.phase === "open" && <p className="meta">{labels.votesOnlyYou}</p>}
        </>
      )}
    </div>
  );
}
