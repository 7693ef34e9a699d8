"use client";
// A branching scenario, played one step at a time: each choice leads to a consequence, and each
// ending to a debrief. Always labelled fictional. Nothing is stored: it is practice.
// When the scenario is not translated yet (an English scenario on an Arabic page), only its own
// text carries `lang` and `dir` (`text`); the player's buttons, headings and verdicts stay in the
// page's language, as the quiz runner does (components/quiz/content-lang.tsx).
import { useEffect, useRef, useState } from "react";
import type { ContentLang } from "@/components/quiz/content-lang";
import type { Scenario } from "@/lib/scenario/graph";

export type ScenarioLabels = Record<"fictional" | "title" | "choose" | "outcome_helpful" | "outcome_mixed" | "outcome_harmful" | "debrief" | "restart" | "back" | "path", string>;

export function ScenarioPlayer({ scenario, labels, text = {} }: { scenario: Scenario; labels: ScenarioLabels; text?: ContentLang }) {
  const [path, setPath] = useState<{ step: string; choice?: string }[]>([{ step: scenario.start }]);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const current = path[path.length - 1];
  const step = scenario.steps[current.step];

  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [path.length]);

  const go = (choiceId: string, next: string) => {
    moved.current = true;
    setPath((p) => [...p.slice(0, -1), { ...p[p.length - 1], choice: choiceId }, { step: next }]);
  };

  return (
    <section className="scenario-player scenario" aria-labelledby={`scenario-${scenario.id}`}>
      <p className="scenario-label">{labels.fictional}</p>
      <h2 id={`scenario-${scenario.id}`}>
        {labels.title}: <span {...text}>{scenario.title}</span>
      </h2>
      <p className="meta" {...text}>
        {scenario.summary}
      </p>
      {path.length > 1 && (
        <details className="scenario-path">
          <summary>{labels.path}</summary>
          <ol>
            {path.slice(0, -1).map((p, i) => {
              const s = scenario.steps[p.step];
              return (
                <li key={`${p.step}-${i}`}>
                  <p {...text}>{s.text}</p>
                  <p {...text}>
                    <strong className="scenario-chosen">{s.choices?.find((c) => c.id === p.choice)?.text}</strong>
                  </p>
                </li>
              );
            })}
          </ol>
        </details>
      )}
      <div className="scenario-step" aria-live="polite">
        <h3 tabIndex={-1} ref={heading} className="visually-hidden">
          {step.ending ? labels.debrief : labels.choose}
        </h3>
        <p className="scenario-text" {...text}>
          {step.text}
        </p>
        {step.choices && (
          <div className="scenario-choices" role="group" aria-label={labels.choose}>
            {step.choices.map((c) => (
              <button key={c.id} type="button" className="button secondary scenario-choice" onClick={() => go(c.id, c.next)}>
                <span {...text}>{c.text}</span>
              </button>
            ))}
          </div>
        )}
        {step.ending && (
          <div className={`feedback ${step.ending.outcome === "helpful" ? "correct" : step.ending.outcome === "mixed" ? "partial" : "incorrect"}`}>
            <p className="verdict">{labels[`outcome_${step.ending.outcome}`]}</p>
            <p>
              <strong>{labels.debrief}:</strong> <span {...text}>{step.ending.debrief}</span>
            </p>
          </div>
        )}
      </div>
      <div className="actions">
        {path.length > 1 && !step.ending && (
          <button type="button" className="button secondary" onClick={() => setPath((p) => [...p.slice(0, -2), { step: p[p.length - 2].step }])}>
            {labels.back}
          </button>
        )}
        {path.length > 1 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              moved.current = true;
              setPath([{ step: scenario.start }]);
            }}
          >
            {labels.restart}
          </button>
        )}
      </div>
    </section>
  );
}
