"use client";
// An inoculation activity, played in the browser with no network: build an invented post one
// step at a time from fixed pieces, see it labelled as an invented example with the technique
// explained, then judge invented posts. Grading is lib/activity/grade.ts; nothing is stored.
import { useEffect, useRef, useState, type FormEvent } from "react";
import Link from "@/components/ui/link";
import { gradeBuild, gradeSpot, gradeStep } from "@/lib/activity/grade";
import type { Activity } from "@/lib/activity/types";

export type ActivityLabels = Record<
  | "frameHeading" | "buildHeading" | "stepOf" | "choosePiece" | "usePiece" | "noChoice" | "use_well" | "use_weak" | "use_none"
  | "nextStep" | "seePost" | "postHeading" | "inventedExample" | "buildScore" | "howItWorks" | "startSpot" | "spotHeading"
  | "inventedPost" | "uses" | "doesNotUse" | "checkSpot" | "spotMissing" | "resultHeading" | "spotScore" | "spotRates"
  | "spotAdvice" | "right" | "wrong" | "again" | "backToLesson",
  string
>;

/** Fills {name} placeholders; the labels come already translated from the server. */
const fill = (s: string, values: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
const percent = (share: number) => Math.round(share * 100);

type Stage = "build" | "post" | "spot";

export function ActivityRunner({ activity, labels, backHref }: { activity: Activity; labels: ActivityLabels; backHref: string }) {
  const [stage, setStage] = useState<Stage>("build");
  const [index, setIndex] = useState(0);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string | undefined>();
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [spot, setSpot] = useState<Record<string, boolean>>({});
  const [spotChecked, setSpotChecked] = useState(false);
  // Focus follows the learner's progress: to the feedback after a choice, to each new heading.
  const focusTarget = useRef<HTMLElement | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) focusTarget.current?.focus();
  }, [focusKey]);
  const focusNext = () => {
    moved.current = true;
    setFocusKey((k) => k + 1);
  };

  const step = activity.steps[index];
  const last = index === activity.steps.length - 1;
  const result = checked && selected ? gradeStep(step, selected) : undefined;

  const usePiece = (e: FormEvent) => {
    e.preventDefault();
    if (!selected) {
      setError(labels.noChoice);
      return;
    }
    setError(undefined);
    setChoices((c) => ({ ...c, [step.id]: selected }));
    setChecked(true);
    focusNext();
  };
  const next = () => {
    setChecked(false);
    setSelected(undefined);
    if (last) setStage("post");
    else setIndex((i) => i + 1);
    focusNext();
  };
  const checkSpot = (e: FormEvent) => {
    e.preventDefault();
    if (gradeSpot(activity.spot.posts, spot).missing.length > 0) {
      setError(labels.spotMissing);
      return;
    }
    setError(undefined);
    setSpotChecked(true);
    focusNext();
  };
  const restart = () => {
    setStage("build");
    setIndex(0);
    setChoices({});
    setSelected(undefined);
    setChecked(false);
    setSpot({});
    setSpotChecked(false);
    setError(undefined);
    focusNext();
  };
  const ref = (el: HTMLElement | null) => {
    if (el) focusTarget.current = el;
  };

  if (stage === "build") {
    return (
      <section className="activity" aria-labelledby="activity-build">
        <h2 id="activity-build" tabIndex={-1} ref={checked ? undefined : ref}>
          {labels.buildHeading}
        </h2>
        <div className="activity-frame">
          <h3>{labels.frameHeading}</h3>
          <p>{activity.frame}</p>
        </div>
        <form onSubmit={usePiece} noValidate>
          <fieldset className="activity-step">
            <legend>
              <span className="meta">{fill(labels.stepOf, { number: index + 1, total: activity.steps.length })}</span> {step.prompt}
            </legend>
            <p className="meta" id="activity-choose">
              {labels.choosePiece}
            </p>
            <div className="options">
              {step.pieces.map((p) => (
                <label key={p.id} className={`option${result && p.id === selected ? (p.use === "well" ? " is-correct" : p.use === "none" ? " is-wrong" : "") : ""}`}>
                  <input type="radio" name={`piece-${step.id}`} value={p.id} checked={selected === p.id} disabled={checked} onChange={() => setSelected(p.id)} />
                  <span className="option-body">{p.text}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {!checked && (
            <button type="submit" className="button">
              {labels.usePiece}
            </button>
          )}
        </form>
        <div aria-live="polite">
          {result && (
            <div className={`feedback ${result.use === "well" ? "correct" : result.use === "weak" ? "partial" : "incorrect"}`} tabIndex={-1} ref={ref}>
              <p className="verdict">{labels[`use_${result.use}`]}</p>
              <p>{result.feedback}</p>
            </div>
          )}
        </div>
        {result && (
          <button type="button" className="button" onClick={next}>
            {last ? labels.seePost : labels.nextStep}
          </button>
        )}
      </section>
    );
  }

  const build = gradeBuild(activity, choices);
  const post = (
    <figure className="activity-post">
      <figcaption className="post-label">{labels.inventedExample}</figcaption>
      <blockquote className="post-text">{build.post}</blockquote>
    </figure>
  );

  if (stage === "post") {
    return (
      <section className="activity" aria-labelledby="activity-post">
        <h2 id="activity-post" tabIndex={-1} ref={ref}>
          {labels.postHeading}
        </h2>
        {post}
        <p className="activity-score">{fill(labels.buildScore, { percent: percent(build.share), points: build.points, max: build.max })}</p>
        <h3>{labels.howItWorks}</h3>
        <p>{activity.explanation}</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setStage("spot");
            focusNext();
          }}
        >
          {labels.startSpot}
        </button>
      </section>
    );
  }

  const graded = gradeSpot(activity.spot.posts, spot);
  return (
    <section className="activity" aria-labelledby="activity-spot">
      <h2 id="activity-spot" tabIndex={-1} ref={spotChecked ? undefined : ref}>
        {labels.spotHeading}
      </h2>
      <form onSubmit={checkSpot} noValidate>
        <p>{activity.spot.prompt}</p>
        <div className="posts">
          {activity.spot.posts.map((p, i) => {
            const j = spotChecked ? graded.judgements.find((x) => x.postId === p.id) : undefined;
            const name = fill(labels.inventedPost, { n: i + 1 });
            return (
              <fieldset key={p.id} className={`post${j ? (j.correct ? " is-correct" : " is-wrong") : ""}`}>
                <legend className="visually-hidden">{name}</legend>
                <p className="post-label" aria-hidden="true">
                  {name}
                </p>
                <blockquote className="post-text">{p.text}</blockquote>
                <div className="piles">
                  {([true, false] as const).map((v) => (
                    <label key={String(v)} className="pile">
                      <input type="radio" name={`spot-${p.id}`} checked={spot[p.id] === v} disabled={spotChecked} onChange={() => setSpot((s) => ({ ...s, [p.id]: v }))} />
                      <span>{v ? labels.uses : labels.doesNotUse}</span>
                    </label>
                  ))}
                </div>
                {j && (
                  <p className="item-feedback">
                    <strong>
                      {j.correct ? `✓ ${labels.right}` : `✗ ${labels.wrong}`}: {p.uses ? labels.uses : labels.doesNotUse}.
                    </strong>{" "}
                    {j.feedback}
                  </p>
                )}
              </fieldset>
            );
          })}
        </div>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        {!spotChecked && (
          <button type="submit" className="button">
            {labels.checkSpot}
          </button>
        )}
      </form>
      <div aria-live="polite">
        {spotChecked && (
          <div className="feedback activity-result">
            <h3 tabIndex={-1} ref={ref}>
              {labels.resultHeading}
            </h3>
            <p className="activity-score">{fill(labels.spotScore, { correct: graded.correct, total: graded.total })}</p>
            <p>{fill(labels.spotRates, { hits: percent(graded.hitRate), falseAlarms: percent(graded.falseAlarmRate) })}</p>
            <p>{labels.spotAdvice}</p>
          </div>
        )}
      </div>
      {spotChecked && (
        <div className="actions">
          <button type="button" className="button secondary" onClick={restart}>
            {labels.again}
          </button>
          <Link className="button" href={backHref}>
            {labels.backToLesson}
          </Link>
        </div>
      )}
    </section>
  );
}
