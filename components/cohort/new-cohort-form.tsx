"use client";
// "New group": a name, workshop or class, the plan (track) to follow, and optional co-facilitators
// (invited by email: each becomes a co-facilitator only by accepting, see lib/cohorts/invitations.ts).
// On success the facilitator lands on the new group's page, with its join code.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { sendJson } from "./api";
import { ErrorSummary, useFailure } from "./error-summary";
import type { NewGroupLabels } from "./labels";
import "./cohort.css";

export interface TrackOption {
  id: string;
  kind: string;
  title: string;
}

type Kind = "workshop" | "class";
type Field = "name" | "trackId" | "coFacilitatorEmails";

export function NewCohortForm({ locale, tracks, labels }: { locale: string; tracks: TrackOption[]; labels: NewGroupLabels }) {
  const router = useRouter();
  const { error, fail, clear, ref } = useFailure();
  const [busy, setBusy] = useState(false);
  const defaultTrack = (k: Kind) => (tracks.find((t) => t.kind === (k === "class" ? "school" : "workshop")) ?? tracks[0])?.id ?? "";
  const [kind, setKind] = useState<Kind>("workshop");
  const [trackId, setTrackId] = useState(() => defaultTrack("workshop"));
  const [trackChosen, setTrackChosen] = useState(false);

  function chooseKind(k: Kind) {
    setKind(k);
    // Follow the kind until the facilitator picks a plan themselves.
    if (!trackChosen) setTrackId(defaultTrack(k));
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const coFacilitatorEmails = String(form.get("coFacilitators") ?? "")
      .split(/[,;\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    setBusy(true);
    clear();
    try {
      const { id } = await sendJson<{ id: string }>("/api/cohorts", "POST", { name: String(form.get("name") ?? ""), kind, locale, trackId, coFacilitatorEmails }, labels.failed);
      router.push(`/${locale}/facilitate/${id}`);
    } catch (err) {
      fail(err, labels.failed);
      setBusy(false);
    }
  }

  const fieldInError = (["name", "trackId", "coFacilitatorEmails"] as const).find((f) => error?.field?.startsWith(f));
  const describe = (f: Field, hint: string) => ({
    "aria-invalid": fieldInError === f ? (true as const) : undefined,
    "aria-describedby": [hint, fieldInError === f ? "new-group-error" : ""].filter(Boolean).join(" "),
  });

  return (
    <form className="stack-form cohort-form" onSubmit={submit} noValidate>
      {error && <ErrorSummary id="new-group-error" title={labels.errorTitle} message={error.message} ref={ref} />}
      <div className="field">
        <label htmlFor="group-name">{labels.name}</label>
        <p className="hint" id="group-name-hint">
          {labels.nameHint}
        </p>
        <input id="group-name" name="name" required maxLength={80} autoComplete="off" {...describe("name", "group-name-hint")} />
      </div>
      <fieldset className="field choice-group">
        <legend>{labels.kind}</legend>
        {(["workshop", "class"] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => chooseKind(k)} aria-describedby={`kind-${k}-hint`} />
            <span>
              <span className="choice-title">{labels[k]}</span>
              <span className="hint" id={`kind-${k}-hint`}>
                {labels[k === "workshop" ? "workshopHint" : "classHint"]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="group-track">{labels.track}</label>
        <p className="hint" id="group-track-hint">
          {labels.trackHint}
        </p>
        <select
          id="group-track"
          name="trackId"
          value={trackId}
          onChange={(e) => {
            setTrackId(e.target.value);
            setTrackChosen(true);
          }}
          {...describe("trackId", "group-track-hint")}
        >
          {tracks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="group-co">{labels.coFacilitators}</label>
        <p className="hint" id="group-co-hint">
          {labels.coHint}
        </p>
        <input id="group-co" name="coFacilitators" type="text" inputMode="email" autoComplete="off" spellCheck={false} {...describe("coFacilitatorEmails", "group-co-hint")} />
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? labels.working : labels.submit}
        </button>
      </div>
    </form>
  );
}
