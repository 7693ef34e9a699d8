"use client";
// "New group": a name, workshop or class, the plan (track) to follow, and optional co-facilitators
// (invited by email: each becomes a co-facilitator only by accepting, see lib/cohorts/invitations.ts).
// On success the facilitator lands on the new group's page, with its join code. Built from the
// form kit (components/ui/form): each field's error shows beside it.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Field, FieldSet, Form, FormError, SubmitButton, useFormState } from "@/components/ui/form";
import { useSend } from "@/components/api/use-send";
import type { NewGroupLabels } from "./labels";
import "./cohort.css";

export interface TrackOption {
  id: string;
  kind: string;
  title: string;
}

type Kind = "workshop" | "class";

export function NewCohortForm({ locale, tracks, labels }: { locale: string; tracks: TrackOption[]; labels: NewGroupLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  const defaultTrack = (k: Kind) => (tracks.find((t) => t.kind === (k === "class" ? "school" : "workshop")) ?? tracks[0])?.id ?? "";
  const [kind, setKind] = useState<Kind>("workshop");
  const [trackId, setTrackId] = useState(() => defaultTrack("workshop"));
  const [trackChosen, setTrackChosen] = useState(false);

  function chooseKind(k: Kind) {
    setKind(k);
    // Follow the kind until the facilitator picks a plan themselves.
    if (!trackChosen) setTrackId(defaultTrack(k));
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const coFacilitatorEmails = String(data.get("coFacilitators") ?? "")
      .split(/[,;\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    void form.run(
      async () => {
        const { id } = await send<{ id: string }>("POST", "/api/cohorts", { name: String(data.get("name") ?? ""), kind, locale, trackId, coFacilitatorEmails });
        router.push(`/${locale}/facilitate/${id}`);
      },
      { keepBusy: true },
    );
  }

  return (
    <Form form={form} className="stack-form cohort-form" onSubmit={submit}>
      <FormError title={labels.errorTitle} id="new-group-error" level={3} />
      <Field id="group-name" field="name" label={labels.name} hint={labels.nameHint}>
        {(c) => <input {...c} name="name" required maxLength={80} autoComplete="off" />}
      </Field>
      <FieldSet id="group-kind" field="kind" legend={labels.kind}>
        {() =>
          (["workshop", "class"] as const).map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name="kind"
                value={k}
                id={k === "workshop" ? "group-kind" : undefined}
                checked={kind === k}
                onChange={() => chooseKind(k)}
                aria-describedby={`kind-${k}-hint`}
              />
              <span>
                <span className="choice-title">{labels[k]}</span>
                <span className="hint" id={`kind-${k}-hint`}>
                  {labels[k === "workshop" ? "workshopHint" : "classHint"]}
                </span>
              </span>
            </label>
          ))
        }
      </FieldSet>
      <Field id="group-track" field="trackId" label={labels.track} hint={labels.trackHint}>
        {(c) => (
          <select
            {...c}
            name="trackId"
            value={trackId}
            onChange={(e) => {
              setTrackId(e.target.value);
              setTrackChosen(true);
            }}
          >
            {tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="group-co" field="coFacilitatorEmails" label={labels.coFacilitators} hint={labels.coHint}>
        {(c) => <input {...c} name="coFacilitators" type="text" inputMode="email" autoComplete="off" spellCheck={false} />}
      </Field>
      <div className="actions">
        <SubmitButton busyLabel={labels.working}>{labels.submit}</SubmitButton>
      </div>
    </Form>
  );
}
