"use client";
// "Your views": optional, anonymous 1-to-5 ratings after the starting and final checks. Shown only
// to a signed-in learner in an open group of this course (the server says so; it also decides
// which groups the answers count in). Skipping is one click. Native radios in a fieldset per
// statement, so keyboards (arrow keys) and screen readers work without anything special.
// The answers are randomised here, on the device, before they are sent (local differential
// privacy): the server never receives a learner's own ratings. The mechanism is the pure module
// the server debiases with, so both use the same parameters (see its header).
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useMutation, useQuery } from "@/components/api/queries";
import { apiGet, apiSend, ApiError } from "@/components/api/api";
import { queryKeys } from "@/components/api/query-keys";
import { MECHANISM, randomiseAnswers } from "@/lib/attitudes/randomised-response";
import { readAccountHint, subscribeSignedInHint } from "@/components/progress/account-hint";
import { uuid } from "@/components/ui/uuid";
import type { AttitudeFormLabels } from "./labels";

export interface AttitudeStatement {
  id: string;
  statement: string;
}

type Step = "open" | "sending" | "thanks" | "skipped" | "already" | "absent";

const SCALE = [1, 2, 3, 4, 5] as const;

export function AttitudeForm(props: { courseId: string; form: "pre" | "post"; items: AttitudeStatement[]; labels: AttitudeFormLabels }) {
  const { courseId, form, items, labels } = props;
  const signedIn = useSyncExternalStore(subscribeSignedInHint, readAccountHint, () => "") !== "";
  // What the server says (undefined while asking), then what the learner did. Any failure to ask
  // reads as "not offered": the form is optional, and nothing here is worth an error.
  const statusQuery = useQuery({
    queryKey: queryKeys.attitudes(courseId, form),
    queryFn: ({ signal }) =>
      apiGet<{ eligible: boolean; answered: boolean }>(`/api/attitudes?courseId=${encodeURIComponent(courseId)}&form=${form}`, signal).catch(() => ({ eligible: false, answered: false })),
    enabled: signedIn && items.length > 0,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  const status = statusQuery.data;
  const sendAnswers = useMutation({
    mutationFn: (answers: { itemId: string; value: number }[]) => apiSend("POST", "/api/attitudes", { courseId, form, mechanism: MECHANISM, submissionId, answers }),
  });
  const [action, setStep] = useState<Step>();
  const [values, setValues] = useState<Record<string, number>>({});
  const [error, setError] = useState("");
  // One id per submission: a retry after a dropped connection is the same submission, not a second.
  const [submissionId] = useState(uuid);
  // What was sent for which true answers: a retry resends the same randomised answers, so a
  // dropped connection never gives out a second, independent draw of the same views.
  const sent = useRef<{ key: string; answers: { itemId: string; value: number }[] }>(undefined);
  const doneRef = useRef<HTMLParagraphElement>(null);

  const step: Step | undefined = !signedIn || !status?.eligible ? undefined : (action ?? (status.answered ? "already" : "open"));
  const finished = step === "thanks" || step === "skipped";
  useEffect(() => {
    if (finished) doneRef.current?.focus();
  }, [finished]);

  if (step === undefined || step === "absent") return null;
  if (step === "already" || finished) {
    return (
      <p className="attitudes-done" role="status" tabIndex={-1} ref={doneRef}>
        {step === "thanks" ? labels.thanks : step === "skipped" ? labels.skipped : labels.already}
      </p>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = items.filter((i) => values[i.id]).map((i) => ({ itemId: i.id, value: values[i.id] }));
    if (chosen.length === 0) {
      setError(labels.noneChosen);
      return;
    }
    const key = JSON.stringify(chosen);
    if (sent.current?.key !== key) sent.current = { key, answers: randomiseAnswers(chosen) };
    const answers = sent.current.answers;
    setError("");
    setStep("sending");
    try {
      await sendAnswers.mutateAsync(answers);
      setStep("thanks");
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      if (status === 409) setStep("already");
      else if (status === 401 || status === 403) setStep("absent");
      else if (status === 400) {
        // The server expects another mechanism than this page's: only a reload can fix that.
        setError(labels.outdated);
        setStep("open");
      } else {
        setError(labels.failed);
        setStep("open");
      }
    }
  }

  const sending = step === "sending";
  return (
    <section className="attitudes card" aria-labelledby="attitudes-title">
      <h3 id="attitudes-title">{labels.title}</h3>
      <p className="attitudes-anonymous" id="attitudes-anonymous">
        {labels.anonymous}
      </p>
      <p className="attitudes-lead">{labels.lead}</p>
      <form onSubmit={submit} noValidate aria-describedby="attitudes-anonymous">
        {items.map((item) => (
          <fieldset key={item.id} className="likert">
            <legend>{item.statement}</legend>
            <div className="likert-options">
              {SCALE.map((v) => (
                <label key={v} className="likert-option">
                  <input
                    type="radio"
                    name={`attitude-${item.id}`}
                    value={v}
                    checked={values[item.id] === v}
                    disabled={sending}
                    onChange={() => {
                      setError("");
                      setValues((old) => ({ ...old, [item.id]: v }));
                    }}
                  />
                  <span className="likert-number" aria-hidden="true">
                    {v}
                  </span>
                  <span className="likert-text">{labels[`scale${v}`]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={sending}>
            {sending ? labels.working : labels.submit}
          </button>
          <button type="button" className="button secondary" disabled={sending} onClick={() => setStep("skipped")}>
            {labels.skip}
          </button>
        </div>
      </form>
    </section>
  );
}
