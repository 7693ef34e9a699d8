"use client";
// Helping a learner back in: a new passphrase for a nickname-only account (shown once, to read
// out or write down), or lifting the sign-in throttle after too many wrong tries.
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { RosterView } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import { NAME_SLOT, UserText, withNames } from "@/components/ui/user-text";
import { FormError, useFormState } from "@/components/ui/form";
import { useSend } from "@/components/api/use-send";
import type { LearnerLabels } from "./labels";

type Learner = RosterView["learners"][number];
interface Issued {
  learnerId: string;
  name: string;
  loginName: string;
  passphrase: string;
}

export function LearnerList({ cohortId, learners, labels }: { cohortId: string; learners: Learner[]; labels: LearnerLabels }) {
  const form = useFormState(labels.failed);
  const send = useSend();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [status, setStatus] = useState<ReactNode>("");
  // Where focus goes once the next render is on screen (the element may not exist before it).
  const pendingFocus = useRef<string | null>(null);
  const focusById = (id: string) => {
    pendingFocus.current = id;
  };
  useEffect(() => {
    const el = pendingFocus.current && document.getElementById(pendingFocus.current);
    if (el) {
      el.focus();
      pendingFocus.current = null;
    }
  });
  const base = `/api/cohorts/${cohortId}/learners`;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    form.clear();
    setStatus("");
    try {
      await action();
    } catch (e) {
      form.fail(e);
    } finally {
      setBusy(false);
    }
  }

  const reset = (l: Learner) =>
    run(async () => {
      const r = await send<{ loginName: string; passphrase: string }>("POST", `${base}/${l.id}/reset-passphrase`, {});
      setConfirming(null);
      setIssued({ learnerId: l.id, name: l.name, ...r });
      focusById("passphrase-box");
    });

  const lift = (l: Learner) =>
    run(async () => {
      await send("POST", `${base}/${l.id}/lift-throttle`, {});
      setStatus(withNames(fill(labels.lifted, { name: NAME_SLOT }), l.name));
    });

  function closeIssued() {
    const id = issued?.learnerId;
    setIssued(null);
    if (id) focusById(`reset-${id}`);
  }

  if (learners.length === 0) return <p className="cohort-empty">{labels.empty}</p>;
  const forName = (name: string) => <span className="visually-hidden"> {withNames(fill(labels.forName, { name: NAME_SLOT }), name)}</span>;
  return (
    <>
      <FormError title={labels.errorTitle} failure={form.failure} id="learners-error" level={3} />
      {issued && (
        <div className="passphrase-box" id="passphrase-box" role="region" tabIndex={-1} aria-labelledby="passphrase-title">
          <h3 id="passphrase-title">{withNames(fill(labels.newTitle, { name: NAME_SLOT }), issued.name)}</h3>
          <p>{labels.newLead}</p>
          <dl className="secret-list">
            <dt>{labels.loginName}</dt>
            <dd className="secret">
              <bdi dir="ltr">{issued.loginName}</bdi>
            </dd>
            <dt>{labels.passphrase}</dt>
            <dd className="secret">
              <bdi dir="ltr">{issued.passphrase}</bdi>
            </dd>
          </dl>
          <button type="button" className="button" onClick={closeIssued}>
            {labels.copied}
          </button>
        </div>
      )}
      <p role="status" className="learner-status">
        {status}
      </p>
      <ul className="learner-list" aria-label={labels.caption}>
        {learners.map((l) => (
          <li key={l.id} className="learner-row">
            <p className="learner-who">
              <span className="learner-name">
                <UserText>{l.name}</UserText>
              </span>
              <span className="meta">{l.nicknameOnly ? labels.nicknameOnly : labels.ownAccount}</span>
            </p>
            {confirming === l.id ? (
              <div className="confirm-inline" role="group" aria-labelledby={`confirm-text-${l.id}`}>
                <p id={`confirm-text-${l.id}`}>{withNames(fill(labels.confirmReset, { name: NAME_SLOT }), l.name)}</p>
                <button type="button" id={`confirm-${l.id}`} className="button small" disabled={busy} onClick={() => void reset(l)}>
                  {busy ? labels.working : labels.confirm}
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => {
                    setConfirming(null);
                    focusById(`reset-${l.id}`);
                  }}
                >
                  {labels.cancel}
                </button>
              </div>
            ) : (
              <div className="row-actions">
                {l.nicknameOnly && (
                  <button
                    type="button"
                    id={`reset-${l.id}`}
                    className="button secondary small"
                    disabled={busy}
                    onClick={() => {
                      setConfirming(l.id);
                      focusById(`confirm-${l.id}`);
                    }}
                  >
                    {labels.reset}
                    {forName(l.name)}
                  </button>
                )}
                <button type="button" className="button secondary small" disabled={busy} onClick={() => void lift(l)}>
                  {labels.lift}
                  {forName(l.name)}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
